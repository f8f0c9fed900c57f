"""Admin pieces the apps share. Nothing is registered here."""

from django.contrib import admin
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


class ReadOnlyHistoryAdmin(ReadOnly, SimpleHistoryAdmin):
    """For records with history: staff can read how they changed."""
