"""What the portfolio holds about a person: initiatives they lead or work on, gate decisions, check-ins, benefits.
All of it is the city's record of its own work (public records, unless confidential): erasure keeps it, and the
person it points at is anonymised."""

from django.utils.translation import gettext_lazy as _

from tvatakt.core import subject
from tvatakt.portfolio.models import Benefit, BenefitFollowUp, CheckIn, GateDecision, Initiative

KEPT = _("Kept, without your name: the city's record of its work.")


def export(person) -> list[subject.Section]:
    initiative = (_("initiative"), lambda row: row.initiative.display_title)
    return [
        subject.section(
            "led", _("Initiatives you lead"), Initiative.objects.filter(lead=person),
            [(_("initiative"), lambda row: row.display_title), (_("status"), lambda row: row.get_status_display()),
             (_("start date"), lambda row: row.start_date), (_("planned end"), lambda row: row.planned_end)],
            on_erasure=KEPT,
        ),
        subject.section(
            "team", _("Initiatives whose team you are in"), Initiative.objects.filter(team=person),
            [(_("initiative"), lambda row: row.display_title), (_("status"), lambda row: row.get_status_display())],
            on_erasure=KEPT,
        ),
        subject.section(
            "gate_decisions", _("Gate decisions you made"),
            GateDecision.objects.filter(decided_by=person).select_related("initiative"),
            [initiative, (_("phase"), lambda row: row.phase_name),
             (_("decision"), lambda row: row.get_decision_display()), (_("decided on"), lambda row: row.decided_on),
             (_("reason"), lambda row: row.reason)],
            on_erasure=KEPT,
        ),
        subject.section(
            "check_ins", _("Check-ins you wrote"), CheckIn.objects.filter(author=person).select_related("initiative"),
            [initiative, (_("date"), lambda row: row.date), (_("health"), lambda row: row.get_health_display()),
             (_("status"), lambda row: row.text)],
            on_erasure=KEPT,
        ),
        subject.section(
            "benefits", _("Benefits you own"), Benefit.objects.filter(owner=person).select_related("initiative"),
            [initiative, (_("benefit"), lambda row: row.display_name), (_("measured as"), lambda row: row.measure),
             (_("target"), lambda row: row.target), (_("to be realised by"), lambda row: row.due_on)],
            on_erasure=KEPT,
        ),
        subject.section(
            "follow_ups", _("Benefit follow-ups you recorded"),
            BenefitFollowUp.objects.filter(recorded_by=person).select_related("benefit"),
            [(_("benefit"), lambda row: row.benefit.display_name), (_("date"), lambda row: row.date),
             (_("value"), lambda row: row.value), (_("note"), lambda row: row.note)],
            on_erasure=KEPT,
        ),
    ]  # fmt: skip


def erase(person, *, reason: str) -> dict[str, int]:
    # Nothing is deleted: every row is a record of a decision or of the work. The person row they point at is
    # anonymised by the erasure itself; what is counted here is what stays.
    return {
        "initiatives_led_kept": Initiative.objects.filter(lead=person).count(),
        "gate_decisions_kept": GateDecision.objects.filter(decided_by=person).count(),
        "check_ins_kept": CheckIn.objects.filter(author=person).count(),
    }


subject.register(
    subject.Part(
        key="portfolio", area=_("Initiatives"), order=10, export=export, erase=erase,
        covers=("portfolio.Initiative.lead", "portfolio.Initiative.team", "portfolio.GateDecision.decided_by",
                "portfolio.CheckIn.author", "portfolio.Benefit.owner", "portfolio.BenefitFollowUp.recorded_by"),
    )
)  # fmt: skip
