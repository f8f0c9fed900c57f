"""The DCAT-AP-SE export: it conforms to the DCAT-AP 3.0.1 shapes (with and without the range shapes), and to the
national portal's own rules, which no shapes check; it streams, pages as ckanext-dcat does, and shows no drafts."""

import datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS

from tests.opendata.conftest import FIELDS, upload
from tvatakt.opendata import services, vocab
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.dcat import stream
from tvatakt.opendata.dcat.graph import new_graph
from tvatakt.opendata.dcat.iris import dataset_rdf_links
from tvatakt.opendata.models import DataService, Dataset
from tvatakt.organisation.models import Organisation

pytestmark = pytest.mark.django_db

DCT = DCTERMS
# Open namespaces: pytest's collection trips over rdflib's closed DCAT and XSD with a warning each.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
CONFORMANCE = Path(__file__).parent / "conformance"
SHAPES = Graph().parse(CONFORMANCE / "dcat-ap-3.0.1_shapes.ttl")
SHAPES_AND_RANGE = SHAPES + Graph().parse(CONFORMANCE / "dcat-ap-3.0.1_range.ttl")
FREE_TEXT = {DCT.title, DCT.description, DCAT.keyword, FOAF.name, VCARD.fn, SKOS.prefLabel}
AWKWARD = 'Skolor & förskolor <i> "citat" ’ 🚲\x0b'
COMPANY_NUMBER = "556677-8899"


@pytest.fixture(autouse=True)
def only_ours(db, settings, tmp_path):
    """The demo city may have a catalogue of its own: these tests see only the datasets they make."""
    Dataset.objects.update(state=DatasetState.DRAFT)
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "https://data.example.se"


@pytest.fixture
def company(db):
    organisation = Organisation.objects.get(name="Stockholm Vatten och Avfall AB")
    organisation.org_number = COMPANY_NUMBER
    organisation.save()
    return organisation


@pytest.fixture
def catalogue(make_dataset, person, company):
    """Three public datasets (one with an uploaded file and an API, one a company's, one with awkward text) and a
    draft."""
    actor = person("datapublicerare")
    air = make_dataset(
        name="dcat-luft", temporal_start=datetime.date(2020, 1, 1), temporal_end=datetime.date(2024, 12, 31),
        spatial="https://sws.geonames.org/2673730/", conforms_to="https://example.org/standard",
        issued=datetime.date(2021, 6, 1), modified=datetime.date(2024, 6, 1), themes=("ENVI", "HEAL"),
    )  # fmt: skip
    services.distribution_add(
        actor=actor, dataset=air, title="Mätvärden som fil", description="Hela året", format="CSV",
        file=upload("luft 2024.csv", b"a,b\n1,2\n"), licence=vocab.CC0, availability="STABLE",
    )  # fmt: skip
    water = services.dataset_create(
        actor=None, publisher=company, name="dcat-vatten", keywords="vatten", themes=["ENVI"],
        **(FIELDS | {"title": "Vattenkvalitet", "title_en": "", "description_en": "", "frequency": ""}),
    )  # fmt: skip
    services.distribution_add(
        actor=None, dataset=water, title="Karta", access_url="https://example.org/v.zip", format="SHP"
    )
    services.dataset_publish(actor=None, dataset=water)
    awkward = make_dataset(name="dcat-konstig", title=AWKWARD, description=AWKWARD, keywords="a&b, <c>", themes=())
    make_dataset(name="dcat-utkast", draft=True)
    api = DataService.objects.create(
        name="dcat-luft-api", title="Luft-API", title_en="Air API", publisher=air.publisher,
        endpoint_url="https://api.example.org/luft", endpoint_description="https://api.example.org/luft/openapi.json",
        licence=vocab.CC0,
    )  # fmt: skip
    api.datasets.set([air, Dataset.objects.get(name="dcat-utkast")])
    return {
        "air": air,
        "water": water,
        "awkward": awkward,
        "draft": Dataset.objects.get(name="dcat-utkast"),
        "api": api,
    }


def fetch(client, url: str, fmt: str = "xml", **headers) -> Graph:
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:500]
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return Graph().parse(data=body, format=fmt)


def harvested(client) -> Graph:
    return fetch(client, "/datasets/dcat")


def iri(dataset) -> URIRef:
    return URIRef(f"https://data.example.se/dataset/{dataset.identifier}")


