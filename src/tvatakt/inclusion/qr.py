"""The registration's code as a QR code, for the door. It holds the host's participants page at that
registration, so a host's phone camera opens it ready to check in: nothing to install, no JavaScript."""

import io
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from tvatakt.inclusion.models import Registration


def check_in_url(registration: Registration) -> str:
    with translation.override(settings.LANGUAGE_CODE):  # the host's page, not in the participant's language
        page = reverse("inclusion:participants", kwargs={"slug": registration.event.slug})
    return f"{settings.SITE_URL}{page}?{urlencode({'q': registration.code})}"


def _code(registration: Registration) -> segno.QRCode:
    return segno.make(check_in_url(registration), error="m")


def svg(registration: Registration) -> SafeString:
    """Inline SVG, named for screen readers by the code it holds (in text beside it too)."""
    label = escape(_("QR code for check-in, code %(code)s") % {"code": registration.code})
    drawn = _code(registration).svg_inline(scale=4, dark="#000", light="#fff", svgclass="qr", omitsize=False)
    # segno's inline SVG has no role: without one, assistive technology may skip it or read out its path.
    return mark_safe(drawn.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308 - built here


def png(registration: Registration) -> bytes:
    """For the e-mail: mail programs show a PNG where many would not show an SVG."""
    buffer = io.BytesIO()
    _code(registration).save(buffer, kind="png", scale=6, dark="#000", light="#fff")
    return buffer.getvalue()
