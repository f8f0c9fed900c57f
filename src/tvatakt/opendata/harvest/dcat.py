"""Reading a DCAT(-AP) RDF file into records: each dcat:Dataset with its distributions and contact point.

Only what the catalogue can hold is read. A value it cannot (a licence it does not offer, a format outside the
EU file types) is a problem at that dataset, so the publisher can correct the source rather than find the
catalogue quietly different from it."""

from django.utils.translation import gettext as _
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, SDO

from tvatakt.opendata import vocab
from tvatakt.opendata.harvest import records
from tvatakt.opendata.harvest.fetch import Fetched, guarded, looks_like_html
from tvatakt.opendata.harvest.records import DatasetRecord, DistributionRecord, Problem, SourceError

VCARD = "http://www.w3.org/2006/vcard/ns#"
DCATAP_AVAILABILITY = URIRef("http://data.europa.eu/r5r/availability")
ACCEPT = "application/rdf+xml, text/turtle;q=0.9, application/ld+json;q=0.8, application/n-triples;q=0.5"
PARSERS = {
    "application/rdf+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/n-triples": "nt",
}
SUFFIXES = {".rdf": "xml", ".xml": "xml", ".ttl": "turtle", ".jsonld": "json-ld", ".nt": "nt"}


def parse(fetched: Fetched) -> Graph:
    """The RDF graph, or a SourceError that says why the file is not one."""
    if looks_like_html(fetched):
        raise SourceError(
            _("The source answered with a web page (HTML), not RDF. Give the address of the RDF file itself.")
        )
    path = fetched.url.split("?")[0].lower()
    fmt = PARSERS.get(fetched.content_type) or next(
        (parser for suffix, parser in SUFFIXES.items() if path.endswith(suffix)), "xml"
    )
    graph = Graph()
    try:
        with guarded():  # no fetching of contexts or entities from elsewhere
            graph.parse(data=fetched.body, format=fmt)
    except SourceError:
        raise
    except Exception as exc:  # rdflib's parsers raise many kinds (SAX, BadSyntax, JSON, Unicode errors)
        raise SourceError(
            _("The source is not valid RDF (read as %(format)s): %(error)s") % {"format": fmt, "error": _short(exc)}
        ) from exc
    return graph


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:300] + ("…" if len(text) > 300 else "")


def read(graph: Graph, problems: list[Problem]) -> list[DatasetRecord]:
    """A record per dcat:Dataset, in a stable order. Problems are added to `problems`."""
    subjects = sorted(set(graph.subjects(RDF.type, DCAT.Dataset)), key=str)
    if not subjects:
        problems.append(Problem(_("the file"), _("The file describes no datasets (dcat:Dataset).")))
    return [_dataset(graph, subject, problems) for subject in subjects]


def _texts(graph: Graph, subject, predicate) -> tuple[str, str]:
    """(Swedish, English): Swedish is the text tagged sv, else one without a language, else any."""
    values = [value for value in graph.objects(subject, predicate) if isinstance(value, Literal)]
    by_language = {}
    for value in sorted(values, key=str):
        by_language.setdefault((value.language or "").lower()[:2], records.text_value(str(value)))
    swedish = by_language.get("sv") or by_language.get("") or next(iter(by_language.values()), "")
    return swedish, by_language.get("en", "") if by_language.get("en") != swedish else ""


def _one(graph: Graph, subject, predicate) -> str:
    value = graph.value(subject, predicate)
    return records.text_value(str(value)) if value is not None else ""


