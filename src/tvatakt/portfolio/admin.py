"""The admin shows the portfolio to staff. Decisions and check-ins are public records: read-only here."""

from django.contrib import admin

from tvatakt.core.admin import HistoryAdmin, ReadOnlyAdmin
from tvatakt.portfolio.models import Benefit, CheckIn, GateDecision, Initiative, Phase, ProcessType


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["order", "name", "name_en", "gate", "gate_en", "default_days", "rule", "is_active"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # a phase initiatives have used must stay; retire it instead


@admin.register(ProcessType)
class ProcessTypeAdmin(HistoryAdmin):
    list_display = ["name", "unit", "mode", "is_active"]
    list_filter = ["mode", "unit", "is_active"]
    search_fields = ["name", "name_en"]
    inlines = [PhaseInline]

    def get_readonly_fields(self, request, obj=None):
        # Initiatives under way depend on the type's mode and unit; the form in the app changes the rest.
        return ["mode", "unit"] if obj is not None else []


@admin.register(Initiative)
class InitiativeAdmin(HistoryAdmin):
    list_display = ["title", "process_type", "status", "health", "organisation", "unit", "start_date", "planned_end"]
    list_filter = ["status", "health", "process_type__mode", "process_type", "unit", "is_confidential"]
    search_fields = ["title", "title_en", "slug"]
    autocomplete_fields = ["organisation", "clusters", "lead", "team"]
    list_select_related = ["process_type", "organisation", "unit"]
    # Phase, gates, outcome and timebox change only through decisions with a reason and an author.
    readonly_fields = [
        "process_type", "current_phase", "phase_entered_on", "baseline_end", "actual_end", "gate_revision",
        "quarter", "timebox_end", "extended", "outcome", "outcome_on", "learning", "last_check_in_on", "status",
    ]  # fmt: skip

    def has_add_permission(self, request) -> bool:
        return False  # new initiatives go through the form or the import, which apply the rules


@admin.register(GateDecision)
class GateDecisionAdmin(ReadOnlyAdmin):
    list_display = ["initiative", "sequence", "phase_name", "decision", "decided_by", "decided_on"]
    list_filter = ["decision"]
    search_fields = ["initiative__title", "reason"]
    list_select_related = ["initiative", "decided_by"]


@admin.register(CheckIn)
class CheckInAdmin(ReadOnlyAdmin):
    list_display = ["initiative", "date", "health", "author"]
    list_filter = ["health"]
    search_fields = ["initiative__title", "text"]
    list_select_related = ["initiative", "author"]


@admin.register(Benefit)
class BenefitAdmin(HistoryAdmin):
    list_display = ["name", "initiative", "baseline", "target", "latest_value", "due_on", "owner"]
    search_fields = ["name", "initiative__title"]
    autocomplete_fields = ["owner"]
    readonly_fields = ["initiative", "latest_value"]

    def has_add_permission(self, request) -> bool:
        return False
