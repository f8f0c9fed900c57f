"""Staff can read recognition here. Points come only from the services' events and a policy is changed by a new
version on the policy page, so everything is read-only except the tags' names."""

from django.contrib import admin

from tvatakt.core.admin import ReadOnlyAdmin, ReadOnlyHistoryAdmin
from tvatakt.recognition.models import AwardRound, Event, Lesson, LessonUse, Nomination, Policy, Tag


@admin.register(Policy)
class PolicyAdmin(ReadOnlyAdmin):
    list_display = ["version", "created_at", "created_by", "note"]
    list_select_related = ["created_by"]


@admin.register(Event)
class EventAdmin(ReadOnlyAdmin):
    list_display = ["kind", "subject", "points", "occurred_on", "organisation", "unit", "person"]
    list_filter = ["kind", "tempo", "quarter"]
    search_fields = ["subject"]
    list_select_related = ["organisation", "unit", "person"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """A tag's name can be tidied; its slug is how lessons find it, so it stays."""

    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    readonly_fields = ["slug"]

    def has_add_permission(self, request) -> bool:
        return False  # tags are made as lessons are written

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Lesson)
class LessonAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "initiative", "state", "author", "published_on"]
    list_filter = ["state"]
    search_fields = ["title"]
    list_select_related = ["initiative", "author"]


@admin.register(LessonUse)
class LessonUseAdmin(ReadOnlyAdmin):
    list_display = ["lesson", "initiative", "noted_by", "created_at"]
    list_select_related = ["lesson", "initiative", "noted_by"]


@admin.register(AwardRound)
class AwardRoundAdmin(ReadOnlyHistoryAdmin):
    list_display = ["__str__", "status", "nominations_close", "published_on"]
    list_filter = ["category", "period", "status"]


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "round", "nominated_by", "created_at"]
    list_select_related = ["round", "lesson", "initiative", "nominated_by"]
