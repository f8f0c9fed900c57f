from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tvatakt.api import services
from tvatakt.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "person", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at", "expires_at"]
    search_fields = ["name", "prefix", "person__username", "person__first_name", "person__last_name"]
    list_select_related = ["person"]
    fields = ["person", "name", "prefix", "key_hash", "created_at", "expires_at", "last_used_at", "revoked_at"]
    readonly_fields = ["person", "prefix", "key_hash", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        # A key is shown once, to the person who makes it; an administrator cannot make one for someone else.
        return False

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request, queryset):
        for token in queryset:
            services.api_token_revoke(actor=request.user, token=token)
        count = len(queryset)
        message = ngettext("%(count)d key was revoked.", "%(count)d keys were revoked.", count) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)
