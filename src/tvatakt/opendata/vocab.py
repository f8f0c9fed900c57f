"""The controlled vocabularies DCAT-AP-SE uses, with their IRIs and Swedish and English labels.

The codes are the EU Publications Office's; the labels are DIGG's (DCAT-AP-SE 3.0.1). Models store the code,
the RDF export writes the IRI. Controlled IRIs are written exactly as the national portal expects them: http,
with the trailing slash where it has one.
"""

from dataclasses import dataclass

EU = "http://publications.europa.eu/resource/authority/"
THEME_SCHEME = EU + "data-theme"
IANA = "https://www.iana.org/assignments/media-types/"
PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
LANGUAGE_SV, LANGUAGE_EN = EU + "language/SWE", EU + "language/ENG"


@dataclass(frozen=True)
class Term:
    code: str
    en: str
    sv: str
    slug: str = ""  # a Swedish web address for the term, where it has pages of its own


# The 13 EU data themes: the catalogue's themes, and its CKAN groups.
THEMES = [
    Term("AGRI", "Agriculture, fisheries, forestry and food", "Jordbruk, fiske, skogsbruk och livsmedel", "jordbruk"),
    Term("ECON", "Economy and finance", "Ekonomi och finans", "ekonomi"),
    Term("EDUC", "Education, culture and sport", "Utbildning, kultur och sport", "utbildning-kultur-och-sport"),
    Term("ENER", "Energy", "Energi", "energi"),
    Term("ENVI", "Environment", "Miljö", "miljo"),
    Term("GOVE", "Government and public sector", "Regeringen och den offentliga sektorn", "offentlig-sektor"),
    Term("HEAL", "Health", "Hälsa", "halsa"),
    Term("INTR", "International issues", "Internationella frågor", "internationellt"),
    Term(
        "JUST", "Justice, legal system and public safety", "Rättvisa, rättsliga system och allmän säkerhet",
        "rattsvasende-och-sakerhet",
    ),
    Term("SOCI", "Population and society", "Befolkning och samhälle", "befolkning-och-samhalle"),
    Term("REGI", "Regions and cities", "Regioner och städer", "regioner-och-stader"),
    Term("TECH", "Science and technology", "Vetenskap och teknik", "vetenskap-och-teknik"),
    Term("TRAN", "Transport", "Transport", "transport"),
]  # fmt: skip

THEME = {theme.code: theme for theme in THEMES}
THEME_BY_SLUG = {theme.slug: theme for theme in THEMES}

FREQUENCIES = [
    Term("CONT", "continuous", "kontinuerlig"),
    Term("UPDATE_CONT", "continuously updated", "uppdateras kontinuerligt"),
    Term("HOURLY", "hourly", "varje timme"),
    Term("DAILY", "daily", "dagligen"),
    Term("WEEKLY", "weekly", "veckovis"),
    Term("MONTHLY", "monthly", "månatligen"),
    Term("QUARTERLY", "quarterly", "kvartalsvis"),
    Term("ANNUAL_2", "semiannual", "halvårsvis"),
    Term("ANNUAL", "annual", "årligen"),
    Term("BIENNIAL", "biennial", "vartannat år"),
    Term("IRREG", "irregular", "oregelbundet"),
    Term("NEVER", "never", "aldrig"),
    Term("UNKNOWN", "unknown", "okänd"),
]

ACCESS_RIGHTS = [
    Term("PUBLIC", "Public", "Publik"),
    Term("RESTRICTED", "Restricted", "Begränsad"),
    Term("NON_PUBLIC", "Non-public", "Ej offentlig"),
]

AVAILABILITY = [
    Term("STABLE", "Stable", "Stabil"),
    Term("AVAILABLE", "Available", "Tillgänglig"),
    Term("EXPERIMENTAL", "Experimental", "Experimentell"),
    Term("TEMPORARY", "Temporary", "Temporär"),
]


@dataclass(frozen=True)
class FileType:
    code: str  # the EU file-type code, also CKAN's `format`
    label: str
    media_type: str  # IANA; "" where IANA has none (a zipped shapefile)
    extensions: tuple[str, ...]


FILE_TYPES = [
    FileType("CSV", "CSV", "text/csv", (".csv",)),
    FileType("JSON", "JSON", "application/json", (".json",)),
    FileType("GEOJSON", "GeoJSON", "application/geo+json", (".geojson",)),
    FileType("XML", "XML", "application/xml", (".xml",)),
    FileType("XLSX", "Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
    FileType("PDF", "PDF", "application/pdf", (".pdf",)),
    FileType("ZIP", "ZIP", "application/zip", (".zip",)),
    FileType("SHP", "Shapefile", "", (".shp",)),
    FileType("HTML", "HTML", "text/html", (".html", ".htm")),
    FileType("TXT", "Text", "text/plain", (".txt",)),
    FileType("RDF_XML", "RDF/XML", "application/rdf+xml", (".rdf",)),
    FileType("RDF_TURTLE", "Turtle", "text/turtle", (".ttl",)),
    FileType("JSON_LD", "JSON-LD", "application/ld+json", (".jsonld",)),
]
FILE_TYPE = {file_type.code: file_type for file_type in FILE_TYPES}


@dataclass(frozen=True)
class Licence:
    iri: str
    ckan_id: str  # the id CKAN's default licence register gives it
    title: str
    url: str


CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
CC_BY = "http://creativecommons.org/licenses/by/4.0/"
LICENCES = [
    Licence(CC0, "cc-zero", "Creative Commons CCZero", "http://www.opendefinition.org/licenses/cc-zero"),
    Licence(CC_BY, "cc-by", "Creative Commons Attribution 4.0", "http://www.opendefinition.org/licenses/cc-by"),
]
LICENCE = {licence.iri: licence for licence in LICENCES}
LICENCE_BY_CKAN_ID = {licence.ckan_id: licence for licence in LICENCES}


def theme_iri(code: str) -> str:
    return f"{THEME_SCHEME}/{code}"


def frequency_iri(code: str) -> str:
    return f"{EU}frequency/{code}"


def access_rights_iri(code: str) -> str:
    return f"{EU}access-right/{code}"


def availability_iri(code: str) -> str:
    return f"{EU}planned-availability/{code}"


def file_type_iri(code: str) -> str:
    return f"{EU}file-type/{code}"


def media_type_iri(media_type: str) -> str:
    return IANA + media_type
