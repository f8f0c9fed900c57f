"""The signed link that confirms an idea given without an account: it names the idea and expires."""

from django.core import signing
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.innovation.models import Idea

SALT = "tvatakt.innovation.idea"
MAX_AGE = 60 * 60 * 24 * 7  # a week: after that the idea is not published, and is erased (see services.sweep)


def make(idea: Idea) -> str:
    return signing.dumps({"i": idea.pk, "e": idea.email}, salt=SALT)


def read(token: str) -> Idea:
    invalid = DomainError(_("The link is not valid. It may be incomplete, or too old. Nothing was changed."))
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature as exc:  # SignatureExpired is one too
        raise invalid from exc
    if not isinstance(data, dict):
        raise invalid
    idea = Idea.objects.select_related("consultation").filter(pk=data.get("i"), email=data.get("e")).first()
    if idea is None:
        raise invalid
    return idea
