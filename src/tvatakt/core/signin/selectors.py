"""Reads for log-in security: who must give a two-factor code, their devices, and when a lock-out ends."""

import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django_otp.plugins.otp_totp.models import TOTPDevice

from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import holds

# The roles that can change public records (decisions, minutes, the organisation register) besides staff.
TWO_FACTOR_ROLES = (Role.IT_DIRECTOR, Role.COUNCIL_SECRETARY, Role.COUNCIL_CHAIR)

SETUP = "two_factor_setup"
VERIFY = "two_factor_verify"


def must_use_two_factor(user) -> bool:
    """Staff, superusers and holders of TWO_FACTOR_ROLES, when TVATAKT_REQUIRE_TWO_FACTOR is on. The roles are
    read once a request (organisation.permissions caches them on the user)."""
    if not settings.TVATAKT_REQUIRE_TWO_FACTOR or not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or any(holds(user, role) for role in TWO_FACTOR_ROLES)


def confirmed_device(*, user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def two_factor_step(*, user) -> str | None:
    """The name of the page `user` must pass before any other (SETUP or VERIFY), or None when they may go on."""
    # django-otp's middleware marks the device that verified this session; a user fresh from login() has none yet.
    if not must_use_two_factor(user) or getattr(user, "otp_device", None) is not None:
        return None
    return VERIFY if confirmed_device(user=user) else SETUP


def lockout_ends(*, username: str | None, ip_address: str | None) -> datetime.datetime | None:
    """When the lock-out of this user name at this address ends: the cool-off after the last counted failure."""
    last = AccessAttempt.objects.filter(username=username, ip_address=ip_address).aggregate(last=Max("attempt_time"))
    cool_off = get_cool_off()
    if last["last"] is None or cool_off is None:
        return None
    return last["last"] + cool_off
