"""The columns of an exported initiative list. The importer reads the same columns back."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# (key, heading). An import file may name a column by either, in Swedish or English.
COLUMNS = [
    ("slug", _("Identifier")),
    ("title", _("Title")),
    ("title_en", _("Title (English)")),
    ("description", _("Description")),
    ("mode", _("Tempo")),
    ("process_type", _("Process type")),
    ("phase", _("Phase")),
    ("status", _("Status")),
    ("health", _("Health")),
    ("health_reason", _("Reason for the health")),
    ("organisation", _("Organisation")),
    ("unit", _("Unit")),
    ("clusters", _("Clusters")),
    ("lead", _("Lead")),
    ("start_date", _("Start date")),
    ("planned_end", _("Planned end")),
    ("baseline_end", _("Baseline end")),
    ("actual_end", _("Actual end")),
    ("budget_planned", _("Planned budget (SEK)")),
    ("budget_spent", _("Spent so far (SEK)")),
    ("quarter", _("Quarter")),
    ("hypothesis", _("Hypothesis")),
    ("outcome", _("Outcome")),
    ("learning", _("Learning")),
    ("last_check_in_on", _("Last check-in")),
    ("is_confidential", _("Confidential")),
    ("attention", _("Needs attention")),
]


def headers() -> list[str]:
    return [str(label) for _key, label in COLUMNS]


def rows(initiatives):
    today = timezone.localdate()
    for i in initiatives.prefetch_related("clusters").iterator(chunk_size=1000):
        attention = []
        if i.is_overrun(today):
            attention.append(str(_("overrun")))
        if i.is_stale(today):
            attention.append(str(_("stale")))
        yield [
            i.slug, i.title, i.title_en, i.description, i.process_type.get_mode_display(), i.process_type.name,
            i.current_phase.name, i.get_status_display(), i.get_health_display(), i.health_reason,
            i.organisation.name, i.unit.name, "; ".join(c.name for c in i.clusters.all()),
            i.lead.display_name if i.lead else "", i.start_date, i.planned_end, i.baseline_end, i.actual_end,
            int(i.budget_planned), int(i.budget_spent), i.quarter_label, i.hypothesis, i.get_outcome_display(),
            i.learning, i.last_check_in_on, str(_("yes") if i.is_confidential else _("no")), ", ".join(attention),
        ]  # fmt: skip
