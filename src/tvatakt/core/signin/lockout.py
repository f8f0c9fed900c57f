"""django-axes' hooks: the client address it counts by, and the page a locked-out person sees."""

import math

from axes.helpers import get_client_username
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from tvatakt.core.ratelimit import client_address
from tvatakt.core.signin import selectors


def client_ip(request) -> str | None:
    """The address the rate limits use (it honours the proxy settings), so both count the same client.
    None when there is none to read: axes keeps addresses in an IP field, which "unknown" would not fit."""
    address = client_address(request)
    return None if address == "unknown" else address


def username(request, credentials=None) -> str | None:
    """The user name as typed, cut to the 255 characters axes keeps (a longer one broke the log-in on PostgreSQL)
    and without NUL characters, which PostgreSQL refuses in text."""
    field = settings.AXES_USERNAME_FORM_FIELD
    value = credentials.get(field) if credentials else getattr(request, "data", request.POST).get(field)
    return value.replace("\x00", "")[:255] if isinstance(value, str) else value


def lockout_response(request, original_response=None, credentials=None):
    """429, a page that says when log-in opens again and how to get in sooner, and Retry-After."""
    ends = selectors.lockout_ends(
        username=get_client_username(request, credentials), ip_address=getattr(request, "axes_ip_address", None)
    )
    seconds = max(60, math.ceil((ends - timezone.now()).total_seconds())) if ends else None
    context = {"ends": ends, "minutes": math.ceil(seconds / 60) if seconds else None}
    response = render(request, "signin/locked_out.html", context, status=429)
    if seconds:
        response["Retry-After"] = str(seconds)
    return response
