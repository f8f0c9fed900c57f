from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from tvatakt.core.admin import HistoryAdmin
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment, Unit


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
