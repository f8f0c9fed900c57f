"""The demo's two consultations make the innovation pages meaningful: about eighty ideas from people of all ages and
kinds, in every state and with every answer, some entered at a library's help desk, with supports, comments and
reports waiting for moderation."""

import datetime

import pytest
from django.db.models import Count
from django.utils import timezone

from tvatakt.demo.innovation import load_demo_innovation
from tvatakt.innovation.choices import IdeaState, Outcome, ParticipantKind, Phase
from tvatakt.innovation.models import Comment, Consultation, Idea, Report, Support

pytestmark = pytest.mark.django_db
SLUGS = ["framtidens-stockholm", "digitala-vardagen"]


def test_the_demo_has_two_consultations_one_open_for_ideas_and_one_closed_with_results():
    asked = Consultation.objects.get(slug="framtidens-stockholm")
    assert asked.title == "Hur kan digitaliseringen göra ditt liv enklare?" and asked.phase == Phase.IDEAS
    assert asked.organisation.name == "Stadsledningskontoret" and asked.strategy_url.startswith("https://")
    closed = Consultation.objects.get(slug="digitala-vardagen")
    assert closed.phase == Phase.CLOSED and closed.results


def test_about_eighty_ideas_in_every_state_with_every_answer_and_from_every_kind():
    ideas = Idea.objects.filter(consultation__slug__in=SLUGS)
    assert 75 <= ideas.count() <= 85
    assert set(ideas.values_list("state", flat=True)) == set(IdeaState.values)
    assert set(ideas.values_list("outcome", flat=True)) == set(Outcome.values)
    assert set(ideas.values_list("kind", flat=True)) == set(ParticipantKind.values)
    assert {"7-12", "75-85"} <= set(ideas.values_list("age_group", flat=True))
    assert all(idea.hidden_reason for idea in ideas.filter(state=IdeaState.HIDDEN))
    pending = ideas.filter(state=IdeaState.PENDING)
    week = timezone.now() - datetime.timedelta(days=7)
    assert all(idea.email and idea.created_at > week for idea in pending)  # their links still work
    closed = ideas.filter(consultation__slug="digitala-vardagen", state=IdeaState.PUBLISHED)
    assert not closed.filter(outcome=Outcome.NONE).exists()  # the city answered every idea before closing


def test_every_answer_carries_what_tells_the_reader_more():
    ideas = Idea.objects.filter(consultation__slug__in=SLUGS)
    assert all(idea.outcome_url for idea in ideas.filter(outcome=Outcome.IN_STRATEGY))
    assert all(idea.outcome_text for idea in ideas.filter(outcome=Outcome.NOT_TAKEN))
    became = ideas.filter(outcome=Outcome.INITIATIVE)
    assert became.count() >= 5 and not became.filter(initiative=None).exists()
    assert not became.filter(initiative__is_confidential=True).exists()


def test_some_ideas_were_entered_at_the_library_help_desk_by_the_host():
    entered = Idea.objects.filter(consultation__slug__in=SLUGS).exclude(entered_by=None)
    assert entered.count() >= 4
    assert {idea.entered_by.username for idea in entered} == {"vard"}
    assert all(idea.author_name and idea.author is None for idea in entered)


def test_the_supports_counted_on_each_idea_are_the_support_rows():
    ideas = Idea.objects.filter(consultation__slug__in=SLUGS).annotate(rows=Count("support_rows"))
    assert all(idea.supports == idea.rows for idea in ideas)
    assert Support.objects.filter(idea__consultation__slug__in=SLUGS).count() > 500
    assert not Support.objects.filter(person__username="medborgare").exists()  # free to support in a walkthrough


def test_there_are_comments_and_reports_waiting_for_moderation_and_handled_ones():
    assert Comment.objects.filter(idea__consultation__slug__in=SLUGS).count() >= 10
    reports = Report.objects.filter(idea__consultation__slug__in=SLUGS)
    waiting = reports.filter(handled_at=None)
    assert waiting.filter(comment=None).exists() and waiting.exclude(comment=None).exists()
    assert reports.exclude(handled_at=None).count() >= 2


def test_loading_the_demo_again_adds_nothing():
    before = (Idea.objects.count(), Support.objects.count(), Comment.objects.count(), Report.objects.count())
    load_demo_innovation()
    assert (Idea.objects.count(), Support.objects.count(), Comment.objects.count(), Report.objects.count()) == before
