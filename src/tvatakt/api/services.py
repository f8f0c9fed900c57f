"""Every change to API keys goes through these functions."""

import datetime
import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.api.models import KEY_PREFIX, SHOWN_LENGTH, ApiToken, WriteScope, hash_key
from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.core.permissions import require

MAX_LIVE_TOKENS = 10
DEFAULT_LIFETIME = datetime.timedelta(days=365)
MAX_LIFETIME = datetime.timedelta(days=366)  # a year, with room for the seconds between the form and here
USE_RECORD_INTERVAL = datetime.timedelta(minutes=1)


def api_token_create(
    *, actor, name: str, expires_at: datetime.datetime | None = None, write_scopes: list[str] | None = None
) -> tuple[ApiToken, str]:
    """Make a key for `actor`. Returns the stored token and the key itself, which is never stored or shown again.
    `write_scopes`: what the key may change (WriteScope values); None for every part, [] for reading only."""
    if actor is None:
        raise NotAllowed(_("An API key must belong to a person."))
    require(actor, "api.add_apitoken")
    now = timezone.now()
    expires_at = expires_at or now + DEFAULT_LIFETIME
    if expires_at <= now:
        raise DomainError({"expires_at": _("The expiry date must be in the future.")})
    if expires_at > now + MAX_LIFETIME:
        raise DomainError({"expires_at": _("A key can be valid for at most a year.")})
    write_scopes = WriteScope.values if write_scopes is None else sorted(set(write_scopes))
    if unknown := set(write_scopes) - set(WriteScope.values):
        raise DomainError({"write_scopes": _("Unknown parts: %(names)s.") % {"names": ", ".join(sorted(unknown))}})
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        person=actor,
        name=name.strip(),
        prefix=key[:SHOWN_LENGTH],
        key_hash=hash_key(key),
        created_at=now,
        expires_at=expires_at,
        write_scopes=write_scopes,
    )
    token.full_clean()
    with transaction.atomic():
        # Two requests from the same person queue here, so neither slips past the limit.
        get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
        if ApiToken.objects.live().filter(person=actor).count() >= MAX_LIVE_TOKENS:
            message = _("You already have %(count)d keys in use. Revoke one before you make another.")
            raise DomainError({"name": message % {"count": MAX_LIVE_TOKENS}})
        token.save()
    return token, key


def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    """Stop a key from working. Revoking a revoked key changes nothing."""
    require(actor, "api.revoke_apitoken", token)
    # A conditional update, not save(): the first revocation time stays, even when two arrive at once.
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
    return token


def api_token_record_use(*, token: ApiToken) -> None:
    """Note that a key was used. At most once a minute, so a busy client does not cost a write per request."""
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < USE_RECORD_INTERVAL:
        return
    # update() touches only this column, so it cannot undo a revocation made since the token was read.
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
