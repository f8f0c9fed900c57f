import pytest
from django.core.management import call_command
from django.utils import timezone

from tvatakt.demo import generator
from tvatakt.demo.generator import GENERATED_PREFIX
from tvatakt.portfolio.choices import Mode, Status
from tvatakt.portfolio.models import CheckIn, GateDecision, Initiative

pytestmark = pytest.mark.django_db


def portfolio_step() -> generator.Step:
    return next(step for step in generator.STEPS if step.name == "portfolio")


def generated():
    return Initiative.objects.filter(slug__startswith=GENERATED_PREFIX)


def test_the_portfolio_step_makes_valid_initiatives_with_gates_check_ins_and_benefits():
    advanced = []
    portfolio_step().run(0, 200, advanced.append)
    assert generated().count() == sum(advanced) == portfolio_step().done() == 200
    today = timezone.localdate()
    rows = generated().prefetch_related("gate_decisions", "check_ins", "benefits__follow_ups", "clusters")
    for initiative in rows:
        initiative.full_clean()
        gates = list(initiative.gate_decisions.all())
        assert [gate.sequence for gate in gates] == list(range(1, len(gates) + 1))
        assert initiative.gate_revision == len(gates)
        assert [gate.decided_on for gate in gates] == sorted(gate.decided_on for gate in gates)
        assert all(gate.decided_on <= today and gate.decided_by_id != initiative.lead_id for gate in gates)
        for gate in gates:
            gate.full_clean(validate_unique=False)
        days = [check_in.date for check_in in initiative.check_ins.all()]
        assert initiative.last_check_in_on == max(days, default=None)
        assert all(initiative.start_date <= day <= (initiative.actual_end or today) for day in days)
        for benefit in initiative.benefits.all():
            benefit.full_clean()
            follow_ups = list(benefit.follow_ups.all())
            assert benefit.latest_value == (follow_ups[-1].value if follow_ups else None)
    assert {Mode.MARATHON, Mode.SPRINT} == set(generated().values_list("process_type__mode", flat=True))
    assert {Status.ACTIVE, Status.DONE, Status.STOPPED} <= set(generated().values_list("status", flat=True))
    assert 2 <= GateDecision.objects.filter(initiative__in=generated()).count() / 200 <= 6
    assert 3 <= CheckIn.objects.filter(initiative__in=generated()).count() / 200 <= 9


def test_the_portfolio_step_makes_the_same_initiatives_every_time():
    def snapshot():
        return list(
            generated()
            .order_by("slug")
            .values_list("slug", "title", "status", "outcome", "start_date", "gate_revision", "last_check_in_on")
        )

    portfolio_step().run(0, 40, lambda n: None)
    first = snapshot()
    generated().delete()
    portfolio_step().run(0, 40, lambda n: None)
    assert snapshot() == first


def test_generate_adds_the_portfolio_and_a_second_run_adds_nothing():
    call_command("generate", "--scale", "0.01")
    assert generated().count() == 50
    assert generated().exclude(lead__username__startswith=GENERATED_PREFIX).count() == 0
    call_command("generate", "--scale", "0.01")
    assert generated().count() == 50
    call_command("generate", "--scale", "0.02")
    assert generated().count() == 100