def violations(graph: Graph, shapes: Graph) -> str:
    conforms, _, text = validate(graph, shacl_graph=shapes, allow_warnings=False)
    return "" if conforms else text


ALL_GRAPHS = ["/datasets/dcat", "/catalog.ttl", "/catalog.rdf", "/catalog.jsonld", "/dataset/dcat-luft.ttl"]


@pytest.mark.parametrize("url", ALL_GRAPHS)
@pytest.mark.parametrize("shapes", [SHAPES, SHAPES_AND_RANGE], ids=["shapes", "shapes+range"])
def test_every_served_graph_conforms_to_the_dcat_ap_shapes(client, catalogue, url, shapes):
    graph = fetch(client, url, {"ttl": "turtle", "jsonld": "json-ld"}.get(url.rsplit(".", 1)[-1], "xml"))
    assert (iri(catalogue["air"]), RDF.type, DCAT.Dataset) in graph
    assert violations(graph, shapes) == ""


def test_the_shapes_can_fail_a_graph_that_leaves_out_the_typing(client, catalogue):
    graph = harvested(client)
    graph.remove((None, RDF.type, VCARD.Kind))
    assert violations(graph, SHAPES) == ""
    assert "vcard:Kind" in violations(graph, SHAPES_AND_RANGE)


def test_no_blank_nodes_and_the_portals_classes_are_iris(client, catalogue):
    graph = harvested(client)
    assert not [term for triple in graph for term in triple if isinstance(term, BNode)]
    for cls in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution, DCAT.DataService, FOAF.Agent, VCARD.Kind):
        assert list(graph.subjects(RDF.type, cls)), cls
    for predicate in (DCT.publisher, DCAT.contactPoint, DCAT.distribution, DCAT.dataset):
        assert all(isinstance(value, URIRef) for value in graph.objects(None, predicate))


def test_every_iri_is_absolute_http_and_our_own_are_under_the_site(client, catalogue):
    graph = harvested(client)
    for s, p, o in graph:
        for term in (s, o):
            if not isinstance(term, URIRef):
                continue
            parts = urlsplit(term)
            if p == VCARD.hasEmail and term is o:
                assert parts.scheme == "mailto" and "@" in parts.path
                continue
            assert parts.scheme in ("http", "https") and parts.netloc, term
            assert not set(term) & set(' <>"{}|\\^`'), term  # RFC 3987: percent-encoded
    ours = [*graph.subjects(RDF.type, DCAT.Dataset), *graph.subjects(RDF.type, DCAT.Distribution)]
    assert ours and all(term.startswith("https://data.example.se/") for term in ours)


def test_the_file_uploaded_here_is_its_own_access_and_download_url(client, catalogue):
    graph = harvested(client)
    (node,) = graph.subjects(DCT.title, Literal("Mätvärden som fil", lang="sv"))
    (access,) = graph.objects(node, DCAT.accessURL)
    assert access == next(graph.objects(node, DCAT.downloadURL))
    assert access.startswith("https://data.example.se/oppna-data/filer/") and access.endswith("/luft_2024.csv")
    assert client.get(urlsplit(access).path).status_code == 200
    assert next(graph.objects(node, DCAT.byteSize)) == Literal(8, datatype=XSD.nonNegativeInteger)


def test_a_dataset_keeps_its_iri_when_its_title_changes(client, catalogue, person):
    before = {s for s in harvested(client).subjects(RDF.type, DCAT.Dataset)}
    services.dataset_update(actor=person("datapublicerare"), dataset=catalogue["air"], title="Luften i staden")
    graph = harvested(client)
    assert {s for s in graph.subjects(RDF.type, DCAT.Dataset)} == before
    assert (iri(catalogue["air"]), DCT.title, Literal("Luften i staden", lang="sv")) in graph


def test_publishers_are_named_and_typed_and_the_catalogue_is_the_municipalitys(client, catalogue):
    graph = harvested(client)
    for agent in graph.subjects(RDF.type, FOAF.Agent):
        names, types = list(graph.objects(agent, FOAF.name)), list(graph.objects(agent, DCT.type))
        assert len(names) == 1 and names[0].language == "sv", agent
        assert len(types) == 1 and str(types[0]).startswith("http://purl.org/adms/publishertype/"), agent
    municipality = URIRef("http://dataportal.se/organisation/SE2120000142")
    assert list(graph.objects(None, DCT.publisher)).count(municipality) == 1  # the catalogue's, and no dataset's
    assert (municipality, FOAF.name, Literal("Stockholms stad", lang="sv")) in graph


