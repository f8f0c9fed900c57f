"""Staff can read the catalogue here. Publishers change it through its own forms, where the rules are."""

from django.contrib import admin

from tvatakt.core.admin import ReadOnlyAdmin, ReadOnlyHistoryAdmin
from tvatakt.opendata.models import DataService, Dataset, DatasetUse, Distribution, HarvestJob, HarvestSource, Keyword


@admin.register(Dataset)
class DatasetAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "title", "publisher", "state", "updated_at"]
    list_filter = ["state", "licence", "themes"]
    search_fields = ["name", "title"]
    list_select_related = ["publisher"]


@admin.register(Distribution)
class DistributionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "dataset", "format", "byte_size"]
    list_filter = ["format"]
    list_select_related = ["dataset"]


@admin.register(DataService)
class DataServiceAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "title", "publisher", "endpoint_url"]
    list_select_related = ["publisher"]


@admin.register(Keyword)
class KeywordAdmin(ReadOnlyAdmin):
    search_fields = ["name"]


@admin.register(DatasetUse)
class DatasetUseAdmin(ReadOnlyAdmin):
    list_display = ["dataset", "initiative", "created_at"]
    list_select_related = ["dataset", "initiative"]


@admin.register(HarvestSource)
class HarvestSourceAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "publisher", "kind", "schedule", "is_active"]
    list_filter = ["kind", "schedule", "is_active"]
    list_select_related = ["publisher"]


@admin.register(HarvestJob)
class HarvestJobAdmin(ReadOnlyAdmin):
    list_display = ["pk", "kind", "source", "publisher", "status", "requested_at", "finished_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["source", "publisher"]
