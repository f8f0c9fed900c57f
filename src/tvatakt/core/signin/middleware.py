"""Until a person who must use two-factor has given a code, every page but its own sends them to it."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from tvatakt.core.signin import oidc, selectors

# Views an unverified person may reach: the two steps, and logging out (the site's and the admin's).
OPEN_VIEWS = {selectors.SETUP, selectors.VERIFY, "logout", "admin:logout"}


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware. It works on the resolved view (process_view), so an address added later
    is closed too, and an address in another language (/en/…) is recognised by its view name."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.TVATAKT_REQUIRE_TWO_FACTOR or not request.user.is_authenticated:
            return None
        if request.resolver_match.view_name in OPEN_VIEWS or request.path.startswith(settings.STATIC_URL):
            return None
        step = None if oidc.provider_did_two_factor(request) else selectors.two_factor_step(user=request.user)
        if step is None:
            return None
        if request.path.startswith("/api/"):
            message = _("Give your two-factor code on the site first, or use an API key.")
            return JsonResponse({"detail": message}, status=403)
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
