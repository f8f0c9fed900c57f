"""The catalogue as DCAT-AP-SE 3 graphs: the catalogue's own description, one dataset with its distributions, and
one data service.

The graphs conform to the DCAT-AP 3.0.1 shapes and to its range shapes: every value whose class the range shapes
check is typed in the graph itself (a licence as dct:LicenseDocument, a theme as skos:Concept with its labels, …),
as DCAT-AP-SE's own specification also asks. A Builder remembers the publishers and vocabulary terms it has
described, so that a catalogue streamed in fragments describes each once."""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from tvatakt.opendata import vocab
from tvatakt.opendata.dcat import iris

DCT = DCTERMS
DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
# Every graph binds exactly these, and nothing else: fragments of one streamed document must agree on them.
PREFIXES = {
    "dcat": str(DCAT), "dcatap": str(DCATAP), "dct": str(DCT), "foaf": str(FOAF), "hydra": str(HYDRA),
    "rdf": str(RDF), "skos": str(SKOS), "vcard": str(VCARD), "xsd": str(XSD),
}  # fmt: skip
# The class the range shapes require of a value of each property. The values of the first group come from
# closed vocabularies, so a Builder types each once; the others are per dataset.
RANGE = {
    DCT.license: DCT.LicenseDocument,
    DCT.format: DCT.MediaTypeOrExtent,
    DCAT.mediaType: DCT.MediaType,
    DCT.language: DCT.LinguisticSystem,
    DCT.accessRights: DCT.RightsStatement,
    DCT.accrualPeriodicity: DCT.Frequency,
}
OPEN_RANGE = {
    DCT.spatial: DCT.Location,
    DCT.conformsTo: DCT.Standard,
    DCAT.landingPage: FOAF.Document,
    FOAF.homepage: FOAF.Document,
}
SCHEMES = {  # the concept schemes the export names, with the titles a skos:ConceptScheme must have
    vocab.THEME_SCHEME: ("Datatema", "Data theme"),
    vocab.EU + "planned-availability": ("Planerad tillgänglighet", "Planned availability"),
    vocab.PUBLISHER_TYPE + "1.0": ("Utgivartyp", "Publisher type"),
}
# Characters XML 1.0 cannot hold at all, not even escaped: one in a title would break the whole harvested file.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def new_graph() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def text(value: str, lang: str) -> Literal:
    return Literal(NOT_XML.sub("", value), lang=lang)


def _texts(graph: Graph, subject: URIRef, predicate: URIRef, sv: str, en: str = "") -> None:
    """A free text in Swedish, and in English where there is one: the portal wants a language on every text."""
    if sv.strip():
        graph.add((subject, predicate, text(sv, "sv")))
    if en.strip():
        graph.add((subject, predicate, text(en, "en")))


