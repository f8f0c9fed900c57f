from django.contrib.auth.forms import PasswordResetForm
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import get_language

from tvatakt.web.tasks import send_password_reset


class QueuedPasswordResetForm(PasswordResetForm):
    """Sends the reset e-mail from the background worker, so a slow mail server never holds up the page.

    Only the user's key goes into the task queue. The token is made in the worker, so no live reset
    link is ever stored in the database's task table.
    """

    def save(self, domain_override=None, use_https=False, request=None, **kwargs):
        site = get_current_site(request)
        domain = domain_override or site.domain
        for user in self.get_users(self.cleaned_data["email"]):
            send_password_reset.enqueue(
                user_pk=user.pk,
                domain=domain,
                use_https=use_https,
                language=get_language() or "sv",
            )
