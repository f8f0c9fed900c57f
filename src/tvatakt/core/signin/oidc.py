"""Log in with the city's identity provider (OpenID Connect, by mozilla-django-oidc). Off unless the operator names
the provider (settings.py, TVATAKT_OIDC_*); while off, both addresses answer 404.

The log-in page's button leads to `start`, which sends the browser to the provider with a one-time state and nonce
kept in the session. The provider sends it back to `callback` with a code; the backend trades the code for an ID
token at the provider, checks the token's signature, issuer, audience, expiry and nonce, asks the provider for the
person's claims, and finds the person (`person_for_claims`). Every way this can fail ends on one page that says what
happened, in the reader's language, and nobody is logged in.

Staff who must use two-factor still give this site's code after the provider, unless the operator says the provider
asks for a second factor itself (TVATAKT_OIDC_PROVIDES_MFA): `provider_did_two_factor` is what the two-factor
middleware asks.
"""

import logging
import secrets
from urllib.parse import urlencode

import jwt
import requests
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from tvatakt.core.ratelimit import limit
from tvatakt.core.signin import selectors
from tvatakt.core.signin.models import OidcIdentity

logger = logging.getLogger(__name__)

BACKEND = "tvatakt.core.signin.oidc.CityAccountBackend"
FAILURE = "tvatakt_oidc_failure"  # the attribute on the request that says why the log-in failed

# Why a log-in failed: (HTTP status, what the page says).
FAILURES = {
    "cancelled": (400, _("The log-in at the city's identity provider was cancelled or did not succeed. You are not "
                         "logged in. You can try again.")),
    "expired": (400, _("This log-in has already been used, took too long, or was started in another browser. You "
                       "are not logged in. Start again from the log-in page.")),
    "refused": (400, _("The answer from the city's identity provider could not be verified, so you are not logged "
                       "in. Try again; if it happens again, tell the city's support.")),
    "unreachable": (502, _("The city's identity provider did not answer. You are not logged in. Try again in a "
                           "while, or log in with your user name and password.")),
    "no_account": (403, _("No account here is linked to this log-in. Ask an administrator to create an account for "
                          "you or to link your account.")),
}  # fmt: skip


def provider_did_two_factor(request) -> bool:
    """Whether this session's log-in counts as two-factor: the person logged in at the provider (not by password),
    and the operator says the provider asks for a second factor."""
    return (
        settings.TVATAKT_OIDC_ENABLED
        and settings.TVATAKT_OIDC_PROVIDES_MFA
        and request.session.get(BACKEND_SESSION_KEY) == BACKEND
    )


def lockout_exempt(request, credentials=None) -> bool:
    """django-axes' whitelist hook: a failed return from the provider is not a password guess (the provider guards
    its own passwords), and it has no user name, so axes would count every one from an address as one person's and
    soon lock out everyone there, a whole library or school. The `login` rate limit brakes the callback instead."""
    return getattr(request, "path", None) == reverse("oidc_authentication_callback")


def _usable(person) -> bool:
    return person.is_active and person.erased_at is None


def person_for_claims(*, issuer: str, claims: dict, create: bool):
    """The person these checked claims log in, or None. First the link made at an earlier log-in (issuer and `sub`);
    else the one active person with the provider's verified e-mail address, who is then linked, unless they are
    already linked to another account at this provider; else, when `create`, a new citizen account."""
    subject = claims["sub"]
    identity = OidcIdentity.objects.select_related("person").filter(issuer=issuer, subject=subject).first()
    if identity is not None:
        if not _usable(identity.person):
            return None
        identity.last_used_at = timezone.now()
        identity.save(update_fields=["last_used_at"])
        return identity.person
    # An unverified address could be anyone's: the provider lets people type it.
    email = claims.get("email") if claims.get("email_verified") is True else None
    Person = get_user_model()
    if email:
        found = list(
            Person.objects.filter(email__iexact=email, is_active=True, erased_at=None)
            .exclude(oidc_identities__issuer=issuer)
            .order_by("pk")[:2]
        )
        if len(found) == 1:
            return _link(person=found[0], issuer=issuer, subject=subject)
    # A new account beside one with the same address would be a second account for one person: an administrator
    # decides which (an inactive one, or two accounts sharing it).
    if not create or (email and Person.objects.filter(email__iexact=email).exists()):
        return None
    try:
        with transaction.atomic():
            person = Person(
                username=f"oidc-{secrets.token_hex(8)}",
                email=email or "",
                first_name=str(claims.get("given_name", ""))[:150],
                last_name=str(claims.get("family_name", ""))[:150],
            )
            person.set_unusable_password()  # they log in at the provider
            person.full_clean()
            person.save()
            OidcIdentity.objects.create(person=person, issuer=issuer, subject=subject, last_used_at=timezone.now())
    except (IntegrityError, ValidationError):  # two tabs made it at once; or the provider's claims do not fit
        return None
    logger.info("made person %s for an identity provider account", person.pk)
    return person


