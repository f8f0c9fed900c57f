"""The one NinjaAPI instance. Each app adds its router here."""

from django.urls import reverse
from ninja import NinjaAPI

from tvatakt import __version__
from tvatakt.organisation.api import router as organisation_router

api = NinjaAPI(
    title="Tvåtakt API",
    version="1",
    description="Units, organisations, clusters and public roles of the city's digital transformation.",
    urls_namespace="api-1",
    docs_url=None,  # our own server-rendered, accessible docs page replaces Swagger UI
)
api.add_router("/", organisation_router)


@api.get("/", summary="What this API offers", tags=["meta"], url_name="api-root")
def index(request):
    base = request.build_absolute_uri(reverse("api-1:api-root"))
    return {
        "name": "Tvåtakt",
        "version": __version__,
        "openapi": base + "openapi.json",
        "docs": base + "docs",
        "resources": {name: base + name for name in ("units", "organisations", "clusters", "roles")},
    }
