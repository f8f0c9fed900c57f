"""Writes for log-in security: setting up and checking two-factor codes, and lifting lock-outs.

Codes are checked by django-otp, which throttles wrong ones: after each wrong code the device waits twice as long
before it accepts another (1, 2, 4 … seconds), so guessing six digits takes longer than the code lives.
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.core.signin import selectors


def _throttled(device: TOTPDevice) -> DomainError | None:
    allowed, data = device.verify_is_allowed()
    if allowed or not data or not data.get("locked_until"):
        return None
    seconds = max(1, int((data["locked_until"] - timezone.now()).total_seconds()) + 1)
    return DomainError(
        ngettext(
            "A wrong code was entered just before. Wait %(count)d second, then enter the code your app shows then.",
            "Wrong codes were entered just before. Wait %(count)d seconds, then enter the code your app shows then.",
            seconds,
        )
        % {"count": seconds},
        code="throttled",
    )


def _check_code(*, user, device: TOTPDevice, code: str) -> TOTPDevice:
    if refusal := _throttled(device):
        raise refusal
    # In django-otp's own transaction: a wrong code's throttling is saved even though we then refuse.
    verified = verify_token(user, device.persistent_id, code)
    if verified is None:
        raise DomainError(
            _("That code is not right. Enter the 6 digits your app shows now; a code lasts 30 seconds."), code="wrong"
        )
    return verified


def _mark_verified(request, device: TOTPDevice) -> None:
    # A new session key once the person is fully signed in, as at the password step.
    request.session.cycle_key()
    otp_login(request, device)


def two_factor_setup_start(*, user) -> TOTPDevice:
    """The person's device waiting to be confirmed, made on first need: the same secret on every visit."""
    if selectors.confirmed_device(user=user) is not None:
        raise NotAllowed(_("You already have an authenticator app. Ask an administrator to remove it first."))
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    return device


def two_factor_setup_confirm(*, request, device: TOTPDevice, code: str) -> TOTPDevice:
    """Confirm the new device with a code it made, and count this log-in as verified."""
    user = request.user
    if device.user_id != user.pk or selectors.confirmed_device(user=user) is not None:
        raise NotAllowed(_("You already have an authenticator app. Ask an administrator to remove it first."))
    device = _check_code(user=user, device=device, code=code)
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    _mark_verified(request, device)
    return device


def two_factor_verify(*, request, device: TOTPDevice, code: str) -> TOTPDevice:
    """Check the code from the person's confirmed device, and count this log-in as verified."""
    if device.user_id != request.user.pk or not device.confirmed:
        raise NotAllowed
    device = _check_code(user=request.user, device=device, code=code)
    _mark_verified(request, device)
    return device


def lockout_clear(*, username: str) -> int:
    """Lift every lock-out of this user name, from every address (after a password reset, say)."""
    return reset(username=username)


def lockout_unlock(*, attempts: QuerySet[AccessAttempt]) -> int:
    """Lift the lock-outs an administrator chose in the admin."""
    return attempts.delete()[0]


def forget_failed_logins(*, now=None) -> int:
    """Delete the failed log-ins whose lock-out time is over: kept only while they can lock someone out, as the
    privacy page says. Axes does this too, but only when someone logs in; this makes it true on a quiet site.
    Returns how many were deleted."""
    threshold = (now or timezone.now()) - get_cool_off()
    deleted, _counts = AccessAttempt.objects.filter(attempt_time__lte=threshold).delete()
    return deleted
