"""Lock-outs in the admin, with an action that says what it does: "Unlock". Devices are django-otp's own admin
(Two-factor › TOTP devices), where deleting a person's device lets them set up a new one."""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tvatakt.core.signin import services
from tvatakt.core.signin.models import OidcIdentity

admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LockoutAdmin(AccessAttemptAdmin):
    actions = ["unlock", "cleanup_expired_attempts"]

    @admin.action(description=_("Unlock: let them log in again now"), permissions=["delete"])
    def unlock(self, request, queryset):
        count = services.lockout_unlock(attempts=queryset)
        self.message_user(
            request,
            ngettext("Unlocked %(count)d user name and address.", "Unlocked %(count)d user names and addresses.", count)
            % {"count": count},
        )


@admin.register(OidcIdentity)
class OidcIdentityAdmin(admin.ModelAdmin):
    """Links between people and their accounts at the city's identity provider: delete one to unlink, add one to
    link an account whose e-mail address did not match."""

    list_display = ["person", "issuer", "subject", "linked_at", "last_used_at"]
    list_select_related = ["person"]
    search_fields = ["person__username", "person__email", "subject"]
    autocomplete_fields = ["person"]
    readonly_fields = ["linked_at", "last_used_at"]
