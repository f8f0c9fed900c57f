"""The catalogue's metadata as DCAT-AP-SE: the whole catalogue for the national portal's harvester, the catalogue
a page at a time for CKAN-style harvesters, one dataset, and the IRIs themselves, which lead to their pages."""

import re

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from rdflib import Graph

from tvatakt.core.cache import public_page
from tvatakt.opendata.dcat import iris, stream
from tvatakt.opendata.dcat.graph import PREFIXES
from tvatakt.opendata.models import Dataset

PAGE = re.compile(r"[0-9]{1,9}")
CHARSET = {"rdf": "; charset=utf-8", "ttl": "; charset=utf-8", "jsonld": ""}  # JSON is always UTF-8


def catalogue_rdfxml(request):
    """The harvest address: every public dataset in one document, written as it is read."""
    return StreamingHttpResponse(stream.catalogue_rdfxml(), content_type="application/rdf+xml; charset=utf-8")


@public_page  # a page of 100 datasets takes rdflib most of a second: drawn once per content version
def catalogue_page(request, fmt: str):
    if fmt not in iris.FORMATS:
        raise Http404
    page = request.GET.get("page", "1")
    if not PAGE.fullmatch(page) or int(page) < 1:
        return HttpResponseBadRequest("page must be a whole number from 1 up\n", content_type="text/plain")
    url = iris.site() + reverse("dcat_catalogue_page", kwargs={"fmt": fmt})
    return _rdf(stream.catalogue_page(int(page), lambda number: f"{url}?page={number}"), fmt)


@public_page
def dataset_rdf(request, name: str, fmt: str):
    graph = stream.dataset_graph(name) if fmt in iris.FORMATS else None
    if graph is None:
        raise Http404
    return _rdf(graph, fmt)


def catalogue_iri(request):
    """The catalogue's IRI: its metadata for an RDF client, its search page for a person."""
    fmt = _wanted(request)
    if fmt == "rdf":
        return _see_other(reverse("dcat_catalogue"))
    if fmt:
        return _see_other(reverse("dcat_catalogue_page", kwargs={"fmt": fmt}))
    with translation.override(settings.LANGUAGE_CODE):
        return _see_other(reverse("opendata:catalogue"))


def dataset_iri(request, identifier):
    """A dataset's IRI: its metadata for an RDF client, its page for a person."""
    dataset = get_object_or_404(Dataset.objects.public().only("name"), identifier=identifier)
    fmt = _wanted(request)
    if fmt:
        return _see_other(reverse("dcat_dataset", kwargs={"name": dataset.name, "fmt": fmt}))
    with translation.override(settings.LANGUAGE_CODE):
        return _see_other(dataset.get_absolute_url())


def _wanted(request) -> str | None:
    by_type = {media_type: fmt for fmt, (_, media_type) in iris.FORMATS.items()}
    preferred = request.get_preferred_type(["text/html", *by_type])
    return by_type.get(preferred) if preferred else None


def _see_other(path: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(path, status=303)
    patch_vary_headers(response, ["Accept"])
    return response


def _rdf(graph: Graph, fmt: str) -> HttpResponse:
    rdflib_format, media_type = iris.FORMATS[fmt]
    options = {"context": PREFIXES, "auto_compact": True} if fmt == "jsonld" else {}
    body = graph.serialize(format=rdflib_format, encoding="utf-8", **options)
    return HttpResponse(body, content_type=media_type + CHARSET[fmt])