def test_an_own_organisation_number_gives_the_portals_iri_and_a_shared_one_our_own(client, catalogue):
    graph = harvested(client)
    company = URIRef("http://dataportal.se/organisation/SE5566778899")
    archive = URIRef("https://data.example.se/organisation/stadsarkivet")
    assert (iri(catalogue["water"]), DCT.publisher, company) in graph
    assert (company, DCT.type, URIRef(vocab.PUBLISHER_TYPE + "Company")) in graph
    assert (company, DCT.identifier, Literal("5566778899")) in graph
    assert (iri(catalogue["air"]), DCT.publisher, archive) in graph  # Stadsarkivet shares the city's number
    assert (archive, DCT.type, URIRef(vocab.PUBLISHER_TYPE + "LocalAuthority")) in graph
    assert not list(graph.objects(archive, DCT.identifier))


def test_a_number_two_organisations_share_is_no_longer_either_ones_portal_iri(client, catalogue, company):
    Organisation.objects.filter(name="AB Stokab").update(org_number=COMPANY_NUMBER)
    graph = harvested(client)
    own = URIRef(f"https://data.example.se/organisation/{company.slug}")
    assert (iri(catalogue["water"]), DCT.publisher, own) in graph
    assert not list(graph.subjects(None, URIRef("http://dataportal.se/organisation/SE5566778899")))
    assert not list(graph.objects(None, URIRef("http://dataportal.se/organisation/SE5566778899")))


def test_the_catalogue_has_one_licence_and_it_is_cc0(client, catalogue):
    graph = harvested(client)
    (node,) = graph.subjects(RDF.type, DCAT.Catalog)
    assert list(graph.objects(node, DCT.license)) == [URIRef("http://creativecommons.org/publicdomain/zero/1.0/")]


def test_every_distribution_has_an_eu_file_type_and_an_iana_media_type(client, catalogue):
    graph = harvested(client)
    distributions = list(graph.subjects(RDF.type, DCAT.Distribution))
    assert len(distributions) == 4
    for node in distributions:
        (file_type,) = graph.objects(node, DCT.format)
        assert file_type.startswith("http://publications.europa.eu/resource/authority/file-type/")
        media_types = list(graph.objects(node, DCAT.mediaType))
        if file_type.endswith("/SHP"):  # a zipped shapefile has no IANA type
            assert media_types == []
        else:
            assert [str(m) for m in media_types] == ["https://www.iana.org/assignments/media-types/text/csv"]


def test_every_free_text_has_a_language_and_english_comes_where_given(client, catalogue):
    graph = harvested(client)
    for s, p, o in graph:
        if p in FREE_TEXT:
            assert isinstance(o, Literal) and o.language in ("sv", "en"), (s, p, o)
        elif isinstance(o, Literal) and o.datatype is None:
            assert p == DCT.identifier, (s, p, o)  # an identifier is a code, not a text
    assert (iri(catalogue["air"]), DCT.title, Literal(FIELDS["title_en"], lang="en")) in graph
    assert not [o for o in graph.objects(iri(catalogue["water"]), DCT.title) if o.language == "en"]


def test_dates_are_typed_and_valid(client, catalogue):
    graph = harvested(client)
    dated = [(s, p, o) for s, p, o in graph if p in (DCT.issued, DCT.modified, DCAT.startDate, DCAT.endDate)]
    assert len(dated) >= 8
    for s, p, o in dated:
        assert o.datatype in (XSD.date, XSD.dateTime), (s, p, o)
        assert isinstance(o.value, datetime.date), (s, p, o)  # rdflib gives None for an ill-formed date
    (period,) = graph.objects(iri(catalogue["air"]), DCT.temporal)
    assert (period, DCAT.startDate, Literal(datetime.date(2020, 1, 1))) in graph


def test_themes_and_the_data_service_are_described(client, catalogue):
    graph = harvested(client)
    environment = URIRef(vocab.theme_iri("ENVI"))
    assert {o.language for o in graph.objects(environment, SKOS.prefLabel)} == {"sv", "en"}
    (scheme,) = graph.objects(environment, SKOS.inScheme)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph and list(graph.objects(scheme, DCT.title))
    (api,) = graph.subjects(RDF.type, DCAT.DataService)
    assert (api, DCAT.endpointURL, URIRef("https://api.example.org/luft")) in graph
    assert list(graph.objects(api, DCAT.servesDataset)) == [iri(catalogue["air"])]  # not the draft


