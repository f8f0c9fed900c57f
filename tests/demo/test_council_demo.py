import datetime
import re

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from tvatakt.council.choices import NEXT_STATES, AdoptionState, ItemKind, MeetingStatus, Method, Scope, VoteChoice
from tvatakt.council.models import Adoption, AdoptionStep, AgendaItem, Council, Decision, Meeting, Vote
from tvatakt.demo.council import add_months, load_demo_council, meeting_days
from tvatakt.demo.loader import load_demo_city
from tvatakt.demo.meetings import PAST, PLANNED, SLUG
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import RoleAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    return Council.objects.get(slug=SLUG)


@pytest.fixture
def decisions(council):
    return Decision.objects.filter(item__meeting__council=council)


def test_the_demo_council_has_a_quorum_of_five_and_enough_members_to_reach_it(council):
    assert council.quorum == 5 and council.name == "Digitaliseringsrådet" and council.description
    voters = RoleAssignment.objects.active().filter(role__in=[Role.COUNCIL_CHAIR, Role.COUNCIL_MEMBER])
    assert voters.values("person").distinct().count() >= 10
    members = voters.filter(role=Role.COUNCIL_MEMBER)
    assert members.filter(cluster__isnull=False).exists() and members.filter(organisation__isnull=False).exists()


def test_a_year_of_meetings_with_approved_minutes_except_the_latest(council):
    today = timezone.localdate()
    past = list(council.meetings.filter(starts_at__date__lt=today).order_by("starts_at"))
    assert len(past) >= 10
    assert past[0].starts_at.date() >= today - datetime.timedelta(days=400)
    assert not any(meeting.starts_at.month in (7, 8) for meeting in past)
    *approved, latest = past
    assert all(meeting.status == MeetingStatus.APPROVED for meeting in approved)
    assert all(meeting.adjuster_id and meeting.adjuster_id != meeting.approved_by_chair_id for meeting in approved)
    assert all(meeting.starts_at.date() <= meeting.approved_on <= today for meeting in approved)
    assert latest.status == MeetingStatus.HELD and latest.adjuster_id is None
    planned = council.meetings.filter(status=MeetingStatus.PLANNED)
    assert planned.count() == len(PLANNED) and all(meeting.items.exists() for meeting in planned)
    assert all(meeting.starts_at.date() >= today for meeting in planned)


def test_about_thirty_decisions_with_unique_references_and_deadlines_after_them(decisions):
    assert 28 <= decisions.count() <= 32
    references = list(decisions.values_list("reference", flat=True))
    assert len(set(references)) == len(references)
    for decision in decisions.select_related("item__meeting"):
        assert re.fullmatch(rf"DR-{decision.decided_on.year}-\d{{3}}", decision.reference)
        assert decision.decided_on == decision.item.meeting.starts_at.date()
        months = (decision.deadline.year - decision.decided_on.year) * 12 + decision.deadline.month
        assert 1 <= months - decision.decided_on.month <= 9
        assert decision.text and decision.text_en
    assert {Scope.ALL, Scope.CLUSTER, Scope.LIST} == set(decisions.values_list("scope", flat=True))


def test_some_decisions_were_voted_on_with_quorum_and_one_was_close(decisions, council):
    voted = decisions.filter(method=Method.VOTE)
    assert 2 <= voted.count() < decisions.count() / 2
    margins = []
    for decision in voted:
        choices = list(decision.votes.values_list("choice", flat=True))
        assert len(choices) >= council.quorum
        assert choices.count(VoteChoice.FOR) > choices.count(VoteChoice.AGAINST)
        margins.append(choices.count(VoteChoice.FOR) - choices.count(VoteChoice.AGAINST))
    assert min(margins) == 1
    assert not Vote.objects.filter(decision__in=decisions.filter(method=Method.CONSENSUS)).exists()


def test_one_decision_corrects_an_earlier_one_at_a_later_meeting(decisions):
    correction = decisions.get(corrects__isnull=False)
    assert correction.corrects.decided_on < correction.decided_on
    assert correction.corrects.item.meeting.minutes_approved


