"""Staff can read the council's records here. Decisions, votes and adoption are public records: read-only."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tvatakt.council.models import Adoption, AgendaItem, Attachment, Council, Decision, Meeting, Proposal, Thread


class ReadOnly:
    """Records change through the services, where the rules are; here staff only read."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnly, SimpleHistoryAdmin):
    pass


class ReadOnlyPlainAdmin(ReadOnly, admin.ModelAdmin):
    """For records without history."""


@admin.register(Council)
class CouncilAdmin(SimpleHistoryAdmin):
    list_display = ["name", "quorum", "remind_days_before", "remind_days_after"]


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


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ["title", "cluster", "state", "created_at"]
    list_filter = ["state"]
    list_select_related = ["cluster"]


@admin.register(Thread)
class ThreadAdmin(ReadOnlyPlainAdmin):
    """Moderation is the convener's, with a reason shown to all, on the forum itself: not here."""

    list_display = ["title", "cluster", "last_activity"]
    list_select_related = ["cluster"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyPlainAdmin):
    list_display = ["title", "item", "filename", "size"]
    list_select_related = ["item__meeting"]