def test_the_harvest_address_streams_one_rdf_xml_document_equal_to_the_catalogue_built_whole(client, catalogue):
    response = client.get("/datasets/dcat")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/rdf+xml; charset=utf-8"
    body = b"".join(response.streaming_content)
    root = ElementTree.fromstring(body)  # noqa: S314 (our own output)
    assert root.tag == "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF" and b"ns1" not in body
    streamed = Graph().parse(data=body, format="xml")
    whole = fetch(client, "/catalog.ttl", "turtle")
    whole.remove((URIRef("https://data.example.se/catalog.ttl?page=1"), None, None))  # the paging, only
    assert isomorphic(streamed, whole)
    for name in ("dcat-luft", "dcat-vatten", "dcat-konstig"):
        single = fetch(client, f"/dataset/{name}.ttl", "turtle")
        assert not set(single) - set(streamed), name


def test_a_fragment_with_a_namespace_of_its_own_fails_loudly():
    graph = new_graph()
    graph.add((URIRef("https://x.se/a"), URIRef("http://example.org/vocab#p"), Literal("x")))
    with pytest.raises(ValueError, match="without a fixed prefix"):
        stream.fragment(graph)


def test_drafts_and_withdrawn_datasets_are_nowhere(client, catalogue, person):
    services.dataset_withdraw(actor=person("datapublicerare"), dataset=catalogue["awkward"], reason="Fel")
    hidden = {iri(catalogue["draft"]), iri(catalogue["awkward"])}
    for graph in (harvested(client), fetch(client, "/catalog.ttl", "turtle")):
        assert not hidden & set(graph.all_nodes())
        assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) == 2
    for name in ("dcat-utkast", "dcat-konstig", "finns-inte"):
        assert client.get(f"/dataset/{name}.ttl").status_code == 404
    assert client.get(f"/dataset/{catalogue['draft'].identifier}").status_code == 404


def test_awkward_characters_survive_every_format(client, catalogue):
    clean = AWKWARD.replace("\x0b", "")  # a control character XML cannot hold at all is left out
    node = iri(catalogue["awkward"])
    for url, fmt in (
        ("/datasets/dcat", "xml"),
        ("/dataset/dcat-konstig.ttl", "turtle"),
        ("/dataset/dcat-konstig.jsonld", "json-ld"),
    ):
        graph = fetch(client, url, fmt)
        assert (node, DCT.title, Literal(clean, lang="sv")) in graph, url
        assert {"a&b", "<c>"} <= {str(k) for k in graph.objects(node, DCAT.keyword)}


@pytest.mark.parametrize("fmt, rdflib_format, media_type", [
    ("rdf", "xml", "application/rdf+xml; charset=utf-8"),
    ("ttl", "turtle", "text/turtle; charset=utf-8"),
    ("jsonld", "json-ld", "application/ld+json"),
])  # fmt: skip
def test_one_dataset_in_each_format_is_the_same_graph(client, catalogue, fmt, rdflib_format, media_type):
    response = client.get(f"/dataset/dcat-luft.{fmt}")
    assert response["Content-Type"] == media_type
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert isomorphic(graph, fetch(client, "/dataset/dcat-luft.ttl", "turtle"))
    assert (
        iri(catalogue["air"]),
        DCAT.landingPage,
        URIRef("https://data.example.se/oppna-data/dcat-luft/"),
    ) in graph
    assert client.get("/dataset/dcat-luft.n3").status_code == 404


def test_the_export_does_not_follow_the_readers_language(client, catalogue):
    graph = fetch(client, "/dataset/dcat-luft.ttl", "turtle", HTTP_ACCEPT_LANGUAGE="en")
    pages = [str(o) for o in graph.objects(None, DCAT.landingPage)]
    assert pages == ["https://data.example.se/oppna-data/dcat-luft/"]


def test_the_rdf_links_for_a_dataset_page_lead_to_its_metadata(client, catalogue):
    links = dataset_rdf_links(catalogue["air"])
    assert [media_type for media_type, _ in links] == ["application/rdf+xml", "text/turtle", "application/ld+json"]
    for media_type, url in links:
        assert client.get(url)["Content-Type"].startswith(media_type)