def _link(*, person, issuer: str, subject: str):
    try:
        with transaction.atomic():
            OidcIdentity.objects.create(person=person, issuer=issuer, subject=subject, last_used_at=timezone.now())
    except IntegrityError:  # the same account's log-in in two tabs at once: the other one linked it
        return None
    logger.info("linked person %s to an identity provider account", person.pk)
    return person


class CityAccountBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend, stricter: the ID token's issuer, audience and expiry are checked, the person is
    matched by `sub` (person_for_claims), and a failure is noted on the request instead of raising."""

    def authenticate(self, request, **kwargs):
        # Only the callback passes a nonce: a password log-in at an address with ?code=…&state=… must not reach here.
        if request is None or "nonce" not in kwargs or not settings.TVATAKT_OIDC_ENABLED:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except (SuspiciousOperation, jwt.PyJWTError, KeyError) as exc:  # KeyError: a JWKS key without its `kid`
            logger.warning("OpenID Connect log-in refused: %s", exc)
            _fail(request, "refused")
        except requests.RequestException as exc:  # no answer, an error status, or an answer that is not JSON
            logger.warning("OpenID Connect provider failed: %s", exc)
            _fail(request, "unreachable")
        return None

    def _verify_jws(self, payload, key):
        # mozilla-django-oidc checks the signature only; the issuer and audience say the token was made for this site.
        try:
            return jwt.decode(
                payload, key, algorithms=[self.OIDC_RP_SIGN_ALGO], audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.TVATAKT_OIDC_ISSUER, leeway=60,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )  # fmt: skip
        except jwt.PyJWTError as exc:
            raise SuspiciousOperation(f"ID token refused: {exc}") from exc

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        # The claims must be about the person the ID token is about (OpenID Connect Core 5.3.2).
        if not isinstance(claims, dict) or claims.get("sub") != payload["sub"]:
            raise SuspiciousOperation("the userinfo answer is about another subject")
        person = person_for_claims(
            issuer=settings.TVATAKT_OIDC_ISSUER, claims=claims, create=settings.TVATAKT_OIDC_CREATE_USERS
        )
        if person is None:
            _fail(self.request, "no_account")
        return person

    def get_user(self, user_id):
        # The person in the session on each request: an account made inactive since is logged out, as by password.
        return ModelBackend.get_user(self, user_id)


def _fail(request, reason: str) -> None:
    if not getattr(request, FAILURE, None):
        setattr(request, FAILURE, reason)


def failure_page(request, reason: str):
    status, message = FAILURES[reason]
    return render(request, "signin/oidc_failure.html", {"message": message}, status=status)


class CallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the browser back. A state this browser was not given ends on the failure page."""

    def get(self, request):
        try:
            return super().get(request)
        except SuspiciousOperation:
            return failure_page(request, "expired")

    def login_failure(self):
        request = self.request
        if request.GET.get("error"):
            reason = "cancelled"
        elif not request.GET.get("code") or not request.GET.get("state") or "oidc_states" not in request.session:
            reason = "expired"
        else:
            reason = getattr(request, FAILURE, None) or "refused"
        return failure_page(request, reason)

    def login_success(self):
        response = super().login_success()
        step = None if provider_did_two_factor(self.request) else selectors.two_factor_step(user=self.user)
        if step is None:
            return response
        return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': response.url})}")


_start = OIDCAuthenticationRequestView.as_view()
_callback = CallbackView.as_view()


def start(request):
    """The log-in page's button: off, a 404; on, to the provider."""
    if not settings.TVATAKT_OIDC_ENABLED:
        raise Http404
    return _start(request)


@limit("login", methods=("GET",))
def callback(request):
    """Back from the provider. Each answer costs two requests to the provider, so it counts as a log-in."""
    if not settings.TVATAKT_OIDC_ENABLED:
        raise Http404
    return _callback(request)
