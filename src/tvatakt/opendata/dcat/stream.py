"""The whole catalogue as one RDF/XML document, written while it is read, and the catalogue a page at a time.

The national portal harvests one address, unpaged, so the document holds every public dataset. It is spliced from
rdflib's plain "xml" output of one graph per dataset: that serialiser writes one flat rdf:Description per subject,
so each graph's body can go inside a single rdf:RDF, given every graph binds the same prefixes. ("pretty-xml"
nests descriptions and loses triples of nodes it meets twice: never use it here.) Datasets are read in chunks with
their relations prefetched per chunk, so memory holds one chunk and the queries grow only with the chunks."""

import math
import re
from collections.abc import Callable, Iterator

from django.db.models import Count, Max, Min, Prefetch, QuerySet
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from tvatakt.opendata.dcat import iris
from tvatakt.opendata.dcat.graph import HYDRA, PREFIXES, Builder
from tvatakt.opendata.models import DataService, Dataset, Distribution

CHUNK = 500
PER_PAGE = 100  # ckanext-dcat's default, which CKAN-style harvesters expect
XML_START = '<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF\n'
XML_HEAD = re.compile(r'\A<\?xml version="1\.0" encoding="utf-8"\?>\n<rdf:RDF\n((?:   xmlns:\w+="[^"]*"\n)*)>\n')
XML_END = "</rdf:RDF>\n"


def exported_datasets() -> QuerySet[Dataset]:
    """The public datasets with everything the export writes about them."""
    distributions = Distribution.objects.order_by("position", "pk")
    return (
        Dataset.objects.public()
        .select_related("publisher")
        .prefetch_related("themes", "keywords", Prefetch("distributions", queryset=distributions))
    )


def exported_services(datasets: QuerySet[Dataset] | list[Dataset] | None = None) -> QuerySet[DataService]:
    """The data services that serve a public dataset (of `datasets`, when given), each with all the public datasets
    it serves. A service that serves none yet is not announced: it may belong to a dataset still in draft."""
    services = DataService.objects.filter(datasets__in=datasets if datasets is not None else Dataset.objects.public())
    public = Dataset.objects.public().only("pk", "identifier").order_by("pk")
    return (
        DataService.objects.filter(pk__in=services.values("pk"))
        .select_related("publisher")
        .prefetch_related(Prefetch("datasets", queryset=public, to_attr="public_datasets"))
        .order_by("pk")
    )


def _service_graph(builder: Builder, service: DataService) -> Graph:
    return builder.service_graph(service, [iris.dataset_iri(dataset) for dataset in service.public_datasets])


def fragment(graph: Graph) -> str:
    """The graph's descriptions without the document around them. Fails loudly if rdflib had to invent a prefix
    (an `ns1`): two fragments could give it different meanings."""
    document = graph.serialize(format="xml")
    head = XML_HEAD.match(document)
    if head is None or not document.endswith(XML_END):
        raise ValueError("rdflib's RDF/XML no longer has the shape the catalogue stream splices")
    declared = dict(re.findall(r'xmlns:(\w+)="([^"]*)"', head.group(1)))
    unknown = {prefix: ns for prefix, ns in declared.items() if PREFIXES.get(prefix) != ns}
    if unknown:
        raise ValueError(f"A namespace without a fixed prefix in the catalogue stream: {unknown}")
    return document[head.end() : -len(XML_END)]


def catalogue_rdfxml() -> Iterator[bytes]:
    """Every public dataset as one RDF/XML document, a dataset at a time. Nothing is read before the first chunk
    is asked for, so the response starts at once."""
    yield (XML_START + "".join(f'   xmlns:{p}="{ns}"\n' for p, ns in sorted(PREFIXES.items())) + ">\n").encode()
    builder = Builder()
    yield fragment(builder.catalogue_graph(**_catalogue_dates())).encode()
    for dataset in exported_datasets().order_by("pk").iterator(chunk_size=CHUNK):
        yield fragment(builder.dataset_graph(dataset)).encode()
    for service in exported_services().iterator(chunk_size=CHUNK):
        yield fragment(_service_graph(builder, service)).encode()
    yield XML_END.encode()


def _catalogue_dates() -> dict:
    dates = Dataset.objects.public().aggregate(issued=Min("issued"), modified=Max("updated_at"))
    return {"issued": dates["issued"], "modified": dates["modified"]}


def catalogue_page(page: int, page_url: Callable[[int], str]) -> Graph:
    """One page of the catalogue, newest metadata first, as ckanext-dcat pages it, with its Hydra paging. A page
    past the end holds the catalogue and the paging only."""
    builder, per_page = Builder(), PER_PAGE
    totals = Dataset.objects.public().aggregate(count=Count("pk"), issued=Min("issued"), modified=Max("updated_at"))
    graph = builder.catalogue_graph(issued=totals["issued"], modified=totals["modified"])
    if (page - 1) * per_page < totals["count"]:
        start = (page - 1) * per_page
        datasets = list(exported_datasets().order_by("-updated_at", "pk")[start : start + per_page])
        for dataset in datasets:
            graph += builder.dataset_graph(dataset)
        for service in exported_services(datasets):
            graph += _service_graph(builder, service)
    add_paging(graph, page_url, page=page, count=totals["count"], per_page=per_page)
    return graph


def dataset_graph(name: str) -> Graph | None:
    """A public dataset on its own; None for a draft or an unknown name."""
    dataset = exported_datasets().filter(name=name).first()
    return None if dataset is None else Builder().dataset_graph(dataset, in_catalogue=False)


def add_paging(graph: Graph, page_url: Callable[[int], str], *, page: int, count: int, per_page: int) -> None:
    """ckanext-dcat's Hydra paging, which CKAN-style harvesters follow: both the deprecated and the current
    predicate of each, page addresses as plain literals, and nothing at all for an empty catalogue."""
    if not count:
        return
    last = max(1, math.ceil(count / per_page))
    node = URIRef(page_url(page))
    graph.add((node, RDF.type, HYDRA.PagedCollection))
    graph.add((node, HYDRA.totalItems, Literal(count, datatype=XSD.integer)))
    graph.add((node, HYDRA.itemsPerPage, Literal(per_page, datatype=XSD.integer)))
    links = {"first": 1, "last": last}
    if page > 1:
        links["previous"] = min(page - 1, last)
    if page * per_page < count:
        links["next"] = page + 1
    for key, number in links.items():
        for predicate in (HYDRA[f"{key}Page"], HYDRA[key]):
            graph.add((node, predicate, Literal(page_url(number))))
