"""The signed links in the e-mails: manage a registration (see, accept an offer, cancel, see and erase one's
data) and a guardian's consent. No account is needed; the link is the key, so it names the registration and its
code, and is signed with the site's secret: a changed or made-up link is refused."""

from django.core import signing
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.inclusion.models import Registration

SALT = "tvatakt.inclusion.registration"
MANAGE, CONSENT = "manage", "consent"
CONSENT_MAX_AGE = 60 * 60 * 24 * 30  # a guardian's link works for 30 days; after that, register again


def make(registration: Registration, purpose: str) -> str:
    return signing.dumps({"r": registration.pk, "c": registration.code, "p": purpose}, salt=SALT)


def read(token: str, purpose: str, *, any_age: bool = False) -> Registration:
    """The registration the link is for. A DomainError when it is changed, expired, or for something else.
    `any_age` accepts an old consent link: a guardian may say no, or take a yes back, for as long as the data is
    kept (a yes needs a fresh link)."""
    invalid = DomainError(_("The link is not valid. It may be incomplete, or too old. Nothing was changed."))
    max_age = CONSENT_MAX_AGE if purpose == CONSENT and not any_age else None
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature as exc:  # SignatureExpired is one too
        raise invalid from exc
    if not isinstance(data, dict) or data.get("p") != purpose:
        raise invalid
    registration = (
        Registration.objects.select_related("event", "event__place", "district")
        .filter(pk=data.get("r"), code=data.get("c"))
        .first()
    )
    if registration is None:  # erased, or never was
        raise invalid
    return registration
