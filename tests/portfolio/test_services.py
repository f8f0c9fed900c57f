import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tvatakt.portfolio import services
from tvatakt.portfolio.dates import add_quarters, quarter_end, quarter_start
from tvatakt.portfolio.models import GateDecision, Initiative, ProcessType
from tvatakt.portfolio.services.process_types import PhaseSpec

pytestmark = pytest.mark.django_db


def messages_of(exc_info, field):
    return " ".join(exc_info.value.message_dict[field])


def test_new_initiative_starts_in_the_first_phase_of_its_process_type(make_initiative):
    initiative = make_initiative("upphandling-enligt-lou")
    assert initiative.current_phase.name == "Behovsanalys"
    assert initiative.baseline_end == initiative.planned_end
    assert initiative.history.count() == 1
    assert initiative.history.first().history_user.username == "it-direktor"


def test_planned_end_before_start_is_refused_and_nothing_is_saved(make_initiative, today):
    before = Initiative.objects.count()
    with pytest.raises(ValidationError) as exc:
        make_initiative("program", start_date=today, planned_end=today - datetime.timedelta(days=1))
    assert "planned_end" in exc.value.message_dict
    assert Initiative.objects.count() == before


def test_sprint_timeboxed_to_a_past_quarter_is_refused(make_initiative, today):
    with pytest.raises(ValidationError) as exc:
        make_initiative(quarter=add_quarters(quarter_start(today), -1))
    assert "already ended" in messages_of(exc, "quarter")


def test_budget_below_zero_is_refused(make_initiative):
    with pytest.raises(ValidationError) as exc:
        make_initiative("program", budget_planned=Decimal("-1"))
    assert "budget_planned" in exc.value.message_dict


def test_amber_health_needs_a_reason(make_initiative):
    with pytest.raises(ValidationError) as exc:
        make_initiative("program", health="amber")
    assert "health_reason" in exc.value.message_dict


def test_a_citizen_cannot_create_an_initiative(make_initiative, person):
    with pytest.raises(PermissionDenied):
        make_initiative(actor=person("medborgare"))


def test_a_sprint_needs_a_hypothesis(make_initiative):
    with pytest.raises(ValidationError) as exc:
        make_initiative(hypothesis="")
    assert "hypothesis" in exc.value.message_dict


def test_lead_can_update_but_not_set_done(make_initiative, person):
    initiative = make_initiative()
    lead = person("initiativledare")
    updated = services.initiative_update(actor=lead, initiative=initiative, budget_spent=Decimal(1000))
    assert updated.budget_spent == 1000
    with pytest.raises(ValidationError):
        services.initiative_update(actor=lead, initiative=initiative, status="done")
    with pytest.raises(PermissionDenied):
        services.initiative_update(actor=person("ambassador"), initiative=initiative, title="Kapat")
    assert Initiative.objects.get(pk=initiative.pk).title == "Testinitiativ"


def test_baseline_is_fixed_once_work_has_started(make_initiative, person, today):
    initiative = make_initiative("program")
    later = initiative.planned_end + datetime.timedelta(days=90)
    updated = services.initiative_update(actor=person("it-direktor"), initiative=initiative, planned_end=later)
    assert updated.baseline_end == initiative.baseline_end != later


def test_check_in_sets_health_and_is_stale_after_its_cadence(make_initiative, person, today):
    initiative = make_initiative()
    assert initiative.is_stale()  # started ten days ago, no check-in, weekly cadence
    services.initiative_check_in(actor=person("initiativledare"), initiative=initiative, health="red", text="Blockerat")
    initiative.refresh_from_db()
    assert initiative.health == "red" and initiative.health_reason == "Blockerat"
    assert not initiative.is_stale()
    assert initiative in Initiative.objects.stale(today + datetime.timedelta(days=8))
    assert initiative not in Initiative.objects.stale(today)


def test_check_in_in_the_future_is_refused(make_initiative, person, today):
    with pytest.raises(ValidationError) as exc:
        services.initiative_check_in(
            actor=person("initiativledare"),
            initiative=make_initiative(),
            health="green",
            text="x",
            date=today + datetime.timedelta(days=1),
        )
    assert "date" in exc.value.message_dict


