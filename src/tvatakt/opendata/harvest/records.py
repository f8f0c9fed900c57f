"""What a harvest or an import reads, before it touches the catalogue: a dataset and its distributions as plain
values, with where they were found (a dataset at the source, a row in a file) so every problem can say where.

Readers (dcat.py, ckan.py, table.py) make records; vocabulary look-ups here turn the many ways sources write a
licence, a format or a theme into the catalogue's codes."""

import dataclasses
import datetime
import re

from tvatakt.opendata import vocab


class SourceError(Exception):
    """The source as a whole could not be read: it timed out, answered with an error or HTML, or is not valid RDF.
    The message is for a person, in the job's language."""


@dataclasses.dataclass
class Problem:
    """One thing wrong with the input, at `location` (a dataset at the source, or a row and column)."""

    location: str
    message: str
    level: str = "error"

    def entry(self) -> dict[str, str]:
        return {"level": self.level, "location": self.location, "message": self.message}


@dataclasses.dataclass
class DistributionRecord:
    title: str = ""
    title_en: str = ""
    description: str = ""
    description_en: str = ""
    access_url: str = ""
    download_url: str = ""
    format: str = ""
    licence: str = ""
    availability: str = ""
    byte_size: int | None = None

    def values(self) -> dict:
        return dataclasses.asdict(self)


@dataclasses.dataclass
class DatasetRecord:
    ref: str  # its identifier at the source: the next harvest finds the dataset again by it
    location: str
    name: str = ""  # the short name wanted; a new dataset gets a free one made from it or the title
    fields: dict = dataclasses.field(default_factory=dict)  # Dataset fields, as services.datasets.FIELDS names them
    keywords: list[str] | None = dataclasses.field(default_factory=list)  # None: as they are
    themes: list[str] | None = dataclasses.field(default_factory=list)
    distributions: list[DistributionRecord] = dataclasses.field(default_factory=list)
    publish: bool = True
    # A harvest describes the whole dataset: what it leaves out is cleared. An import sets only its columns, and
    # leaves the distributions alone when it names none.
    complete: bool = True
    replace_distributions: bool = True
    columns: bool = False  # a file's row: problems name the column (a field's name) rather than the field


def licence_code(value: str) -> str | None:
    """The catalogue's licence IRI for what a source wrote: an IRI (http or https, with or without the trailing
    slash or a legal-code suffix), a CKAN licence id, or a title. None when it is not one the catalogue has."""
    text = (value or "").strip()
    if not text:
        return None
    if text in vocab.LICENCE_BY_CKAN_ID:
        return vocab.LICENCE_BY_CKAN_ID[text].iri
    folded = text.casefold()
    iri = re.sub(r"^https?://", "http://", folded).removesuffix("legalcode").removesuffix(".sv").rstrip("/") + "/"
    aliases = {
        vocab.CC0: ("cc0", "cc0-1.0", "cc-zero", "cc0 1.0", "creative commons cczero", "odc-pddl"),
        vocab.CC_BY: ("cc-by", "cc-by-4.0", "cc by 4.0", "cc by", "creative commons attribution 4.0"),
    }
    for code, names in aliases.items():
        if iri == code or folded in names:
            return code
    return None


_FORMAT_ALIASES = {
    "XLS": "XLSX", "EXCEL": "XLSX", "JSONLD": "JSON_LD", "TTL": "RDF_TURTLE", "TURTLE": "RDF_TURTLE",
    "RDF": "RDF_XML", "RDF/XML": "RDF_XML", "TEXT": "TXT", "GEO+JSON": "GEOJSON", "SHAPEFILE": "SHP",
}  # fmt: skip
_BY_MEDIA_TYPE = {file_type.media_type: file_type.code for file_type in vocab.FILE_TYPES if file_type.media_type}
_BY_EXTENSION = {extension: file_type.code for file_type in vocab.FILE_TYPES for extension in file_type.extensions}


def format_code(value: str, media_type: str = "", url: str = "") -> str | None:
    """The EU file-type code for a format written as an EU IRI, a code or label ("CSV", "csv"), a media type
    (also as an IANA IRI), or, failing those, the file extension in the address."""
    for candidate in (value, media_type):
        text = (candidate or "").strip()
        if not text:
            continue
        tail = text.rstrip("/").rsplit("/", 1)[-1] if text.startswith("http") else text
        if text.startswith(vocab.IANA) or text.startswith(vocab.IANA.replace("https", "http")):
            tail = text.split("media-types/", 1)[1]
        upper = tail.upper().removeprefix(".")
        if upper in vocab.FILE_TYPE:
            return upper
        if upper in _FORMAT_ALIASES:
            return _FORMAT_ALIASES[upper]
        base = tail.split(";")[0].strip().lower()
        if base in _BY_MEDIA_TYPE:
            return _BY_MEDIA_TYPE[base]
    path = (url or "").split("?")[0].lower()
    for extension, code in _BY_EXTENSION.items():
        if path.endswith(extension):
            return code
    return None


def term_code(value: str, terms: list[vocab.Term]) -> str | None:
    """A vocabulary term's code from its IRI or its code, in any case."""
    tail = (value or "").strip().rstrip("/").rsplit("/", 1)[-1].upper()
    return next((term.code for term in terms if term.code == tail), None)


def theme_code(value: str) -> str | None:
    """An EU data theme from its IRI, code, Swedish web address or label; CKAN groups are named any of those."""
    text = (value or "").strip()
    code = term_code(text, vocab.THEMES)
    if code:
        return code
    folded = text.casefold()
    for theme in vocab.THEMES:
        if folded in (theme.slug, theme.sv.casefold(), theme.en.casefold()):
            return theme.code
    return None


def date_value(value) -> datetime.date | None:
    """A date from an ISO date or date-time (CKAN writes "2024-03-01T10:00:00.123456"). None when unreadable."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


SIZE_MAX = 2**63 - 1  # what the database's big integer holds


def size_value(value) -> int | None:
    """A byte size from a number or its text; None when it is not a whole number the database can hold."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = str(value or "").strip().removesuffix(".0")
        if not text.isascii() or not text.isdecimal():
            return None
        number = int(text)
    return number if 0 <= number <= SIZE_MAX else None


def text_value(value) -> str:
    """Text from a source: stripped, without NUL characters (PostgreSQL refuses them). A CKAN "fluent" field, a
    dict by language, gives its Swedish text, else its English, else any."""
    if isinstance(value, dict):
        value = value.get("sv") or value.get("en") or next(iter(value.values()), "")
    if value is None or isinstance(value, dict | list):
        return ""
    return str(value).replace("\x00", "").strip()
