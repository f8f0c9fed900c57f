"""Staff can read the council's records here. Decisions, votes and adoption are public records: read-only."""

from django.contrib import admin

from tvatakt.core.admin import HistoryAdmin, ReadOnlyAdmin, ReadOnlyHistoryAdmin
from tvatakt.council.models import Adoption, AgendaItem, Attachment, Council, Decision, Meeting, Proposal, Thread


@admin.register(Council)
class CouncilAdmin(HistoryAdmin):
    list_display = ["name", "quorum", "remind_days_before", "remind_days_after"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyHistoryAdmin):
    list_display = ["starts_at", "place", "status"]
    list_filter = ["status"]


@admin.register(AgendaItem)
class AgendaItemAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "meeting", "kind"]
    list_select_related = ["meeting__council"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["reference", "decided_on", "deadline", "scope"]
    search_fields = ["reference", "text"]


@admin.register(Adoption)
class AdoptionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["decision", "organisation", "state", "state_since"]
    list_filter = ["state"]
    list_select_related = ["decision", "organisation"]


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "cluster", "state", "created_at"]
    list_filter = ["state"]
    list_select_related = ["cluster"]


@admin.register(Thread)
class ThreadAdmin(ReadOnlyAdmin):
    """Moderation is the convener's, with a reason shown to all, on the forum itself: not here."""

    list_display = ["title", "cluster", "last_activity"]
    list_select_related = ["cluster"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ["title", "item", "filename", "size"]
    list_select_related = ["item__meeting"]
