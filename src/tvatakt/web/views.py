from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.http import urlencode

from tvatakt.core import processing
from tvatakt.core.cache import public_page
from tvatakt.core.signin import selectors as signin_selectors
from tvatakt.organisation import selectors as organisation_selectors
from tvatakt.web import selectors


@public_page
def home(request):
    context = {"counts": organisation_selectors.directory_counts(), "units": organisation_selectors.unit_list()}
    return render(request, "web/home.html", context)


@login_required
def account(request):
    return render(request, "web/account.html", selectors.account_overview(user=request.user))


@public_page
def about(request):
    return render(request, "web/about.html")


@public_page
def accessibility(request):
    return render(request, "web/accessibility.html")


@public_page
def privacy(request):
    """The record of processing, as the apps registered it, grouped by the part of the service."""
    areas: dict[str, list] = {}
    for purpose in processing.purposes():
        areas.setdefault(str(purpose.area), []).append(purpose)
    return render(request, "web/privacy.html", {"areas": areas, "contact": settings.PRIVACY_CONTACT})


def server_error(request):
    """The 500 page in the layout, or plain text if even the layout fails (the database may be down)."""
    try:
        return HttpResponseServerError(loader.render_to_string("500.html", request=request))
    except Exception:  # the error page must never raise
        code = getattr(request, "id", "-")
        return HttpResponseServerError(f"Serverfel / Server error ({code})", content_type="text/plain; charset=utf-8")


class LoginView(auth_views.LoginView):
    """Django's log-in page, but a `next` that points back at the log-in page itself is ignored. Someone who must
    use two-factor goes from the password straight on to the code (or to setting up their app), then to `next`.
    django-axes guards the password step: it counts failures and answers a locked-out log-in (core.signin)."""

    redirect_authenticated_user = True

    def get_redirect_url(self):
        url = super().get_redirect_url()
        return "" if url.split("?")[0] == self.request.path else url

    def get_success_url(self):
        url = super().get_success_url()
        step = signin_selectors.two_factor_step(user=self.request.user)
        return f"{reverse(step)}?{urlencode({'next': url})}" if step else url
