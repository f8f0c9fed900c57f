"""The public catalogue: search with facets, a dataset's page, publishers' and themes' pages, uploaded files."""

import hashlib

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from tvatakt.core.cache import public_page, remembered
from tvatakt.opendata import selectors, vocab
from tvatakt.opendata.choices import _label
from tvatakt.opendata.dcat.iris import dataset_rdf_links
from tvatakt.opendata.forms import SearchForm
from tvatakt.opendata.models import Distribution, Theme
from tvatakt.opendata.preview import csv_preview
from tvatakt.opendata.quality import quality
from tvatakt.opendata.selectors import FACETS, SORTS, Filters
from tvatakt.organisation.models import Organisation
from tvatakt.portfolio.models import Initiative

PER_PAGE = 20
MAX_CHOSEN = 10  # values per facet: more is not a search anyone makes, and keeps the query small


def _filters(request, **preset: list[str]) -> Filters:
    """The search in the address. Unknown values just match nothing, so nothing here can fail."""
    query = request.GET
    sort = query.get("sort", "relevance")
    chosen = {name: [value[:200] for value in query.getlist(name)[:MAX_CHOSEN]] for name in FACETS}
    for name, values in preset.items():
        chosen[name] = sorted(set(chosen[name]) | set(values))
    return Filters(q=query.get("q", "")[:200], sort=sort if sort in SORTS else "relevance", **chosen)


def _search_page(request, template: str, context: dict, **preset: list[str]):
    filters = _filters(request, **preset)
    # The facets count the whole matching set (hundreds of milliseconds at 20,000 datasets): kept until the
    # content changes, so that logged-in people, whose pages are never cached, do not pay for them each time.
    digest = hashlib.sha256(repr(filters).encode()).hexdigest()
    found = remembered(f"opendata-facets:{get_language()}:{digest}", lambda: selectors.facets(filters))
    form = SearchForm(request.GET or None, facets=found)
    form.is_valid()
    page = Paginator(selectors.search(filters), PER_PAGE).get_page(request.GET.get("page"))
    context |= {
        "form": form,
        "filters": filters,
        "page": page,
        "words": selectors.words(filters.q),
        "searching": bool(selectors.words(filters.q) or any(getattr(filters, name) for name in FACETS)),
    }
    return render(request, template, context)


@public_page
def catalogue(request):
    return _search_page(request, "opendata/catalogue.html", {"themes": selectors.themes_with_counts()})


@public_page
def dataset_detail(request, name: str):
    dataset = selectors.dataset_detail(name, request.user)
    if dataset is None:
        raise Http404
    may_publish = request.user.is_authenticated and request.user.has_perm("opendata.publish", dataset)
    distributions = list(dataset.distributions.all())
    visible = visible_initiatives(request.user, dataset)
    context = {
        "dataset": dataset,
        "distributions": [(distribution, csv_preview(distribution)) for distribution in distributions],
        "frequency": _term(vocab.FREQUENCIES, dataset.frequency),
        "access_rights": _term(vocab.ACCESS_RIGHTS, dataset.access_rights),
        "may_publish": may_publish,
        "quality": quality(dataset) if may_publish else None,
        # A confidential initiative's use is not shown to those who may not see the initiative.
        "uses": [use for use in dataset.uses.all() if use.initiative_id in visible],
        "rdf_links": dataset_rdf_links(dataset) if dataset.is_public else [],
    }
    return render(request, "opendata/dataset_detail.html", context)


def visible_initiatives(user, dataset) -> set[int]:
    ids = [use.initiative_id for use in dataset.uses.all()]
    return set(Initiative.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()


def _term(terms: list[vocab.Term], code: str) -> str:
    return next((_label(term) for term in terms if term.code == code), "")


@public_page
def publisher_list(request):
    return render(request, "opendata/publisher_list.html", {"publishers": selectors.publishers_with_counts()})


@public_page
def publisher_detail(request, slug: str):
    publisher = get_object_or_404(Organisation, slug=slug)
    context = {"publisher": publisher}
    return _search_page(request, "opendata/publisher_detail.html", context, publisher=[publisher.slug])


@public_page
def theme_list(request):
    return render(request, "opendata/theme_list.html", {"themes": selectors.themes_with_counts()})


@public_page
def theme_detail(request, slug: str):
    term = vocab.THEME_BY_SLUG.get(slug)
    if term is None:
        raise Http404
    theme = Theme.objects.get(code=term.code)
    return _search_page(request, "opendata/theme_detail.html", {"theme": theme}, theme=[theme.code])


def distribution_file(request, identifier, filename: str):
    """An uploaded file, always as a download: a file cannot run as our page. A draft's files are for its
    publishers only."""
    distribution = get_object_or_404(Distribution.objects.select_related("dataset"), identifier=identifier)
    dataset = distribution.dataset
    visible = dataset.is_public or (
        request.user.is_authenticated and request.user.has_perm("opendata.publish", dataset)
    )
    if not distribution.file or not visible or filename != distribution.file_path.rsplit("/", 1)[-1]:
        raise Http404
    try:
        handle = distribution.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["Content-Type"] = distribution.media_type or "application/octet-stream"
    return response