@pytest.mark.parametrize("accept, location", [
    ("text/turtle", "/dataset/dcat-luft.ttl"),
    ("application/rdf+xml", "/dataset/dcat-luft.rdf"),
    ("text/html,application/xhtml+xml", "/oppna-data/dcat-luft/"),
])  # fmt: skip
def test_a_dataset_iri_leads_a_client_to_what_it_accepts(client, catalogue, accept, location):
    response = client.get(f"/dataset/{catalogue['air'].identifier}", HTTP_ACCEPT=accept)
    assert (response.status_code, response["Location"]) == (303, location)
    assert client.get("/catalog", HTTP_ACCEPT="application/rdf+xml")["Location"] == reverse("dcat_catalogue")
    assert client.get("/catalog", HTTP_ACCEPT="text/html")["Location"] == "/oppna-data/"


def page(client, number) -> Graph:
    return fetch(client, f"/catalog.ttl?page={number}", "turtle")


def test_the_catalogue_pages_as_ckanext_dcat_does(client, make_dataset, monkeypatch):
    monkeypatch.setattr(stream, "PER_PAGE", 2)
    made = [make_dataset(name=f"dcat-sida-{number}") for number in range(5)]
    for minutes, dataset in enumerate(made):  # metadata modified a minute apart, the last made last
        Dataset.objects.filter(pk=dataset.pk).update(
            updated_at=datetime.datetime(2025, 1, 1, 12, minutes, tzinfo=datetime.UTC)
        )
    url = "https://data.example.se/catalog.ttl?page={}".format
    expected = {
        1: {"first": 1, "last": 3, "next": 2},
        2: {"first": 1, "last": 3, "next": 3, "previous": 1},
        3: {"first": 1, "last": 3, "previous": 2},
        9: {"first": 1, "last": 3, "previous": 3},  # past the end: back to the last page
    }
    for number, links in expected.items():
        graph, node = page(client, number), URIRef(url(number))
        assert (node, RDF.type, HYDRA.PagedCollection) in graph
        assert (node, HYDRA.totalItems, Literal(5)) in graph and (node, HYDRA.itemsPerPage, Literal(2)) in graph
        for key in ("first", "last", "next", "previous"):
            for predicate in (HYDRA[key], HYDRA[f"{key}Page"]):
                assert list(graph.objects(node, predicate)) == ([Literal(url(links[key]))] if key in links else [])
    newest_first = [iri(dataset) for dataset in reversed(made)]
    assert set(page(client, 1).subjects(RDF.type, DCAT.Dataset)) == set(newest_first[:2])
    assert set(page(client, 3).subjects(RDF.type, DCAT.Dataset)) == set(newest_first[4:])
    assert not list(page(client, 9).subjects(RDF.type, DCAT.Dataset))


def test_an_empty_catalogue_has_no_paging(client):
    graph = page(client, 1)
    assert list(graph.subjects(RDF.type, DCAT.Catalog)) and not list(graph.subjects(RDF.type, HYDRA.PagedCollection))


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "1.5", "", "99999999999999999999"])
def test_a_bad_page_is_refused_with_a_short_message(client, bad):
    response = client.get(f"/catalog.ttl?page={bad}")
    assert response.status_code == 400 and b"page" in response.content and len(response.content) < 100


def test_an_unknown_catalogue_format_is_not_found(client):
    assert client.get("/catalog.n3").status_code == 404


def count_queries(client, make_dataset, number: int) -> int:
    Dataset.objects.filter(state=DatasetState.PUBLIC).update(state=DatasetState.DRAFT)
    for index in range(number):
        make_dataset(name=f"dcat-q-{number}-{index}")
    with CaptureQueriesContext(connection) as queries:
        harvested(client)
    return len(queries)


def test_streaming_the_catalogue_takes_the_same_queries_for_3_or_30_datasets(client, make_dataset):
    assert count_queries(client, make_dataset, 3) == count_queries(client, make_dataset, 30)


def test_the_stream_adds_queries_only_per_chunk(client, make_dataset, monkeypatch):
    monkeypatch.setattr(stream, "CHUNK", 10)
    three, thirty = count_queries(client, make_dataset, 3), count_queries(client, make_dataset, 30)
    assert thirty - three == 2 * 3  # two more chunks, each prefetching themes, keywords and distributions
