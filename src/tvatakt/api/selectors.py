"""Reads for API keys."""

from django.db.models import QuerySet

from tvatakt.api.models import KEY_PREFIX, ApiToken, hash_key

# token_urlsafe(32) gives 43 characters; anything much longer is not one of ours and costs no query.
MAX_KEY_LENGTH = 100


def tokens_for(person) -> QuerySet[ApiToken]:
    """All of a person's keys, newest first, revoked and expired ones too, so the record stays readable."""
    return ApiToken.objects.filter(person=person).order_by("-created_at", "-pk")


def live_token_for_key(key: str) -> ApiToken | None:
    """The live key of an active person that `key` is, with its person; None for anything else."""
    if not key.startswith(KEY_PREFIX) or len(key) > MAX_KEY_LENGTH:
        return None
    return (
        ApiToken.objects.live().filter(key_hash=hash_key(key), person__is_active=True).select_related("person").first()
    )
