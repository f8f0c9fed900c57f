import datetime

import pytest
from django.utils import timezone
from django.utils.text import slugify

from tvatakt.demo.portfolio import PORTFOLIO, load_demo_portfolio
from tvatakt.portfolio.choices import GateChoice, Health, Mode, Outcome, PhaseRule, Status
from tvatakt.portfolio.models import Benefit, BenefitFollowUp, CheckIn, GateDecision, Initiative
from tvatakt.recognition.models import AwardRound, Lesson, Nomination

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    """The demo portfolio, as loaded once for the test session."""
    return Initiative.objects.filter(slug__in=[slugify(plan.title)[:70] for plan in PORTFOLIO])


def test_the_demo_portfolio_is_about_sixty_initiatives_in_both_modes(demo):
    assert 55 <= demo.count() <= 70
    assert demo.filter(process_type__mode=Mode.MARATHON).count() >= 20
    assert demo.filter(process_type__mode=Mode.SPRINT).count() >= 30
    assert demo.values("organisation").distinct().count() >= 30
    assert demo.values("unit").distinct().count() == 5


def test_the_demo_portfolio_has_every_status_health_outcome_and_gate_decision(demo):
    assert set(demo.values_list("status", flat=True)) == set(Status.values)
    assert set(demo.values_list("health", flat=True)) == set(Health.values)
    assert set(demo.exclude(outcome="").values_list("outcome", flat=True)) == set(Outcome.values)
    decisions = GateDecision.objects.filter(initiative__in=demo)
    assert set(decisions.values_list("decision", flat=True)) == set(GateChoice.values)
    assert any(decision.on_time for decision in decisions) and not all(decision.on_time for decision in decisions)


def test_the_demo_portfolio_has_sprints_overrun_extended_and_converted(demo):
    assert demo.overrun().count() >= 1
    assert demo.filter(extended=True, outcome="").exists()
    converted = demo.filter(process_type__mode=Mode.MARATHON, quarter__isnull=False)
    assert converted.exists() and all(initiative.hypothesis for initiative in converted)


def test_the_demo_portfolio_has_stale_initiatives(demo):
    assert demo.stale().exists()


def test_a_demo_procurement_is_in_its_standstill_period(demo):
    today = timezone.localdate()
    in_standstill = [
        initiative
        for initiative in demo.filter(award_sent_on__isnull=False, current_phase__rule=PhaseRule.STANDSTILL)
        if initiative.standstill_ends >= today
    ]
    assert len(in_standstill) == 1


def test_the_demo_has_budget_overruns_schedule_slips_and_confidential_work(demo):
    assert any(initiative.budget_variance > 0 for initiative in demo)
    assert any(initiative.planned_end != initiative.baseline_end for initiative in demo)
    assert demo.filter(is_confidential=True).exists() and demo.filter(is_confidential=False).exists()


def test_marathons_have_benefits_some_realised_and_some_not(demo):
    benefits = list(Benefit.objects.filter(initiative__in=demo))
    assert benefits and all(benefit.initiative.mode == Mode.MARATHON for benefit in benefits)
    assert any(benefit.is_realised for benefit in benefits)
    assert any(not benefit.is_realised for benefit in benefits)
    assert BenefitFollowUp.objects.filter(benefit__initiative__in=demo).exists()


def test_every_demo_initiative_is_valid_and_its_last_check_in_is_its_latest(demo):
    today = timezone.localdate()
    for initiative in demo.prefetch_related("check_ins"):
        initiative.full_clean()
        dates = [check_in.date for check_in in initiative.check_ins.all()]
        assert initiative.last_check_in_on == max(dates, default=None)
        assert all(initiative.start_date <= day <= today for day in dates)


def test_a_handful_of_check_ins_each_not_hundreds(demo):
    assert CheckIn.objects.filter(initiative__in=demo).count() <= 10 * demo.count()


def test_gates_are_decided_by_someone_other_than_the_lead(demo):
    decisions = GateDecision.objects.filter(initiative__in=demo).select_related("initiative")
    assert decisions.count() >= 2 * demo.count()
    assert all(decision.decided_by_id != decision.initiative.lead_id for decision in decisions)


def test_the_demo_history_is_dated_when_it_happened(demo):
    oldest = Initiative.history.filter(slug__in=demo.values("slug")).order_by("history_date").first()
    assert oldest.history_date.date() < timezone.localdate() - datetime.timedelta(days=4 * 365)


def test_loading_the_demo_portfolio_again_adds_nothing(demo):
    counts = (demo.count(), GateDecision.objects.count(), CheckIn.objects.count(), Benefit.objects.count())
    assert load_demo_portfolio() == 0
    assert counts == (demo.count(), GateDecision.objects.count(), CheckIn.objects.count(), Benefit.objects.count())


def test_a_demo_initiative_that_was_deleted_comes_back_and_only_that_one(demo):
    total = demo.count()
    stopped = demo.get(slug="programmet-omsorgslanken-ny-plattform-for-socialtjansten")
    # Its lesson, and last year's award won by it, protect it: they go first.
    AwardRound.objects.filter(winner__lesson__initiative=stopped).update(winner=None)
    Nomination.objects.filter(lesson__initiative=stopped).delete()
    Lesson.objects.filter(initiative=stopped).delete()
    stopped.delete()
    assert load_demo_portfolio() == 1
    assert demo.count() == total
    again = demo.get(slug="programmet-omsorgslanken-ny-plattform-for-socialtjansten")
    assert again.status == Status.STOPPED and again.budget_variance > 0
