"""Admin pieces the apps share. Nothing is registered here."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin


class ReadOnly:
    """Records that change only through the services, where the rules are: in the admin, staff only read."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    """For records without history."""


class HistoryAdmin(SimpleHistoryAdmin):
    """The admin of a model with history. Its past versions can be read, never restored: simple_history's page
    for one past version saves a POST after checking only the right to view (SIMPLE_HISTORY_REVERT_DISABLED
    only hides its button), and restoring would rewrite a record without a reason given."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class ReadOnlyHistoryAdmin(ReadOnly, HistoryAdmin):
    """For records with history: staff can read how they changed."""
