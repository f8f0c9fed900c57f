from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from tvatakt.api.api import api
from tvatakt.api.views import api_docs
from tvatakt.core.health import healthz, readyz
from tvatakt.core.ratelimit import limit
from tvatakt.core.signin import oidc
from tvatakt.core.signin import views as signin_views
from tvatakt.web.forms import QueuedPasswordResetForm
from tvatakt.web.views import LoginView

handler500 = "tvatakt.web.views.server_error"

auth_patterns = [
    path("logga-in/", limit("login")(LoginView.as_view()), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    # The second step for staff who must use two-factor: the code, or setting up the app the first time.
    path("tvastegs/", signin_views.two_factor_verify, name="two_factor_verify"),
    path("tvastegs/ny/", signin_views.two_factor_setup, name="two_factor_setup"),
    path("losenord/byt/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("losenord/byt/klart/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path(
        "losenord/glomt/",
        limit("password-reset")(auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm)),
        name="password_reset",
    ),
    path("losenord/glomt/skickat/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "losenord/nytt/<uidb64>/<token>/",
        signin_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("losenord/nytt/klart/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("api/v1/", api.urls),
    # The open-data catalogue for machines: DCAT-AP-SE for the national portal. Outside the language prefix:
    # harvesters expect these exact paths, and identifiers must not change with the reader's language.
    path("", include("tvatakt.opendata.dcat.urls")),
    # ... and a read-only CKAN-compatible Action API, so that tools written for CKAN work unchanged.
    path("", include("tvatakt.opendata.ckan.urls")),
    # Log in with the city's identity provider (core.signin.oidc); 404 while it is off. Outside the language prefix:
    # the callback is the address registered at the provider, and must not change with the reader's language.
    path("oidc/logga-in/", oidc.start, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.callback, name="oidc_authentication_callback"),
]

# An app whose addresses share a first word is included under it: Django tries the patterns in order, and for each
# one that fails it keeps a note for the 404 page, so an address late in the list cost some 230 tries and notes,
# a fifth of a cached page's time.
urlpatterns += i18n_patterns(
    path("", include("tvatakt.web.urls")),
    path("", include("tvatakt.organisation.urls")),
    path("portfolj/", include("tvatakt.portfolio.urls")),
    path("radet/", include("tvatakt.council.urls")),
    path("erkannande/", include("tvatakt.recognition.urls")),
    path("oppna-data/", include("tvatakt.opendata.urls")),
    path("", include("tvatakt.inclusion.urls")),
    path("", include("tvatakt.innovation.urls")),
    path("", include("tvatakt.api.urls")),
    path("", include(auth_patterns)),
    path("api/v1/docs", api_docs, name="api_docs"),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
