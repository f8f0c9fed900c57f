"""Personal API keys. Only a hash of each key is stored; the key itself is shown once, when it is made."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "tvt_"
# The key's start that is stored and shown: "tvt_" and 8 characters of the secret, so keys can be told apart.
SHOWN_LENGTH = len(KEY_PREFIX) + 8


class WriteScope(models.TextChoices):
    """What a key may change besides reading, by part of the service. Every key may read."""

    PORTFOLIO = "portfolio", _("the portfolio: initiatives, check-ins, gate decisions, benefits")
    COUNCIL = "council", _("the council: reports on how decisions are carried out")
    INNOVATION = "innovation", _("consultations: ideas and support")


def hash_key(key: str) -> str:
    """The stored form of a key. The key is 256 random bits, so a fast hash is enough: nothing to brute-force."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def live(self) -> "ApiTokenQuerySet":
        """Keys that are neither revoked nor expired."""
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()), revoked_at__isnull=True)


class ApiToken(models.Model):
    """A personal key that lets a program use the JSON API as the person who made it."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("So you can tell your keys apart."))
    prefix = models.CharField(_("start of the key"), max_length=SHOWN_LENGTH, db_index=True, editable=False)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    write_scopes = models.JSONField(
        _("may change"), default=list, blank=True, help_text=_("The parts of the service the key may change.")
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_live(self) -> bool:
        return not self.is_revoked and not self.is_expired

    def may_write(self, scope: str) -> bool:
        return scope in self.write_scopes

    @property
    def write_scope_labels(self) -> list[str]:
        return [str(label) for value, label in WriteScope.choices if value in self.write_scopes]

    @property
    def status(self) -> str:
        if self.is_revoked:
            return _("revoked")
        if self.is_expired:
            return _("expired")
        return _("in use")