def test_the_agendas_have_information_and_discussion_and_link_to_the_portfolio(council):
    items = AgendaItem.objects.filter(meeting__council=council)
    assert {ItemKind.INFORMATION, ItemKind.DISCUSSION, ItemKind.DECISION} == set(items.values_list("kind", flat=True))
    linked = {title for meeting in PAST + PLANNED for item in meeting.items for title in item.initiatives}
    assert set(items.values_list("initiatives__title", flat=True)) - {None} == linked
    assert items.filter(raised_by__username="it-direktor").count() > items.count() / 2


def test_adoption_is_spread_realistically_over_the_organisations(decisions):
    adoptions = Adoption.objects.filter(decision__in=decisions)
    assert adoptions.count() >= 900
    states = set(adoptions.values_list("state", flat=True))
    assert set(AdoptionState.values) == states
    assert adoptions.overdue().count() >= 20
    oldest = adoptions.filter(decision=decisions.order_by("decided_on").first())
    newest = adoptions.filter(decision__decided_on=decisions.order_by("decided_on").last().decided_on)
    assert oldest.filter(state=AdoptionState.IMPLEMENTED).count() > oldest.count() * 0.7
    assert newest.filter(state=AdoptionState.IMPLEMENTED).count() < newest.count() * 0.5
    refused = AdoptionStep.objects.filter(
        adoption__in=adoptions, state=AdoptionState.INFORMED, reported_by__username="sekreterare"
    )
    assert refused.count() == 1
    assert adoptions.filter(state=AdoptionState.EXEMPTED).count() >= 4


def test_each_adoption_took_valid_steps_between_the_decision_and_today(decisions):
    today = timezone.localdate()
    adoptions = Adoption.objects.filter(decision__in=decisions).select_related("decision")
    for adoption in adoptions.prefetch_related("steps"):
        state, since = AdoptionState.PENDING, adoption.decision.decided_on
        for step in adoption.steps.all():
            refused = state == AdoptionState.EXEMPTION_REQUESTED and step.state == AdoptionState.INFORMED
            granted = state == AdoptionState.EXEMPTION_REQUESTED and step.state == AdoptionState.EXEMPTED
            assert step.state in NEXT_STATES[state] or refused or granted
            assert since <= step.date <= today
            assert bool(step.evidence) == (step.state == AdoptionState.IMPLEMENTED)
            if step.evidence:
                assert step.evidence.startswith("https://intranat.stockholm.example/")
            state, since = step.state, step.date
        assert (adoption.state, adoption.state_since) == (state, since)


def test_a_second_load_adds_nothing(council):
    counts = [Meeting.objects.count(), Decision.objects.count(), Adoption.objects.count(), AdoptionStep.objects.count()]
    assert load_demo_council() == 0
    assert load_demo_city()["decisions"] == counts[1]
    assert [
        Meeting.objects.count(),
        Decision.objects.count(),
        Adoption.objects.count(),
        AdoptionStep.objects.count(),
    ] == counts


@given(st.dates(datetime.date(2020, 1, 1), datetime.date(2040, 12, 31)))
def test_the_council_meets_on_the_second_tuesday_of_each_month_but_july_and_august(today):
    past, planned = meeting_days(today, 10, 2)
    assert len(past) == 10 and len(planned) == 2
    assert past == sorted(past) and past[-1] < today <= planned[0] < planned[1]
    for day in past + planned:
        assert day.weekday() == 1 and 8 <= day.day <= 14 and day.month not in (7, 8)
    assert (today - past[0]).days <= 400


@given(st.dates(datetime.date(2020, 1, 1), datetime.date(2040, 12, 31)), st.integers(0, 24))
def test_adding_months_keeps_the_day_or_the_months_last_day(day, months):
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or later.day < day.day and (later + datetime.timedelta(days=1)).day == 1


def test_the_demo_reminders_have_gone_out_so_the_first_sweep_sends_no_flood(council, mailoutbox):
    from tvatakt.council.services import reminders_send_due

    assert reminders_send_due() == 0 and mailoutbox == []


def test_the_demo_decision_items_carry_their_papers(council):
    papers = AgendaItem.objects.filter(meeting__council=council, kind=ItemKind.DECISION, attachments__isnull=False)
    assert papers.count() >= 10
    paper = papers.first().attachments.get()
    assert paper.file.read().decode().startswith("Beslutsunderlag:")
