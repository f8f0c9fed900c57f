"""What log-in security keeps in its own tables: the link between a person and their account at the city's identity
provider (OpenID Connect). Lock-outs are django-axes' tables, two-factor devices django-otp's."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OidcIdentity(models.Model):
    """That a person logs in with an account at an identity provider: the provider (its issuer) and the provider's
    identifier for the account (the `sub` claim, which the provider never gives to anyone else). Matching on it, not
    on the e-mail address, means a changed or reused address at the provider cannot move a log-in to another person."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="oidc_identities", verbose_name=_("person")
    )
    issuer = models.CharField(_("identity provider"), max_length=255)
    subject = models.CharField(_("identifier at the identity provider"), max_length=255)
    linked_at = models.DateTimeField(_("linked"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("identity provider account")
        verbose_name_plural = _("identity provider accounts")
        ordering = ["issuer", "subject"]
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="signin_oidc_identity_unique")]

    def __str__(self) -> str:
        return f"{self.issuer} {self.subject}"
