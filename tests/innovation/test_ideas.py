"""Giving ideas (with an account, without one, on someone's behalf), supporting them once, commenting, and the
city's side: answers, moderation and phases."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.innovation import services, tokens
from tvatakt.innovation.choices import IdeaState, Outcome, Phase
from tvatakt.innovation.models import Idea, Report, Support

from .conftest import idea_fields

pytestmark = pytest.mark.django_db


def test_an_idea_without_an_account_waits_for_the_e_mailed_link(consultation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        idea = services.submit_idea(consultation=consultation, email="Astrid@Example.se", name="Astrid",
                                    **idea_fields(age_group="75-85"))  # fmt: skip
    assert idea.state == IdeaState.PENDING and idea.email == "astrid@example.se"
    (sent,) = [message for message in mail.outbox if message.to == ["astrid@example.se"]]
    token = next(line for line in sent.body.splitlines() if "/bekrafta/" in line).rsplit("/", 2)[-2]
    assert services.confirm_idea(idea=tokens.read(token)).state == IdeaState.PUBLISHED
    assert services.confirm_idea(idea=tokens.read(token)).state == IdeaState.PUBLISHED  # twice is once


def test_without_an_account_an_address_is_needed_and_a_robot_is_slowed(consultation):
    with pytest.raises(DomainError) as refused:
        services.submit_idea(consultation=consultation, **idea_fields())
    assert "email" in refused.value.message_dict
    for _ in range(services.ideas.PER_ADDRESS_A_DAY):
        services.submit_idea(consultation=consultation, email="robot@example.se", **idea_fields())
    with pytest.raises(DomainError, match="Many ideas have come from this address today"):
        services.submit_idea(consultation=consultation, email="robot@example.se", **idea_fields())


@pytest.mark.parametrize(
    "fields, field",
    [({"title": "  "}, "title"), ({"title": "x" * 151}, "title"), ({"body": ""}, "body"),
     ({"body": "y" * 4001}, "body"), ({"kind": "king"}, "kind"), ({"age_group": "1-2"}, "age_group")],
)  # fmt: skip
def test_bad_input_is_refused_at_its_field_and_nothing_is_saved(consultation, person, fields, field):
    before = Idea.objects.count()
    with pytest.raises(DomainError) as refused:
        services.submit_idea(consultation=consultation, actor=person("medborgare"), **idea_fields(**fields))
    assert field in refused.value.message_dict and Idea.objects.count() == before


def test_emoji_swedish_letters_and_markup_are_kept_as_written(consultation, person):
    idea = services.submit_idea(consultation=consultation, actor=person("medborgare"),
                                **idea_fields(title="Åäö 🚲 <script>alert(1)</script>"))  # fmt: skip
    assert idea.title == "Åäö 🚲 <script>alert(1)</script>" and idea.state == IdeaState.PUBLISHED


def test_a_help_desk_enters_an_idea_on_someone_s_behalf_and_the_record_says_so(consultation, person):
    host = person("vard")
    idea = services.submit_idea(consultation=consultation, actor=host, on_behalf=True, name="Greta, 85",
                                **idea_fields(age_group="75-85"))  # fmt: skip
    assert idea.state == IdeaState.PUBLISHED and idea.entered_by == host and idea.author is None
    assert idea.author_name == "Greta, 85"
    with pytest.raises(DomainError):
        services.submit_idea(consultation=consultation, actor=host, on_behalf=True, **idea_fields())  # no name
    with pytest.raises(NotAllowed):
        services.submit_idea(consultation=consultation, actor=person("medborgare"), on_behalf=True, name="X",
                             **idea_fields())  # fmt: skip


def test_a_closed_consultation_takes_no_ideas(consultation, person):
    consultation.phase = Phase.REVIEW
    consultation.save()
    with pytest.raises(DomainError, match="does not take new ideas"):
        services.submit_idea(consultation=consultation, actor=person("medborgare"), **idea_fields())


def test_supporting_twice_is_refused_and_the_count_does_not_change(consultation, person):
    idea = services.submit_idea(consultation=consultation, actor=person("medborgare"), **idea_fields())
    assert services.support(idea=idea, actor=person("ambassador")).supports == 1
    with pytest.raises(DomainError, match="already support"):
        services.support(idea=idea, actor=person("ambassador"))
    idea.refresh_from_db()
    assert idea.supports == 1 == Support.objects.filter(idea=idea).count()
    assert services.withdraw_support(idea=idea, actor=person("ambassador")).supports == 0
    assert services.withdraw_support(idea=idea, actor=person("ambassador")).supports == 0  # nothing to withdraw
    with pytest.raises(NotAllowed):
        services.support(idea=idea, actor=None)


def test_support_only_while_the_phase_allows_it(consultation, person):
    idea = services.submit_idea(consultation=consultation, actor=person("medborgare"), **idea_fields())
    consultation.phase = Phase.REVIEW
    consultation.save()
    idea.refresh_from_db()
    with pytest.raises(DomainError, match="does not take support"):
        services.support(idea=idea, actor=person("ambassador"))


def test_the_city_answers_each_idea_with_what_tells_more(consultation, person):
    director = person("it-direktor")
    idea = services.submit_idea(consultation=consultation, actor=person("medborgare"), **idea_fields())
    with pytest.raises(DomainError) as refused:
        services.answer(idea=idea, actor=director, outcome=Outcome.NOT_TAKEN)
    assert "text" in refused.value.message_dict
    with pytest.raises(DomainError) as refused:
        services.answer(idea=idea, actor=director, outcome=Outcome.IN_STRATEGY)
    assert "url" in refused.value.message_dict
    with pytest.raises(DomainError) as refused:
        services.answer(idea=idea, actor=director, outcome=Outcome.INITIATIVE)
    assert "initiative" in refused.value.message_dict
    with pytest.raises(NotAllowed):
        services.answer(idea=idea, actor=person("medborgare"), outcome=Outcome.UNDER_REVIEW)
    answered = services.answer(idea=idea, actor=director, outcome=Outcome.NOT_TAKEN, text="Finns redan.")
    assert answered.outcome == Outcome.NOT_TAKEN and answered.answered_by == director


def test_moderation_hides_with_a_reason_and_closes_the_reports(consultation, person):
    idea = services.submit_idea(consultation=consultation, actor=person("medborgare"), **idea_fields())
    with pytest.raises(DomainError):
        services.report(idea=idea, actor=person("ambassador"), reason="  ")
    services.report(idea=idea, actor=person("ambassador"), reason="Reklam")
    with pytest.raises(DomainError, match="already reported"):
        services.report(idea=idea, actor=person("ambassador"), reason="Reklam igen")
    services.report(idea=idea, actor=None, reason="Spam")  # without an account too
    with pytest.raises(NotAllowed):
        services.hide_idea(idea=idea, actor=person("ambassador"), reason="Nej")
    with pytest.raises(DomainError):
        services.hide_idea(idea=idea, actor=person("it-direktor"), reason="")
    hidden = services.hide_idea(idea=idea, actor=person("it-direktor"), reason="Reklam för ett företag.")
    assert hidden.state == IdeaState.HIDDEN and hidden.hidden_reason == "Reklam för ett företag."
    assert not Report.objects.filter(idea=idea, handled_at=None).exists()
    assert services.restore_idea(idea=hidden, actor=person("it-direktor")).state == IdeaState.PUBLISHED
    comment = services.comment(idea=hidden, actor=person("ambassador"), body="Bra!")
    assert services.hide_comment(comment=comment, actor=person("it-direktor"), reason="Off topic").hidden_reason


def test_closing_needs_the_results_and_only_the_city_moves_the_phase(consultation, person):
    with pytest.raises(NotAllowed):
        services.set_phase(consultation=consultation, actor=person("medborgare"), phase=Phase.SUPPORT)
    with pytest.raises(DomainError) as refused:
        services.set_phase(consultation=consultation, actor=person("it-direktor"), phase=Phase.CLOSED)
    assert "results" in refused.value.message_dict
    closed = services.set_phase(consultation=consultation, actor=person("it-direktor"), phase=Phase.CLOSED,
                                results="Vi bygger bättre wifi.")  # fmt: skip
    assert closed.phase == Phase.CLOSED


def test_unconfirmed_ideas_are_erased_after_thirty_days_with_a_moved_clock(consultation):
    idea = services.submit_idea(consultation=consultation, email="glomsk@example.se", **idea_fields())
    Idea.objects.filter(pk=idea.pk).update(created_at=timezone.now() - datetime.timedelta(days=29))
    assert services.erase_unconfirmed() == 0
    assert services.erase_unconfirmed(now=timezone.now() + datetime.timedelta(days=2)) == 1
    assert not Idea.objects.filter(pk=idea.pk).exists()


def test_how_long_an_unconfirmed_idea_waits_is_the_operators_to_set(consultation, settings):
    settings.INNOVATION_UNCONFIRMED_DAYS = 7
    idea = services.submit_idea(consultation=consultation, email="glomsk@example.se", **idea_fields())
    services.erase_unconfirmed(now=timezone.now() + datetime.timedelta(days=6))
    assert Idea.objects.filter(pk=idea.pk).exists()
    services.erase_unconfirmed(now=timezone.now() + datetime.timedelta(days=8))
    assert not Idea.objects.filter(pk=idea.pk).exists()