def _dataset(graph: Graph, subject, problems: list[Problem]) -> DatasetRecord:
    ref = _one(graph, subject, DCTERMS.identifier) or (str(subject) if isinstance(subject, URIRef) else "")
    location = _("dataset %(ref)s") % {"ref": ref or _texts(graph, subject, DCTERMS.title)[0][:100]}

    def problem(message: str) -> None:
        problems.append(Problem(location, message))

    if not ref:  # a blank node is named afresh at each reading: the next harvest could not find it again
        problem(_("It has neither an IRI nor a dct:identifier, so the next harvest could not find it again."))

    title, title_en = _texts(graph, subject, DCTERMS.title)
    description, description_en = _texts(graph, subject, DCTERMS.description)
    fields = {"title": title, "title_en": title_en, "description": description, "description_en": description_en}
    # DCAT-AP puts the licence on the distributions; the dataset's is its own, else the one most of them have.
    own = [str(value) for value in graph.objects(subject, DCTERMS.license)]
    given = own or sorted(
        str(value)
        for distribution in graph.objects(subject, DCAT.distribution)
        for value in graph.objects(distribution, DCTERMS.license)
    )
    for value in own:  # a distribution's own licence is checked with the distribution
        if records.licence_code(value) is None:
            problem(_("Its licence (%(licence)s) is not CC0 or CC BY 4.0.") % {"licence": value})
    codes = [code for code in map(records.licence_code, given) if code]
    if codes:
        fields["licence"] = max(sorted(set(codes)), key=codes.count)
    for field, predicate, terms in (
        ("access_rights", DCTERMS.accessRights, vocab.ACCESS_RIGHTS),
        ("frequency", DCTERMS.accrualPeriodicity, vocab.FREQUENCIES),
    ):
        value = _one(graph, subject, predicate)
        if value:
            fields[field] = records.term_code(value, terms) or ""
            if not fields[field]:
                problem(_("“%(value)s” is not a term the catalogue knows.") % {"value": value})
    for field, predicate in (("issued", DCTERMS.issued), ("modified", DCTERMS.modified)):
        fields[field] = records.date_value(graph.value(subject, predicate))
    for period in graph.objects(subject, DCTERMS.temporal):
        fields["temporal_start"] = records.date_value(
            graph.value(period, DCAT.startDate) or graph.value(period, SDO.startDate)
        )
        fields["temporal_end"] = records.date_value(
            graph.value(period, DCAT.endDate) or graph.value(period, SDO.endDate)
        )
        break
    for field, predicate in (("spatial", DCTERMS.spatial), ("conforms_to", DCTERMS.conformsTo)):
        value = graph.value(subject, predicate)
        fields[field] = str(value) if isinstance(value, URIRef) else ""
    landing = graph.value(subject, DCAT.landingPage)
    fields["landing_page"] = str(landing) if isinstance(landing, URIRef) else ""
    contact = graph.value(subject, DCAT.contactPoint)
    if contact is not None:
        fields["contact_name"] = _texts(graph, contact, URIRef(VCARD + "fn"))[0]
        email = _one(graph, contact, URIRef(VCARD + "hasEmail"))
        fields["contact_email"] = email.removeprefix("mailto:")
    themes = []
    for value in graph.objects(subject, DCAT.theme):
        code = records.theme_code(str(value))
        if code and code not in themes:
            themes.append(code)
    keywords = sorted({records.text_value(str(value)) for value in graph.objects(subject, DCAT.keyword)} - {""})
    # In the order of their content: blank nodes' names change at each reading, and the order must not.
    distributions = sorted(
        (_distribution(graph, node, problem) for node in graph.objects(subject, DCAT.distribution)),
        key=lambda found: (found.access_url, found.download_url, found.title, found.format),
    )
    return DatasetRecord(
        ref=ref[:500], location=location, name="", fields=fields, keywords=keywords, themes=themes,
        distributions=distributions,
    )  # fmt: skip


def _distribution(graph: Graph, node, problem) -> DistributionRecord:
    title, title_en = _texts(graph, node, DCTERMS.title)
    description, description_en = _texts(graph, node, DCTERMS.description)
    access, download = _one(graph, node, DCAT.accessURL), _one(graph, node, DCAT.downloadURL)
    declared = _one(graph, node, DCTERMS.format)
    media_type = _one(graph, node, DCAT.mediaType)
    code = records.format_code(declared, media_type, download or access)
    if code is None:
        problem(
            _("The format of the distribution %(address)s (%(format)s) is not one the catalogue takes.")
            % {"address": download or access or str(node), "format": declared or media_type or "?"}
        )
    licence = _one(graph, node, DCTERMS.license)
    if licence and records.licence_code(licence) is None:
        problem(_("Its licence (%(licence)s) is not CC0 or CC BY 4.0.") % {"licence": licence})
    size = _one(graph, node, DCAT.byteSize)
    availability = _one(graph, node, DCATAP_AVAILABILITY)
    return DistributionRecord(
        title=title or (vocab.FILE_TYPE[code].label if code else ""), title_en=title_en, description=description,
        description_en=description_en, access_url=access or download, download_url=download, format=code or "",
        licence=records.licence_code(licence) or "",
        availability=records.term_code(availability, vocab.AVAILABILITY) or "" if availability else "",
        byte_size=records.size_value(size),
    )  # fmt: skip
