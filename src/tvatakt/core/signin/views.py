"""The two-factor steps after the password, and the password reset that also lifts a lock-out."""

import base64

import segno
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache

from tvatakt.core.errors import DomainError
from tvatakt.core.signin import selectors, services
from tvatakt.core.signin.forms import CodeForm


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _elsewhere(request, step: str | None):
    """Send the person to the step they need (keeping where they were going), or on when they need none."""
    if step is None:
        return redirect(_next_url(request))
    return redirect(f"{reverse(step)}?{urlencode({'next': _next_url(request)})}")


def _enrolment(device) -> dict:
    """The secret as a QR code and as text for typing in. Drawn on the server into the page (a data: image): no
    script, and no request to anywhere that would carry the secret."""
    qr = segno.make(device.config_url, error="m")
    secret = base64.b32encode(device.bin_key).decode()
    return {
        "qr": qr.png_data_uri(scale=5, border=4, dark="#000", light="#fff"),
        "qr_size": qr.symbol_size(scale=5, border=4)[0],
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    }


@never_cache
@login_required
def two_factor_verify(request):
    step = selectors.two_factor_step(user=request.user)
    if step != selectors.VERIFY:
        return _elsewhere(request, step)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = selectors.confirmed_device(user=request.user)
        try:
            services.two_factor_verify(request=request, device=device, code=form.cleaned_data["code"])
        except DomainError as exc:
            form.add_error("code", exc)
        else:
            return redirect(_next_url(request))
    return render(request, "signin/two_factor_verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@login_required
def two_factor_setup(request):
    step = selectors.two_factor_step(user=request.user)
    if step != selectors.SETUP:
        return _elsewhere(request, step)
    device = services.two_factor_setup_start(user=request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            services.two_factor_setup_confirm(request=request, device=device, code=form.cleaned_data["code"])
        except DomainError as exc:
            form.add_error("code", exc)
        else:
            return redirect(_next_url(request))
    context = {"form": form, "next": _next_url(request), **_enrolment(device)}
    return render(request, "signin/two_factor_setup.html", context)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's step that sets the new password; it also lifts the person's lock-outs, as the lock-out page says."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.lockout_clear(username=form.user.get_username())
        return response
