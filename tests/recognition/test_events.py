"""Recognition events: recorded once per kind and subject, weighed by the policy in force, made only by services."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from tvatakt.council import services as council
from tvatakt.council.models import Adoption, Council, Decision
from tvatakt.organisation.models import Organisation
from tvatakt.portfolio import services as portfolio
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.choices import DEFAULT_WEIGHTS, EventKind
from tvatakt.recognition.models import Event, Policy
from tvatakt.recognition.selectors import Balance, balance_index
from tvatakt.recognition.services import events
from tvatakt.recognition.services.events import event_record, policy_current, policy_update

pytestmark = pytest.mark.django_db


def record(subject="test:1", kind=EventKind.SCALED, **kw):
    return event_record(kind=kind, subject=subject, occurred_on=datetime.date(2026, 5, 12), **kw)


def of(kind, subject=None):
    found = Event.objects.filter(kind=kind)
    return found.filter(subject=subject) if subject else found


# -- Idempotence --------------------------------------------------------------------------------------------------


def test_an_event_reported_twice_is_recorded_once(make_initiative):
    initiative = make_initiative()
    first = record(initiative=initiative)
    assert first is not None and first.points == policy_current().points(EventKind.SCALED)
    assert first.quarter == datetime.date(2026, 4, 1) and first.tempo == "exploration"
    assert (first.organisation_id, first.unit_id, first.person_id) == (
        initiative.organisation_id, initiative.unit_id, initiative.lead_id,
    )  # fmt: skip
    assert record(initiative=initiative) is None
    assert of(EventKind.SCALED, "test:1").count() == 1


def test_two_reporters_at_once_record_one_event_and_the_loser_keeps_its_transaction(make_initiative, monkeypatch):
    initiative = make_initiative()
    record(initiative=initiative)  # the other reporter got there first, after this one looked
    real, looked = events._recorded, []

    def not_yet_the_first_time(kind, subject):  # as if the other reporter's row was not there when this one looked
        looked.append(subject)
        return False if len(looked) == 1 else real(kind, subject)

    monkeypatch.setattr(events, "_recorded", not_yet_the_first_time)
    with transaction.atomic():
        assert record(initiative=initiative) is None  # the unique constraint caught it
        Initiative.objects.filter(pk=initiative.pk).update(title="Still writable")  # the transaction is intact
    monkeypatch.undo()
    assert len(looked) == 2  # it did look again after the insert failed
    assert of(EventKind.SCALED, "test:1").count() == 1
    assert Initiative.objects.get(pk=initiative.pk).title == "Still writable"


def test_an_event_rolled_back_with_its_decision_is_gone(make_initiative):
    with pytest.raises(RuntimeError), transaction.atomic():
        record(initiative=make_initiative())
        raise RuntimeError
    assert not of(EventKind.SCALED, "test:1").exists()


# -- Policy versioning --------------------------------------------------------------------------------------------


def weights(**changes):
    return {str(kind): points for kind, points in DEFAULT_WEIGHTS.items()} | changes


def test_a_policy_change_is_a_new_version_and_past_events_keep_their_points(person, make_initiative):
    before = record(initiative=make_initiative())
    old = policy_current()
    new = policy_update(actor=person("it-direktor"), weights=weights(scaled=99), note="Mer för skalning")
    assert new.version == old.version + 1 and new.points("scaled") == 99 and new.created_by.username == "it-direktor"
    old.refresh_from_db()
    before.refresh_from_db()
    assert old.points("scaled") == DEFAULT_WEIGHTS[EventKind.SCALED]  # the old version was not edited
    assert (before.points, before.policy_id) == (DEFAULT_WEIGHTS[EventKind.SCALED], old.pk)
    after = record("test:2")
    assert (after.points, after.policy_id) == (99, new.pk)


@pytest.mark.parametrize("username", ["initiativledare", "enhetschef", "ambassador", "radsordforande"])
def test_only_the_it_director_may_change_the_policy(person, username):
    count = Policy.objects.count()
    with pytest.raises(PermissionDenied):
        policy_update(actor=person(username), weights=weights(scaled=1000), note="Själv")
    assert Policy.objects.count() == count


@pytest.mark.parametrize(
    "bad, field",
    [
        (weights(scaled=-1), "scaled"),
        (weights(scaled=1001), "scaled"),
        (weights(scaled=2.5), "scaled"),
        (weights(scaled="tio"), "scaled"),
        ({k: v for k, v in weights().items() if k != "gate_on_time"}, "gate_on_time"),
        (weights(self_award=5), "__all__"),
    ],
)
def test_bad_weights_are_refused_and_nothing_is_saved(person, bad, field):
    count = Policy.objects.count()
    with pytest.raises(ValidationError) as exc:
        policy_update(actor=person("it-direktor"), weights=bad, note="Fel")
    assert field in exc.value.message_dict
    assert Policy.objects.count() == count


def test_a_policy_change_needs_a_reason(person):
    with pytest.raises(ValidationError) as exc:
        policy_update(actor=person("it-direktor"), weights=weights(), note="  ")
    assert "note" in exc.value.message_dict


def test_the_first_policy_is_made_once(db):
    Event.objects.all().delete()
    Policy.objects.all().delete()
    assert policy_current().version == 1
    assert policy_current().version == 1 and Policy.objects.count() == 1


# -- The hooks in the portfolio's and the council's services ------------------------------------------------------


def go(initiative, actor, decision="go", **kw):
    initiative.refresh_from_db()
    return portfolio.gate_decide(
        actor=actor, initiative=initiative, phase=initiative.current_phase, decision=decision, reason="Beslut",
        revision=initiative.gate_revision, **kw,
    )  # fmt: skip


def test_a_marathon_gate_passed_on_time_earns_one_event(make_initiative, person):
    initiative = make_initiative("program")
    gate = go(initiative, person("it-direktor"))
    found = of(EventKind.GATE_ON_TIME, f"gate:{initiative.pk}:{gate.phase_id}").get()
    assert (found.initiative_id, found.person.username, found.occurred_on) == (
        initiative.pk, "initiativledare", gate.decided_on,
    )  # fmt: skip
    events.recognise_gate(gate, Initiative.objects.select_related("process_type").get(pk=initiative.pk))  # repeated
    assert of(EventKind.GATE_ON_TIME, f"gate:{initiative.pk}:{gate.phase_id}").count() == 1


def test_a_phase_decided_again_after_a_recycle_earns_its_gate_once(make_initiative, person):
    initiative = make_initiative("program")
    first = go(initiative, person("it-direktor"))
    go(initiative, person("it-direktor"), decision="recycle")  # back to the phase before
    again = go(initiative, person("it-direktor"))
    assert again.phase_id == first.phase_id
    assert of(EventKind.GATE_ON_TIME).filter(initiative=initiative).count() == 1


def test_a_late_gate_or_a_gate_held_earns_nothing(make_initiative, person, today):
    initiative = make_initiative("program")
    go(initiative, person("it-direktor"), decision="hold")
    Initiative.objects.filter(pk=initiative.pk).update(
        start_date=today - datetime.timedelta(days=900), phase_entered_on=today - datetime.timedelta(days=800)
    )
    late = go(initiative, person("it-direktor"))
    assert not late.on_time
    assert not of(EventKind.GATE_ON_TIME).filter(subject__startswith=f"gate:{initiative.pk}:").exists()


def test_a_gate_written_up_long_after_its_due_day_earns_nothing_whatever_date_it_gives(make_initiative, person, today):
    initiative = make_initiative("program")
    entered = today - datetime.timedelta(days=400)  # the phase's due day passed long ago
    Initiative.objects.filter(pk=initiative.pk).update(start_date=entered, phase_entered_on=entered)
    backdated = go(initiative, person("it-direktor"), decided_on=entered + datetime.timedelta(days=1))
    assert backdated.on_time  # the date given is within the plan ...
    assert not of(EventKind.GATE_ON_TIME).filter(initiative=initiative).exists()  # ... but it was written up late
    one_day = datetime.timedelta(days=1)
    events.recognise_gate(backdated, initiative, recorded_on=backdated.due_on + events.GATE_RECORD_GRACE + one_day)
    assert not of(EventKind.GATE_ON_TIME).filter(initiative=initiative).exists()
    events.recognise_gate(backdated, initiative, recorded_on=backdated.due_on + events.GATE_RECORD_GRACE)
    assert of(EventKind.GATE_ON_TIME).filter(initiative=initiative).count() == 1  # a week's grace for paperwork


def finish(initiative, actor):
    initiative.refresh_from_db()
    while initiative.is_open:
        go(initiative, actor)
        initiative.refresh_from_db()
    return initiative


@pytest.mark.parametrize("spent, earns", [(1_050_000, True), (900_000, True), (1_101_000, False), (500_000, False)])
def test_a_marathon_delivered_within_ten_percent_of_budget_earns_an_event(make_initiative, person, spent, earns):
    initiative = make_initiative("program", budget_planned=Decimal(1_000_000), budget_spent=Decimal(spent))
    finish(initiative, person("it-direktor"))
    assert of(EventKind.WITHIN_BUDGET, f"initiative:{initiative.pk}").count() == (1 if earns else 0)


def test_a_benefit_confirmed_realised_earns_one_event_but_not_from_the_leads_own_figures(make_initiative, person):
    director, lead = person("it-direktor"), person("initiativledare")
    benefit = portfolio.benefit_create(
        actor=director, initiative=make_initiative("program"), name="Kortare handläggning", measure="dagar",
        owner=director, baseline=Decimal(30), target=Decimal(10), due_on=datetime.date(2027, 1, 1),
    )  # fmt: skip
    portfolio.benefit_follow_up(actor=director, benefit=benefit, value=Decimal(12))
    assert not of(EventKind.BENEFIT_REALISED).filter(subject=f"benefit:{benefit.pk}").exists()
    portfolio.benefit_follow_up(actor=lead, benefit=benefit, value=Decimal(9))  # the lead's own figure
    assert not of(EventKind.BENEFIT_REALISED).filter(subject=f"benefit:{benefit.pk}").exists()
    portfolio.benefit_follow_up(actor=director, benefit=benefit, value=Decimal(8))
    portfolio.benefit_follow_up(actor=director, benefit=benefit, value=Decimal(7))
    assert of(EventKind.BENEFIT_REALISED, f"benefit:{benefit.pk}").get().person == lead


def test_a_sprint_scaled_within_its_quarter_earns_both_events_once(make_initiative, person):
    initiative = make_initiative()
    portfolio.sprint_outcome_decide(actor=person("enhetschef"), initiative=initiative, outcome="scaled", learning="L")
    subject = f"outcome:{initiative.pk}"
    assert of(EventKind.OUTCOME_IN_QUARTER, subject).count() == 1 and of(EventKind.SCALED, subject).count() == 1
    events.recognise_outcome(Initiative.objects.get(pk=initiative.pk))  # repeated
    assert Event.objects.filter(subject=subject).count() == 2


def test_a_sprint_stopped_early_with_a_learning_counts_as_a_success(make_initiative, person):
    initiative = make_initiative()
    portfolio.sprint_outcome_decide(
        actor=person("enhetschef"), initiative=initiative, outcome="stopped", learning="Ingen ville ha den"
    )
    assert of(EventKind.STOPPED_WITH_LEARNING, f"outcome:{initiative.pk}").count() == 1
    assert not of(EventKind.SCALED, f"outcome:{initiative.pk}").exists()


def test_a_sprint_stopped_at_its_gate_earns_the_stop_too(make_initiative, person):
    initiative = make_initiative()
    go(initiative, person("enhetschef"), decision="stop")
    assert of(EventKind.STOPPED_WITH_LEARNING, f"outcome:{initiative.pk}").count() == 1


def test_an_outcome_after_the_quarter_earns_no_quarter_event(make_initiative, person, today):
    initiative = make_initiative()
    quarter = datetime.date(today.year - 1, 1, 1)
    Initiative.objects.filter(pk=initiative.pk).update(
        start_date=quarter, quarter=quarter, timebox_end=datetime.date(today.year - 1, 3, 31)
    )
    initiative.refresh_from_db()
    portfolio.sprint_outcome_decide(actor=person("enhetschef"), initiative=initiative, outcome="stopped", learning="L")
    assert not Event.objects.filter(subject=f"outcome:{initiative.pk}").exists()


@pytest.fixture
def adoption(db, person):
    council_, _ = Council.objects.get_or_create(slug="digitaliseringsradet", defaults={"name": "Rådet"})
    meeting = council.meeting_schedule(
        actor=person("sekreterare"), council=council_, place="Stadshuset",
        starts_at=datetime.datetime(2026, 1, 1, 9, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2026, 1, 1, 11, tzinfo=datetime.UTC),
    )  # fmt: skip
    item = council.agenda_item_add(
        actor=person("sekreterare"), meeting=meeting, kind="decision", title="E-legitimation",
        raised_by=person("it-direktor"),
    )  # fmt: skip
    decision = council.decision_record(
        actor=person("sekreterare"), item=item, text="Alla inför e-legitimation.", method="consensus", scope="all",
        deadline=datetime.date(2026, 12, 31),
    )  # fmt: skip
    Decision.objects.filter(pk=decision.pk).update(decided_on=datetime.date(2026, 1, 1))
    return Adoption.objects.select_related("decision").get(
        decision=decision, organisation=Organisation.objects.get(name="Utbildningsförvaltningen")
    )


def implement(adoption, person, day):
    ambassador = person("ambassador")
    for state, seen in (("informed", "pending"), ("planned", "informed")):
        council.adoption_report(actor=ambassador, adoption=adoption, state=state, seen_state=seen, date=day)
    council.adoption_report(
        actor=ambassador, adoption=adoption, state="implemented", seen_state="planned", evidence="https://e.org/x",
        date=day,
    )  # fmt: skip


def test_an_adoption_implemented_before_its_deadline_earns_the_organisation_an_event(adoption, person):
    implement(adoption, person, datetime.date(2026, 3, 2))
    found = of(EventKind.ADOPTED_EARLY, f"adoption:{adoption.pk}").get()
    assert (found.organisation.name, found.person_id, found.tempo) == ("Utbildningsförvaltningen", None, "stability")
    step = adoption.steps.get(state="implemented")
    events.recognise_adoption(Adoption.objects.select_related("decision").get(pk=adoption.pk), step)  # repeated
    assert of(EventKind.ADOPTED_EARLY, f"adoption:{adoption.pk}").count() == 1


def test_an_adoption_implemented_after_its_deadline_earns_nothing(adoption, person):
    Decision.objects.filter(pk=adoption.decision_id).update(deadline=datetime.date(2026, 2, 1))
    adoption = Adoption.objects.select_related("decision").get(pk=adoption.pk)
    implement(adoption, person, datetime.date(2026, 3, 2))
    assert not of(EventKind.ADOPTED_EARLY, f"adoption:{adoption.pk}").exists()


def test_a_report_after_the_deadline_earns_nothing_even_when_it_gives_an_earlier_date(adoption, person):
    Decision.objects.filter(pk=adoption.decision_id).update(deadline=datetime.date(2026, 3, 1))
    adoption = Adoption.objects.select_related("decision").get(pk=adoption.pk)
    implement(adoption, person, datetime.date(2026, 2, 15))  # reported today, dated before the deadline
    assert not of(EventKind.ADOPTED_EARLY, f"adoption:{adoption.pk}").exists()


# -- The balance index --------------------------------------------------------------------------------------------

points = st.integers(min_value=0, max_value=10**6)


@given(points, points)
def test_the_balance_index_is_between_0_and_1_and_symmetric(stability, exploration):
    index = balance_index(stability, exploration)
    assert index == balance_index(exploration, stability)
    if stability == exploration == 0:
        assert index is None
    else:
        assert 0.0 <= index <= 1.0
        assert (index == 0.0) == (min(stability, exploration) == 0)


@given(st.integers(min_value=1, max_value=10**6))
def test_equal_scores_are_in_perfect_balance(score):
    assert balance_index(score, score) == 1.0
    assert Balance(score, score).verdict == "in balance"


def test_the_balance_is_told_in_words():
    assert Balance(0, 0).verdict == "no points"
    assert Balance(30, 0).verdict == "mostly stability"
    assert Balance(10, 40).verdict == "mostly exploration"
    assert Balance(20, 30).verdict == "in balance"
