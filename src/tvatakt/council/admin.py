"""Staff can read the council's records here. Decisions, votes and adoption are public records: read-only."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tvatakt.council.models import Adoption, AgendaItem, Council, Decision, Meeting


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Council)
class CouncilAdmin(SimpleHistoryAdmin):
    list_display = ["name", "quorum"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["starts_at", "place", "status"]
    list_filter = ["status"]


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "meeting", "kind"]
    list_select_related = ["meeting__council"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["reference", "decided_on", "deadline", "scope"]
    search_fields = ["reference", "text"]


@admin.register(Adoption)
class AdoptionAdmin(ReadOnlyAdmin):
    list_display = ["decision", "organisation", "state", "state_since"]
    list_filter = ["state"]
    list_select_related = ["decision", "organisation"]
