"""The one NinjaAPI instance. Each app adds its router here."""

import datetime
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.signals import got_request_exception
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError

from tvatakt import __version__
from tvatakt.api import openapi
from tvatakt.api.auth import token_auth
from tvatakt.api.types import ObjectBodies
from tvatakt.core import requestlog
from tvatakt.core.ratelimit import RateLimited, too_many_json
from tvatakt.council.api import router as council_router
from tvatakt.inclusion.api import router as inclusion_router
from tvatakt.innovation.api import router as innovation_router
from tvatakt.innovation.hackathon_api import router as hackathon_router
from tvatakt.organisation.api import router as organisation_router
from tvatakt.portfolio.api import router as portfolio_router
from tvatakt.recognition.api import router as recognition_router

# The logger Django writes its 500s to, so an API fault lands where operators already look.
logger = logging.getLogger("django.request")


class Api(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        return openapi.with_error_answers(super().get_openapi_schema(**kwargs))


api = Api(
    title="Tvåtakt API",
    version="1",
    description="Units, organisations, clusters, public roles and the two-tempo portfolio of the city's digital "
    "transformation.",
    urls_namespace="api-1",
    parser=ObjectBodies(),
    docs_url=None,  # our own server-rendered, accessible docs page replaces Swagger UI
)
api.add_router("/", organisation_router)
api.add_router("/", portfolio_router)
api.add_router("/", council_router)
api.add_router("/", recognition_router)
api.add_router("/", inclusion_router)
api.add_router("/", innovation_router)
api.add_router("/", hackathon_router)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    detail = _("A valid API key is needed. Send it as: Authorization: Bearer tvt_…")
    response = api.create_response(request, {"detail": detail}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="tvatakt"'  # RFC 6750: say which scheme a 401 wants
    return response


# Services refuse with NotAllowed (a PermissionDenied) and DomainError or full_clean()'s ValidationError.
# These turn the refusals into JSON instead of an HTML page or a 500.
@api.exception_handler(PermissionDenied)
def not_allowed(request, exc):
    return api.create_response(request, {"detail": " ".join(map(str, exc.args)) or _("Forbidden.")}, status=403)


@api.exception_handler(ValidationError)
def rule_broken(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": errors}, status=422)


@api.exception_handler(RateLimited)
def too_many(request, exc):
    return too_many_json(exc)


@api.exception_handler(Exception)
def server_error(request, exc):
    """Any other fault: logged with its traceback as Django logs a 500, and answered in JSON, not the HTML page,
    with the request's id so that a client's report finds the log line."""
    got_request_exception.send(sender=None, request=request)  # as Django does: the test client re-raises it
    logger.error("Internal Server Error: %s", request.path, exc_info=exc, extra={"status_code": 500})
    detail = _("Something went wrong on our side. If you report it, give this code: %(code)s")
    response = api.create_response(request, {"detail": detail % {"code": requestlog.current()}}, status=500)
    response._has_been_logged = True  # Django would log the 500 a second time, without the traceback
    return response


@api.get("/", summary="What this API offers", tags=["meta"], url_name="api-root")
def index(request):
    base = request.build_absolute_uri(reverse("api-1:api-root"))
    return {
        "name": "Tvåtakt",
        "version": __version__,
        "openapi": base + "openapi.json",
        "docs": base + "docs",
        "resources": {
            name: base + name
            for name in (
                "units",
                "organisations",
                "clusters",
                "roles",
                "initiatives",
                "meetings",
                "decisions",
                "adoptions",
            )
        },
    }


class KeyOut(Schema):
    name: str
    prefix: str
    expires_at: datetime.datetime | None


class MeOut(Schema):
    id: int
    name: str
    key: KeyOut


@api.get("/me", response=MeOut, auth=token_auth, summary="Who the API key belongs to", tags=["meta"], url_name="me")
def me(request):
    """Lets a client check its key: 200 with the person and key, or 401."""
    return {"id": request.user.pk, "name": request.user.display_name, "key": request.api_token}
