from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tvatakt.core.admin import HistoryAdmin
from tvatakt.organisation.erasure import erase_person
from tvatakt.organisation.models import Cluster, ErasureRecord, Organisation, Person, RoleAssignment, Unit


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["unit", "organisation", "cluster"]
    fk_name = "person"


@admin.register(Person)
class PersonAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, (_("Work"), {"fields": ["title"]}))
    list_display = ["username", "first_name", "last_name", "email", "is_staff", "is_active"]
    inlines = [RoleAssignmentInline]
    actions = ["erase"]

    @admin.action(description=_("Erase the selected people's data (keeps what public records need)"))
    def erase(self, request, queryset):
        """The same service as the person's own "erase my account" page: each person in a transaction of its own."""
        erased = 0
        for person in queryset:
            try:
                erase_person(person, actor=request.user)
            except ValidationError as exc:  # a rule said no: said, and the others go on
                self.message_user(request, f"{person.pk}: {' '.join(exc.messages)}", messages.ERROR)
            except PermissionDenied as exc:
                self.message_user(request, f"{person.pk}: {exc}", messages.ERROR)
            else:
                erased += 1
        if erased:
            self.message_user(request, _("%(count)d people erased.") % {"count": erased}, messages.SUCCESS)


@admin.register(ErasureRecord)
class ErasureRecordAdmin(admin.ModelAdmin):
    """Read only: the record of an erasure is the proof that it was done."""

    list_display = ["erased_at", "person", "by_self", "actor"]
    list_filter = ["by_self"]
    date_hierarchy = "erased_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Unit)
class UnitAdmin(HistoryAdmin):
    list_display = ["number", "name", "name_en"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "org_number", "is_active"]
    list_filter = ["kind", "is_active", "clusters"]
    search_fields = ["name", "short_name", "org_number"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Cluster)
class ClusterAdmin(HistoryAdmin):
    list_display = ["name", "name_en"]
    search_fields = ["name", "name_en"]
    filter_horizontal = ["members"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(HistoryAdmin):
    list_display = ["person", "role", "unit", "organisation", "cluster", "is_deputy", "valid_from", "valid_until"]
    list_filter = ["role", "is_deputy"]
    search_fields = ["person__username", "person__first_name", "person__last_name", "organisation__name"]
    autocomplete_fields = ["person", "unit", "organisation", "cluster"]
    date_hierarchy = "valid_from"