def go(initiative, actor, decision="go", phase=None, revision=None, **kw):
    initiative.refresh_from_db()
    return services.gate_decide(
        actor=actor,
        initiative=initiative,
        phase=phase or initiative.current_phase,
        decision=decision,
        reason="Beslutat i ledningsgruppen",
        revision=initiative.gate_revision if revision is None else revision,
        **kw,
    )


def test_gate_go_moves_to_the_next_phase_and_is_recorded(make_initiative, person):
    initiative = make_initiative("program", status="proposed")
    decision = go(initiative, person("it-direktor"))
    initiative.refresh_from_db()
    assert initiative.current_phase.name == "Planering"
    assert initiative.status == "active"
    assert decision.phase_name == "Förstudie" and decision.decided_by.username == "it-direktor"


def test_the_lead_may_not_decide_their_own_gate(make_initiative, person):
    initiative = make_initiative(lead=person("enhetschef"))  # the head of the unit leads it
    with pytest.raises(PermissionDenied):
        go(initiative, person("enhetschef"))
    go(initiative, person("it-direktor"))  # someone else with authority may


def test_an_initiative_lead_without_authority_may_not_decide_gates(make_initiative, person):
    with pytest.raises(PermissionDenied):
        go(make_initiative(lead=None), person("initiativledare"))


def test_gate_on_a_phase_that_is_not_current_is_refused(make_initiative, person):
    initiative = make_initiative("program")
    first = initiative.current_phase
    go(initiative, person("it-direktor"))
    with pytest.raises(ValidationError) as exc:
        go(initiative, person("it-direktor"), phase=first)
    assert "not the current phase" in messages_of(exc, "phase")


def test_two_people_deciding_the_same_gate_one_wins_the_other_is_told(make_initiative, person):
    initiative = make_initiative()
    seen = initiative.gate_revision
    go(initiative, person("enhetschef"), revision=seen, decision="hold")
    with pytest.raises(ValidationError) as exc:
        go(initiative, person("it-direktor"), revision=seen, decision="stop")
    assert "Someone else decided" in " ".join(exc.value.messages)
    initiative.refresh_from_db()
    assert initiative.status == "active" and GateDecision.objects.filter(initiative=initiative).count() == 1


def test_recycle_goes_back_and_stop_ends_a_sprint_with_the_reason_as_learning(make_initiative, person):
    initiative = make_initiative()
    director = person("it-direktor")
    go(initiative, director)
    go(initiative, director, decision="recycle")
    initiative.refresh_from_db()
    assert initiative.current_phase.name == "Idé"
    go(initiative, director, decision="stop")
    initiative.refresh_from_db()
    assert (initiative.status, initiative.outcome) == ("stopped", "stopped")
    assert initiative.learning


def test_standstill_gate_cannot_pass_before_the_period_ends(make_initiative, person, today):
    director = person("it-direktor")
    initiative = make_initiative("upphandling-enligt-lou", start_date=today - datetime.timedelta(days=400))
    for _ in range(6):
        go(initiative, director)
    initiative.refresh_from_db()
    assert initiative.current_phase.rule == "standstill"
    with pytest.raises(ValidationError):
        go(initiative, director)  # no award date recorded yet
    services.initiative_update(actor=director, initiative=initiative, award_sent_on=today - datetime.timedelta(days=3))
    with pytest.raises(ValidationError) as exc:
        go(initiative, director)
    assert "standstill" in messages_of(exc, "decision")
    services.initiative_update(actor=director, initiative=initiative, award_sent_on=today - datetime.timedelta(days=40))
    go(initiative, director)
    initiative.refresh_from_db()
    assert initiative.current_phase.name == "Avtal"


def test_outcome_without_learning_is_refused(make_initiative, person):
    initiative = make_initiative()
    with pytest.raises(ValidationError) as exc:
        services.sprint_outcome_decide(
            actor=person("it-direktor"), initiative=initiative, outcome="scaled", learning=" "
        )
    assert "learning" in exc.value.message_dict
    initiative.refresh_from_db()
    assert initiative.outcome == ""


