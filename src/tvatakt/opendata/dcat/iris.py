"""The IRIs the DCAT-AP-SE export gives the catalogue's things, and the addresses of the export itself.

Every IRI is absolute, under settings.SITE_URL, and built from what never changes: a dataset's or distribution's
UUID, never its name or title. The one exception is a publisher that has an organisation number of its own: the
national portal knows it by `http://dataportal.se/organisation/SE<10 digits>` (DIGG's harvesting rules)."""

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from stdnum.se import orgnr

from tvatakt.opendata import vocab
from tvatakt.organisation.choices import OrganisationKind
from tvatakt.organisation.models import Organisation

DATAPORTAL = "http://dataportal.se/organisation/SE"  # http, as DIGG writes it
FORMATS = {  # the extension in the address: (rdflib's format name, media type)
    "rdf": ("xml", "application/rdf+xml"),
    "ttl": ("turtle", "text/turtle"),
    "jsonld": ("json-ld", "application/ld+json"),
}
# ADMS publisher types: the city's administrations are local authority; its companies are limited companies,
# not authorities, however municipally owned.
PUBLISHER_TYPES = {
    OrganisationKind.SPECIALIST: "LocalAuthority",
    OrganisationKind.DISTRICT: "LocalAuthority",
    OrganisationKind.COMPANY: "Company",
}
PUBLISHER_TYPE_LABELS = {
    "LocalAuthority": ("Lokal myndighet/kommun", "Local Authority"),
    "Company": ("Företag", "Company"),
}


def site() -> str:
    return settings.SITE_URL.rstrip("/")


def catalogue_iri() -> str:
    return f"{site()}/catalog"


def dataset_iri(dataset) -> str:
    return f"{site()}/dataset/{dataset.identifier}"


def distribution_iri(distribution) -> str:
    return f"{site()}/dataset/{distribution.dataset.identifier}/distribution/{distribution.identifier}"


def service_iri(service) -> str:
    return f"{site()}/dataservice/{service.identifier}"


def web_iri(url: str) -> str | None:
    """A web address a person typed, as an IRI the portal accepts: absolute http(s), with the characters an IRI
    may not hold percent-encoded. Anything else (ftp, a relative path) is left out rather than sent broken."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return iri_to_uri(url.strip())


def mailto(email: str) -> str:
    return "mailto:" + quote(email.strip(), safe="@.+-_!$&'*=?~")


def own_page(path: str) -> str:
    """An address on this site; `path` from reverse(), so already percent-encoded."""
    return site() + path


def digits(org_number: str) -> str:
    """The organisation number as the portal writes it: ten digits, no hyphen."""
    return orgnr.compact(org_number)


@dataclass(frozen=True)
class CataloguePublisher:
    """The catalogue's own publisher: the municipality, which is what the national portal registers a harvest
    source for. Its administrations, which share its organisation number, publish the datasets."""

    name: str
    org_number: str

    @property
    def iri(self) -> str:
        return DATAPORTAL + digits(self.org_number)


def catalogue_publisher() -> CataloguePublisher:
    return CataloguePublisher(
        name=getattr(settings, "OPENDATA_PUBLISHER_NAME", "Stockholms stad"),
        org_number=getattr(settings, "OPENDATA_PUBLISHER_ORG_NUMBER", "212000-0142"),
    )


class Publishers:
    """Which organisations the portal may know by their organisation number. A number two organisations share
    (the city's administrations share the municipality's) names neither of them: each gets an IRI of its own here.
    One query, at the start of an export."""

    def __init__(self, catalogue: CataloguePublisher):
        self.catalogue = catalogue
        shared = (
            Organisation.objects.exclude(org_number="")
            .values("org_number")
            .annotate(count=Count("pk"))
            .filter(count__gt=1)
            .values_list("org_number", flat=True)
        )
        self.shared = {digits(number) for number in shared} | {digits(catalogue.org_number)}

    def has_own_number(self, organisation) -> bool:
        return bool(organisation.org_number) and digits(organisation.org_number) not in self.shared

    def iri(self, organisation) -> str:
        if self.has_own_number(organisation):
            return DATAPORTAL + digits(organisation.org_number)
        return f"{site()}/organisation/{organisation.slug}"

    @staticmethod
    def type_code(organisation) -> str:
        return PUBLISHER_TYPES.get(organisation.kind, "LocalAuthority")


def publisher_type_iri(code: str) -> str:
    return vocab.PUBLISHER_TYPE + code


def dataset_rdf_links(dataset) -> list[tuple[str, str]]:
    """A public dataset's metadata as RDF, for <link rel="alternate"> and download links: (media type, path)."""
    return [
        (media_type, reverse("dcat_dataset", kwargs={"name": dataset.name, "fmt": fmt}))
        for fmt, (_, media_type) in FORMATS.items()
    ]