class Builder:
    """Builds the graphs of one export."""

    def __init__(self):
        self.publishers = iris.Publishers(iris.catalogue_publisher())
        self.catalogue = URIRef(iris.catalogue_iri())
        self.described: set = set()  # vocabulary IRIs and publishers' primary keys already described

    def catalogue_graph(self, *, issued=None, modified=None) -> Graph:
        graph, catalogue, publisher = new_graph(), self.catalogue, self.publishers.catalogue
        name = publisher.name
        graph.add((catalogue, RDF.type, DCAT.Catalog))
        _texts(graph, catalogue, DCT.title, f"Öppna data från {name}", f"Open data from {name}")
        _texts(
            graph, catalogue, DCT.description,
            f"Datamängder som förvaltningar och bolag inom {name} publicerar som öppna data.",
            f"Datasets that the administrations and companies of {name} publish as open data.",
        )  # fmt: skip
        agent = URIRef(publisher.iri)
        graph.add((catalogue, DCT.publisher, agent))
        self._agent(graph, agent, name, "LocalAuthority", identifier=iris.digits(publisher.org_number))
        # The national portal accepts only CC0 for the catalogue's own metadata.
        self._link(graph, catalogue, DCT.license, vocab.CC0)
        self._link(graph, catalogue, DCT.language, vocab.LANGUAGE_SV)
        self._link(graph, catalogue, DCT.language, vocab.LANGUAGE_EN)
        with translation.override(settings.LANGUAGE_CODE):
            self._link(graph, catalogue, FOAF.homepage, iris.own_page(reverse("opendata:catalogue")))
        self._scheme(graph, catalogue, DCAT.themeTaxonomy, vocab.THEME_SCHEME)
        if issued is not None:  # the first dataset's
            graph.add((catalogue, DCT.issued, Literal(issued, datatype=XSD.date)))
        if modified is not None:  # the last change to any dataset's metadata
            graph.add((catalogue, DCT.modified, Literal(modified.replace(microsecond=0))))
        return graph

    def dataset_graph(self, dataset, *, in_catalogue: bool = True) -> Graph:
        """The dataset, its distributions and contact point. Expects publisher, themes, keywords and distributions
        loaded with it (selected or prefetched)."""
        graph, node = new_graph(), URIRef(iris.dataset_iri(dataset))
        if in_catalogue:
            graph.add((self.catalogue, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCT.identifier, Literal(str(dataset.identifier))))
        _texts(graph, node, DCT.title, dataset.title, dataset.title_en)
        _texts(graph, node, DCT.description, dataset.description, dataset.description_en)
        graph.add((node, DCT.publisher, self._publisher(graph, dataset.publisher)))
        for keyword in dataset.keywords.all():
            graph.add((node, DCAT.keyword, text(keyword.name, "sv")))
        for theme in dataset.themes.all():
            self._concept(graph, node, DCAT.theme, vocab.theme_iri(theme.code), theme.term, vocab.THEME_SCHEME)
        self._link(graph, node, DCT.accessRights, vocab.access_rights_iri(dataset.access_rights))
        if dataset.frequency:
            self._link(graph, node, DCT.accrualPeriodicity, vocab.frequency_iri(dataset.frequency))
        for predicate, value in ((DCT.issued, dataset.issued), (DCT.modified, dataset.modified)):
            if value is not None:
                graph.add((node, predicate, Literal(value, datatype=XSD.date)))
        if dataset.temporal_start or dataset.temporal_end:
            period = URIRef(f"{node}#period")
            graph.add((node, DCT.temporal, period))
            graph.add((period, RDF.type, DCT.PeriodOfTime))
            for predicate, value in ((DCAT.startDate, dataset.temporal_start), (DCAT.endDate, dataset.temporal_end)):
                if value is not None:
                    graph.add((period, predicate, Literal(value, datatype=XSD.date)))
        self._link(graph, node, DCT.spatial, iris.web_iri(dataset.spatial))
        self._link(graph, node, DCT.conformsTo, iris.web_iri(dataset.conforms_to))
        self._link(graph, node, DCAT.landingPage, iris.web_iri(dataset.landing_page) or _page(dataset))
        self._contact_point(graph, node, dataset)
        for distribution in dataset.distributions.all():
            self._distribution(graph, node, dataset, distribution)
        return graph

    def service_graph(self, service, dataset_iris: list[str]) -> Graph:
        graph, node, endpoint = new_graph(), URIRef(iris.service_iri(service)), iris.web_iri(service.endpoint_url)
        if not endpoint:  # an endpoint URL is mandatory, and the portal takes only http(s)
            return graph
        graph.add((self.catalogue, DCAT.service, node))
        graph.add((node, RDF.type, DCAT.DataService))
        graph.add((node, DCT.identifier, Literal(str(service.identifier))))
        _texts(graph, node, DCT.title, service.title, service.title_en)
        _texts(graph, node, DCT.description, service.description, service.description_en)
        graph.add((node, DCT.publisher, self._publisher(graph, service.publisher)))
        graph.add((node, DCAT.endpointURL, URIRef(endpoint)))
        if iris.web_iri(service.endpoint_description):
            graph.add((node, DCAT.endpointDescription, URIRef(iris.web_iri(service.endpoint_description))))
        self._link(graph, node, DCT.license, iris.web_iri(service.licence))
        self._link(graph, node, DCT.accessRights, vocab.access_rights_iri(service.access_rights))
        for dataset_iri in dataset_iris:
            graph.add((node, DCAT.servesDataset, URIRef(dataset_iri)))
        return graph

    def _distribution(self, graph: Graph, dataset_node: URIRef, dataset, distribution) -> None:
        distribution.dataset = dataset  # already loaded: spares a query per distribution
        node = URIRef(iris.distribution_iri(distribution))
        graph.add((dataset_node, DCAT.distribution, node))
        graph.add((node, RDF.type, DCAT.Distribution))
        _texts(graph, node, DCT.title, distribution.title, distribution.title_en)
        _texts(graph, node, DCT.description, distribution.description, distribution.description_en)
        with translation.override(settings.LANGUAGE_CODE):  # the file's address must not follow the reader
            access, download = distribution.absolute_access_url, distribution.absolute_download_url
        # The portal takes exactly one access URL; a link that is not http(s) falls back to the dataset's page.
        graph.add((node, DCAT.accessURL, URIRef(iris.web_iri(access) or _page(dataset))))
        if iris.web_iri(download):
            graph.add((node, DCAT.downloadURL, URIRef(iris.web_iri(download))))
        file_type = vocab.FILE_TYPE[distribution.format]
        self._link(graph, node, DCT.format, vocab.file_type_iri(file_type.code))
        if file_type.media_type:  # a zipped shapefile has no IANA type
            self._link(graph, node, DCAT.mediaType, vocab.media_type_iri(file_type.media_type))
        self._link(graph, node, DCT.license, iris.web_iri(distribution.licence or dataset.licence))
        if distribution.availability:
            term = {term.code: term for term in vocab.AVAILABILITY}[distribution.availability]
            scheme = vocab.EU + "planned-availability"
            self._concept(graph, node, DCATAP.availability, vocab.availability_iri(term.code), term, scheme)
        if distribution.byte_size is not None:
            graph.add((node, DCAT.byteSize, Literal(distribution.byte_size, datatype=XSD.nonNegativeInteger)))

    def _contact_point(self, graph: Graph, node: URIRef, dataset) -> None:
        # An IRI of the dataset's own: never a blank node, and never the publisher's IRI (DIGG's rules).
        contact = URIRef(f"{node}#contact-point")
        graph.add((node, DCAT.contactPoint, contact))
        graph.add((contact, RDF.type, VCARD.Kind))  # the range shapes check vcard:Kind, not its subclass
        graph.add((contact, RDF.type, VCARD.Organization))
        graph.add((contact, VCARD.fn, text(dataset.contact_name or dataset.publisher.name, "sv")))
        graph.add((contact, VCARD.hasEmail, URIRef(iris.mailto(dataset.contact_email))))

    def _publisher(self, graph: Graph, organisation) -> URIRef:
        agent = URIRef(self.publishers.iri(organisation))
        if ("organisation", organisation.pk) not in self.described:
            self.described.add(("organisation", organisation.pk))
            own = self.publishers.has_own_number(organisation)
            identifier = iris.digits(organisation.org_number) if own else ""
            self._agent(graph, agent, organisation.name, self.publishers.type_code(organisation), identifier)
            self._link(graph, agent, FOAF.homepage, iris.web_iri(organisation.website))
        return agent

    def _agent(self, graph: Graph, agent: URIRef, name: str, type_code: str, identifier: str = "") -> None:
        graph.add((agent, RDF.type, FOAF.Agent))
        graph.add((agent, RDF.type, FOAF.Organization))
        graph.add((agent, FOAF.name, text(name, "sv")))
        if identifier:
            graph.add((agent, DCT.identifier, Literal(identifier)))
        sv, en = iris.PUBLISHER_TYPE_LABELS[type_code]
        term = vocab.Term(type_code, en, sv)
        scheme = vocab.PUBLISHER_TYPE + "1.0"
        self._concept(graph, agent, DCT.type, iris.publisher_type_iri(type_code), term, scheme)

    def _link(self, graph: Graph, subject: URIRef, predicate: URIRef, iri: str | None) -> None:
        """subject → iri, with the type the range shapes ask of the value. Nothing when there is no IRI."""
        if not iri:
            return
        value = URIRef(iri)
        graph.add((subject, predicate, value))
        if predicate in OPEN_RANGE:
            graph.add((value, RDF.type, OPEN_RANGE[predicate]))
        elif iri not in self.described:
            self.described.add(iri)
            graph.add((value, RDF.type, RANGE[predicate]))

    def _concept(self, graph, subject, predicate, iri: str, term: vocab.Term, scheme: str) -> None:
        value = URIRef(iri)
        graph.add((subject, predicate, value))
        if iri not in self.described:
            self.described.add(iri)
            graph.add((value, RDF.type, SKOS.Concept))  # and with it a prefLabel, which Concepts must have
            _texts(graph, value, SKOS.prefLabel, term.sv, term.en)
            self._scheme(graph, value, SKOS.inScheme, scheme)

    def _scheme(self, graph, subject, predicate, iri: str) -> None:
        value = URIRef(iri)
        graph.add((subject, predicate, value))
        if iri not in self.described:
            self.described.add(iri)
            graph.add((value, RDF.type, SKOS.ConceptScheme))
            _texts(graph, value, DCT.title, *SCHEMES[iri])


def _page(dataset) -> str:
    """The dataset's page here, in the site's own language: its address must not depend on who asks."""
    with translation.override(settings.LANGUAGE_CODE):
        return iris.own_page(dataset.get_absolute_url())