def test_outcome_ends_the_sprint(make_initiative, person):
    initiative = make_initiative()
    services.sprint_outcome_decide(actor=person("enhetschef"), initiative=initiative, outcome="pivoted", learning="L")
    initiative.refresh_from_db()
    assert (initiative.status, initiative.outcome) == ("done", "pivoted")


def overrun_sprint(make_initiative, today):
    initiative = make_initiative()
    # Time passes: the quarter it was timeboxed to is over.
    past = add_quarters(quarter_start(today), -1)
    Initiative.objects.filter(pk=initiative.pk).update(quarter=past, timebox_end=quarter_end(past))
    initiative.refresh_from_db()
    return initiative


def test_sprint_past_its_quarter_without_outcome_is_flagged_overrun(make_initiative, today):
    initiative = overrun_sprint(make_initiative, today)
    assert initiative.is_overrun()
    assert initiative in Initiative.objects.overrun()


def test_overrun_sprint_can_be_extended_once_only(make_initiative, person, today):
    initiative = overrun_sprint(make_initiative, today)
    head = person("enhetschef")
    services.overrun_resolve(actor=head, initiative=initiative, decision="extend", reason="Behöver en månad till")
    initiative.refresh_from_db()
    assert initiative.extended and initiative.timebox_end == quarter_end(today)
    Initiative.objects.filter(pk=initiative.pk).update(timebox_end=today - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        services.overrun_resolve(actor=head, initiative=initiative, decision="extend", reason="En gång till")
    assert "already been extended once" in " ".join(exc.value.messages)


def test_extension_longer_than_a_quarter_is_refused(make_initiative, person, today):
    initiative = overrun_sprint(make_initiative, today)
    with pytest.raises(ValidationError) as exc:
        services.overrun_resolve(
            actor=person("enhetschef"),
            initiative=initiative,
            decision="extend",
            reason="x",
            new_end=add_quarters(quarter_start(today), 2),
        )
    assert "new_end" in exc.value.message_dict


def test_overrun_sprint_converted_to_marathon_keeps_its_history(make_initiative, person, today):
    initiative = overrun_sprint(make_initiative, today)
    go(initiative, person("it-direktor"))
    program = ProcessType.objects.get(slug="program")
    services.overrun_resolve(
        actor=person("it-direktor"),
        initiative=initiative,
        decision="convert",
        reason="Större än väntat",
        process_type=program,
    )
    initiative.refresh_from_db()
    assert initiative.mode == "marathon" and initiative.current_phase.name == "Förstudie"
    assert initiative.gate_decisions.count() == 1 and initiative.hypothesis
    assert not initiative.is_overrun()
    assert initiative.history.first().history_change_reason == "Större än väntat"


def test_overrun_decision_on_a_sprint_within_its_quarter_is_refused(make_initiative, person):
    with pytest.raises(ValidationError):
        services.overrun_resolve(actor=person("it-direktor"), initiative=make_initiative(), decision="stop", reason="x")


def test_editing_phases_never_strands_an_initiative(make_initiative, person, unit):
    director = person("it-direktor")
    names = ["Idé", "Hypotes", "Bygga"]
    process_type = services.process_type_create(
        actor=director, unit=unit("digital-fornyelse"), name="Prov", mode="sprint",
        phases=[PhaseSpec(name=name, default_days=7) for name in names],
    )  # fmt: skip
    initiative = make_initiative(process_type=process_type)
    go(initiative, director)  # now in "Hypotes"
    phases = {phase.name: phase.pk for phase in process_type.phases.all()}
    kept = [PhaseSpec(name="Idé", default_days=7, pk=phases["Idé"]), PhaseSpec(name="Prototyp", default_days=30)]
    services.process_type_update(actor=director, process_type=process_type, name=process_type.name, phases=kept)
    initiative.refresh_from_db()
    assert initiative.current_phase.name == "Hypotes" and not initiative.current_phase.is_active
    assert not process_type.phases.filter(name="Bygga").exists()  # never used, so deleted
    go(initiative, director)
    initiative.refresh_from_db()
    assert initiative.current_phase.name == "Prototyp"


def test_only_the_units_head_may_edit_its_process_types(person):
    process_type = ProcessType.objects.get(slug="upphandling-enligt-lou")
    with pytest.raises(PermissionDenied):
        services.process_type_update(
            actor=person("enhetschef"),
            process_type=process_type,
            name="X",
            phases=[PhaseSpec(name="A", default_days=1)],
        )


def test_benefits_are_for_marathons_and_follow_ups_update_the_latest_value(make_initiative, person, today):
    director = person("it-direktor")
    with pytest.raises(ValidationError):
        services.benefit_create(
            actor=director, initiative=make_initiative(), name="x", measure="h", owner=director,
            baseline=1, target=2, due_on=today,
        )  # fmt: skip
    benefit = services.benefit_create(
        actor=director, initiative=make_initiative("program"), name="Kortare handläggning", measure="dagar",
        owner=director, baseline=Decimal(30), target=Decimal(10), due_on=today,
    )  # fmt: skip
    services.benefit_follow_up(actor=director, benefit=benefit, value=Decimal(12))
    benefit.refresh_from_db()
    assert not benefit.is_realised
    services.benefit_follow_up(actor=director, benefit=benefit, value=Decimal(9))
    benefit.refresh_from_db()
    assert benefit.is_realised


@pytest.mark.parametrize(
    "field, value",
    [
        ("is_confidential", True),
        ("budget_planned", Decimal(1)),
        ("unit", "utredning-och-avtal"),
        ("lead", "ambassador"),
    ],
)
def test_the_lead_may_not_change_what_is_governed_above_them(make_initiative, person, unit, field, value):
    initiative = make_initiative()
    value = unit(value) if field == "unit" else person(value) if field == "lead" else value
    with pytest.raises(PermissionDenied):
        services.initiative_update(actor=person("initiativledare"), initiative=initiative, **{field: value})


def test_the_quarter_of_a_sprint_under_way_cannot_be_moved(make_initiative, person, today):
    initiative = make_initiative()  # active
    with pytest.raises(ValidationError) as exc:
        services.initiative_update(
            actor=person("it-direktor"), initiative=initiative, quarter=add_quarters(quarter_start(today), 1)
        )
    assert "quarter" in exc.value.message_dict


def test_an_initiative_with_a_decided_gate_cannot_go_back_to_proposed(make_initiative, person):
    initiative = make_initiative("program")
    go(initiative, person("it-direktor"))
    with pytest.raises(ValidationError) as exc:
        services.initiative_update(actor=person("it-direktor"), initiative=initiative, status="proposed")
    assert "status" in exc.value.message_dict


def test_the_baseline_cannot_be_rewritten_by_going_back_to_proposed(make_initiative, person, today):
    initiative = make_initiative("program")  # active, no gate yet
    later = initiative.planned_end + datetime.timedelta(days=200)
    director = person("it-direktor")
    updated = services.initiative_update(actor=director, initiative=initiative, status="proposed", planned_end=later)
    assert updated.baseline_end == initiative.baseline_end


def test_an_award_decision_in_the_future_is_refused(make_initiative, person, today):
    initiative = make_initiative("upphandling-enligt-lou")
    with pytest.raises(ValidationError) as exc:
        services.initiative_update(
            actor=person("it-direktor"), initiative=initiative, award_sent_on=today + datetime.timedelta(days=1)
        )
    assert "award_sent_on" in exc.value.message_dict


def test_a_sprint_must_end_within_its_timebox(make_initiative, today):
    with pytest.raises(ValidationError) as exc:
        make_initiative(planned_end=quarter_end(today) + datetime.timedelta(days=1))
    assert "planned_end" in exc.value.message_dict


def test_whoever_creates_an_initiative_without_a_lead_leads_it(make_initiative, person):
    initiative = make_initiative(actor=person("enhetschef"), lead=None)
    assert initiative.lead == person("enhetschef")
