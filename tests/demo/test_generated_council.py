import re
from collections import Counter

import pytest
from django.utils import timezone

from tvatakt.council.choices import NEXT_STATES, AdoptionState, MeetingStatus, Method, Scope, VoteChoice
from tvatakt.council.models import Adoption, AdoptionStep, Decision
from tvatakt.council.services.decisions import VOTING_ROLES
from tvatakt.demo import generator
from tvatakt.demo.generated_council import MARKER, _Maker, _world
from tvatakt.demo.meetings import SLUG
from tvatakt.organisation.models import Organisation, RoleAssignment

pytestmark = pytest.mark.django_db


def council_step() -> generator.Step:
    return next(step for step in generator.STEPS if step.name == "council")


def generated():
    return Decision.objects.filter(item__background__endswith=MARKER)


def test_the_council_step_makes_valid_decisions_with_an_adoption_per_organisation_and_steps_in_order():
    demo = set(Decision.objects.values_list("reference", flat=True))
    advanced = []
    council_step().run(0, 120, advanced.append)
    assert generated().count() == sum(advanced) == council_step().done() == 120
    today = timezone.localdate()
    active = Organisation.objects.filter(is_active=True).count()
    references = list(Decision.objects.values_list("reference", flat=True))
    assert len(references) == len(set(references))
    for decision in generated().select_related("item__meeting__council", "scope_cluster"):
        decision.full_clean(validate_unique=False)
        assert re.fullmatch(rf"DR-{decision.decided_on.year}-\d{{3}}", decision.reference)
        assert decision.decided_on.year < min(int(reference[3:7]) for reference in demo)
        meeting = decision.item.meeting
        assert meeting.council.slug == SLUG and meeting.status == MeetingStatus.APPROVED
        assert decision.decided_on == meeting.starts_at.date() < meeting.approved_on < today
        adoptions = decision.adoptions.count()
        if decision.scope == Scope.ALL:
            assert adoptions == active
        elif decision.scope == Scope.CLUSTER:
            assert adoptions == decision.scope_cluster.members.filter(is_active=True).count()
        choices = Counter(decision.votes.values_list("choice", flat=True))
        if decision.method == Method.VOTE:
            assert choices.total() >= meeting.council.quorum and choices[VoteChoice.FOR] > choices[VoteChoice.AGAINST]
            roles = RoleAssignment.objects.active(decision.decided_on)
            in_office = roles.filter(role__in=VOTING_ROLES).values_list("person", flat=True)
            assert set(decision.votes.values_list("member", flat=True)) <= set(in_office)
        else:
            assert not choices
    adoptions = Adoption.objects.filter(decision__in=generated())
    assert 35 * 120 <= adoptions.count() <= 45 * 120
    assert {AdoptionState.IMPLEMENTED, AdoptionState.PLANNED, AdoptionState.PENDING, AdoptionState.EXEMPTED} <= set(
        adoptions.values_list("state", flat=True)
    )
    assert adoptions.filter(state=AdoptionState.IMPLEMENTED).count() > adoptions.count() * 0.7
    # Their past reminders count as sent: the first sweep after generating sends no flood.
    from tvatakt.council.services import reminders_send_due

    assert reminders_send_due() == 0


def test_every_generated_adoption_ends_in_the_state_of_its_last_step():
    council_step().run(0, 40, lambda n: None)
    today = timezone.localdate()
    adoptions = Adoption.objects.filter(decision__in=generated()).select_related("decision")
    for adoption in adoptions.prefetch_related("steps"):
        state, since = AdoptionState.PENDING, adoption.decision.decided_on
        for step in adoption.steps.all():
            answered = state == AdoptionState.EXEMPTION_REQUESTED and step.state in (
                AdoptionState.EXEMPTED,
                AdoptionState.INFORMED,
            )
            assert step.state in NEXT_STATES[state] or answered
            assert since <= step.date <= today
            assert bool(step.evidence) == (step.state == AdoptionState.IMPLEMENTED)
            state, since = step.state, step.date
        assert (adoption.state, adoption.state_since) == (state, since)
    assert AdoptionStep.objects.filter(adoption__in=adoptions).count() >= adoptions.count() * 2


def test_a_generated_decision_is_the_same_every_time():
    world = _world()

    def snapshot(index):
        row = _Maker(world, index).make()
        return (
            row.item.title,
            row.decision.text,
            row.decision.deadline,
            [vote.choice for vote in row.votes],
            [(adoption.organisation_id, [(s.state, s.date) for s in steps]) for adoption, steps in row.adoptions],
        )

    assert [snapshot(index) for index in range(30)] == [snapshot(index) for index in range(30)]


def test_a_second_run_continues_where_the_first_stopped():
    council_step().run(0, 20, lambda n: None)
    council_step().run(council_step().done(), 30, lambda n: None)
    assert council_step().done() == 30
    references = list(generated().values_list("reference", flat=True))
    assert len(set(references)) == 30
