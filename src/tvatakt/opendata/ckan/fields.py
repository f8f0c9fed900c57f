"""The Solr fields of CKAN's dataset index, as conditions over Dataset. String fields match exactly and
case-sensitively, as in Solr; text fields (text, title, notes, and a term with no field) match words through
the catalogue's full-text search. A field CKAN's index does not have matches nothing (its schema's catch-all
dynamic field), as does one whose values the catalogue never has."""

import calendar
import datetime
import re
import uuid
from collections.abc import Callable

from django.db.models import Q
from django.utils import timezone

from tvatakt.opendata import selectors, vocab
from tvatakt.opendata.ckan import params
from tvatakt.opendata.ckan import selectors as ckan_selectors
from tvatakt.opendata.models import Dataset, Distribution

NOTHING = Q(pk__in=[])
TEXT_FIELDS = {None, "text", "title", "notes"}
DATE_FIELDS = {"metadata_modified": "updated_at", "metadata_created": "created_at"}
# Fields whose value is the same for every dataset this API shows.
CONSTANT_FIELDS = {
    "capacity": "public",
    "state": "active",
    "type": "dataset",
    "dataset_type": "dataset",
    "entity_type": "package",
}


def _lookup(path: str, value: str, kind: str) -> dict:
    """kind: "exact", "startswith" (a value ending in *), or "any" (the value *)."""
    return {f"{path}__isnull": False} if kind == "any" else {f"{path}__{kind}": value}


def _matches(candidate: str, value: str, kind: str) -> bool:
    return kind == "any" or (candidate.startswith(value) if kind == "startswith" else candidate == value)


def _linked(queryset) -> Q:
    return Q(pk__in=queryset.values("dataset_id"))


def _identifier(value: str, kind: str) -> Q:
    if kind == "any":
        return Q()
    try:
        return Q(identifier=uuid.UUID(value)) if kind == "exact" else NOTHING
    except ValueError:
        return NOTHING


def _groups(value: str, kind: str) -> Q:
    codes = [theme.code for theme in vocab.THEMES if _matches(theme.slug, value, kind)]
    return _linked(Dataset.themes.through.objects.filter(theme_id__in=codes))


def _licences(value: str, kind: str) -> Q:
    iris = [licence.iri for licence in vocab.LICENCES if _matches(licence.ckan_id, value, kind)]
    if kind == "exact":
        iris.append(value)  # a licence outside the register is shown by its IRI
    return Q() if kind == "any" else Q(licence__in=iris)


def _owner_org(value: str, kind: str) -> Q:
    return Q() if kind == "any" else Q(publisher__in=ckan_selectors.organisation_pks([value]))


FIELDS: dict[str, Callable[[str, str], Q]] = {
    "id": _identifier,
    "name": lambda value, kind: Q(**_lookup("name", value, kind)),
    "title_string": lambda value, kind: Q(**_lookup("title", value, kind)),
    "organization": lambda value, kind: Q(**_lookup("publisher__slug", value, kind)),
    "owner_org": _owner_org,
    "groups": _groups,
    "tags": lambda value, kind: _linked(
        Dataset.keywords.through.objects.filter(**_lookup("keyword__name", value, kind))
    ),
    "res_format": lambda value, kind: _linked(Distribution.objects.filter(**_lookup("format", value, kind))),
    "license_id": _licences,
}


def term(field: str | None, value: str, *, quoted: bool = False) -> Q:
    """The datasets where `field` has `value` (Solr's term query)."""
    if field in TEXT_FIELDS:
        return Q() if value == "*" else selectors.matching(value)
    kind = "exact"
    if value == "*" and not quoted:
        kind = "any"
    elif value.endswith("*") and not quoted and "*" not in value[:-1]:
        value, kind = value[:-1], "startswith"
    elif not quoted and ("*" in value or "?" in value):
        raise params.SearchError(f"Wildcards are supported only at the end of a value: {field}:{value}")
    if field == "*":
        return Q() if kind == "any" else NOTHING
    if field in CONSTANT_FIELDS:
        return Q() if _matches(CONSTANT_FIELDS[field], value, kind) else NOTHING
    if field in DATE_FIELDS:
        return Q() if kind == "any" else date_range(field, value, value)
    handler = FIELDS.get(field)
    return handler(value, kind) if handler else NOTHING


def date_range(field: str, low: str, high: str, *, include_low: bool = True, include_high: bool = True) -> Q:
    """[low TO high] (or {…} for exclusive ends) on metadata_modified or metadata_created; * for open."""
    if field not in DATE_FIELDS:
        raise params.SearchError(f"Ranges are supported on metadata_modified and metadata_created, not {field}")
    path, condition = DATE_FIELDS[field], Q()
    if low != "*":
        condition &= Q(**{f"{path}__{'gte' if include_low else 'gt'}": solr_date(low)})
    if high != "*":
        condition &= Q(**{f"{path}__{'lte' if include_high else 'lt'}": solr_date(high)})
    return condition


ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?")
MATH = re.compile(r"([+-]\d+|/)(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)S?")
UNITS = ("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND")


def solr_date(text: str) -> datetime.datetime:
    """Solr's date: ISO 8601 in UTC ("2024-05-01T10:00:00Z") or NOW, each with date math ("NOW-1DAY", "/DAY")."""
    match = re.match(r"NOW", text) or ISO.match(text)
    if match is None:
        raise params.SearchError(f"Invalid Date String: '{text}'")
    rest = text[match.end() :]
    if MATH.sub("", rest):
        raise params.SearchError(f"Invalid Date Math String: '{text}'")
    try:
        if match.group() == "NOW":
            moment = timezone.now()
        else:
            moment = datetime.datetime.fromisoformat(match.group().removesuffix("Z")).replace(tzinfo=datetime.UTC)
        for step in MATH.finditer(rest):
            moment = _round(moment, step[2]) if step[1] == "/" else _add(moment, int(step[1]), step[2])
    except (ValueError, OverflowError):  # a 13th month, a year past 9999
        raise params.SearchError(f"Invalid Date String: '{text}'") from None
    return moment


def _add(moment: datetime.datetime, amount: int, unit: str) -> datetime.datetime:
    if unit in ("YEAR", "MONTH"):
        months = moment.month - 1 + amount * (12 if unit == "YEAR" else 1)
        year, month = moment.year + months // 12, months % 12 + 1
        return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))
    return moment + datetime.timedelta(**{f"{unit.lower()}s": amount})


def _round(moment: datetime.datetime, unit: str) -> datetime.datetime:
    """Down to the start of the unit, as Solr's /DAY."""
    keep = UNITS.index(unit)
    fields = {"month": 1, "day": 1, "hour": 0, "minute": 0, "second": 0}
    return moment.replace(microsecond=0, **{name: value for i, (name, value) in enumerate(fields.items()) if i >= keep})
