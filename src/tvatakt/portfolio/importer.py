"""Import initiatives from CSV: every row is checked by the same service as the form, and all or nothing is saved.

Columns are named by their key (title, process_type, organisation, start_date, …) or by the heading the
export uses, in Swedish or English, so an exported file can be edited and read back.
"""

import datetime
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from tvatakt.core.permissions import require
from tvatakt.core.tabular import ImportFailed, RowError, read_csv_upload
from tvatakt.organisation.models import Cluster, Organisation, Person, Unit
from tvatakt.portfolio import services
from tvatakt.portfolio.choices import Health, Status
from tvatakt.portfolio.dates import parse_quarter
from tvatakt.portfolio.exports import COLUMNS
from tvatakt.portfolio.models import ProcessType

REQUIRED = ("title", "process_type", "organisation", "start_date", "planned_end")
READ = (*REQUIRED, "title_en", "description", "unit", "clusters", "lead", "status", "health", "health_reason",
        "budget_planned", "budget_spent", "quarter", "hypothesis", "is_confidential")  # fmt: skip
YES = {"1", "ja", "yes", "true", "sant", "x"}
NO = {"", "0", "nej", "no", "false", "falskt"}
# Exported columns that the app computes are known names (so the file is not refused) but never read.


def _names() -> dict[str, str]:
    names = {key: key for key, _label in COLUMNS}
    for language in ("sv", "en"):
        with translation.override(language):
            names |= {str(label).casefold(): key for key, label in COLUMNS}
    return names


class _Lookups:
    """Everything a row may name, read once, found by slug, name or short name regardless of case."""

    def __init__(self):
        self.process_types = _index(ProcessType.objects.all(), "slug", "name", "name_en")
        self.organisations = _index(Organisation.objects.filter(is_active=True), "slug", "name", "short_name")
        self.units = _index(Unit.objects.all(), "slug", "name", "name_en")
        self.clusters = _index(Cluster.objects.all(), "slug", "name", "name_en")
        people = list(Person.objects.filter(is_active=True))
        self.people = _unique_names(people) | _index(people, "username", "email")
        self.statuses = _choice_index(Status)
        self.health = _choice_index(Health)


def _index(qs, *fields) -> dict:
    index = {}
    for obj in qs:
        for field in fields:
            value = getattr(obj, field)
            if value:
                index[value.casefold()] = obj
    return index


def _unique_names(people) -> dict:
    """Full names that only one person has, so that an exported file's lead column reads back."""
    by_name = defaultdict(list)
    for person in people:
        by_name[person.get_full_name().casefold()].append(person)
    return {name: found[0] for name, found in by_name.items() if name and len(found) == 1}


def _choice_index(choices) -> dict[str, str]:
    index = {value: value for value in choices.values}
    for language in ("sv", "en"):
        with translation.override(language):
            for value, label in choices.choices:
                index[str(label).casefold()] = value
                index[str(label).split(":")[0].casefold()] = value
    return index


def import_initiatives(file, *, actor: Person | None) -> int:
    """Create an initiative per row. Returns how many; raises ImportFailed with every problem, having saved nothing."""
    require(actor, "portfolio.import_initiatives")
    try:
        header, records = read_csv_upload(file)
    except ValidationError as exc:
        raise ImportFailed([RowError(1, "", message) for message in exc.messages]) from exc
    names = _names()
    keys = [names.get(column.strip().casefold()) for column in header]
    errors = [
        RowError(1, column, _("Unknown column.")) for column, key in zip(header, keys, strict=True) if key is None
    ]
    errors += [RowError(1, key, _("This column is required.")) for key in REQUIRED if key not in keys]
    if errors:
        raise ImportFailed(errors)
    lookups = _Lookups()
    rows = []
    for record in records:
        number = record.line
        values = {key: (record.get(column) or "").strip() for column, key in zip(header, keys, strict=True)}
        fields, row_errors = _parse(values, lookups, number)
        errors += row_errors
        rows.append((number, fields))
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        for number, fields in rows:
            try:
                with transaction.atomic():
                    services.initiative_create(actor=actor, **fields)
            except ValidationError as exc:
                errors += _row_errors(number, exc)
            except PermissionDenied as exc:
                errors.append(RowError(number, "", str(exc)))
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ImportFailed(errors)
    return len(rows)


def _row_errors(number: int, exc: ValidationError) -> list[RowError]:
    if not hasattr(exc, "error_dict"):
        return [RowError(number, "", message) for message in exc.messages]
    return [RowError(number, field, message) for field, messages in exc.message_dict.items() for message in messages]


def _parse(values: dict[str, str], lookups: _Lookups, number: int) -> tuple[dict, list[RowError]]:
    errors, fields = [], {}

    def fail(column: str, message: str) -> None:
        errors.append(RowError(number, column, message))

    for key in REQUIRED:
        if not values.get(key):
            fail(key, _("This value is required."))
    fields["title"], fields["title_en"] = values.get("title", ""), values.get("title_en", "")
    fields["description"], fields["hypothesis"] = values.get("description", ""), values.get("hypothesis", "")
    fields["health_reason"] = values.get("health_reason", "")
    missing = {
        "process_type": _("No process type is called “%(value)s”."),
        "organisation": _("No organisation is called “%(value)s”."),
    }
    for key, index in (("process_type", lookups.process_types), ("organisation", lookups.organisations)):
        if values.get(key):
            fields[key] = index.get(values[key].casefold())
            if fields[key] is None:
                fail(key, missing[key] % {"value": values[key]})
    unit_name = values.get("unit", "")
    if unit_name:
        fields["unit"] = lookups.units.get(unit_name.casefold())
        if fields["unit"] is None:
            fail("unit", _("No unit is called “%(value)s”.") % {"value": unit_name})
    elif fields.get("process_type"):
        fields["unit"] = fields["process_type"].unit
    fields["clusters"] = []
    for name in filter(None, (part.strip() for part in values.get("clusters", "").replace("|", ";").split(";"))):
        cluster = lookups.clusters.get(name.casefold())
        if cluster is None:
            fail("clusters", _("No cluster is called “%(value)s”.") % {"value": name})
        fields["clusters"].append(cluster)
    if values.get("lead"):
        fields["lead"] = lookups.people.get(values["lead"].casefold())
        if fields["lead"] is None:
            message = _("No single person has the name, user name or e-mail “%(value)s”.")
            fail("lead", message % {"value": values["lead"]})
    for key in ("start_date", "planned_end"):
        if values.get(key):
            try:
                fields[key] = datetime.date.fromisoformat(values[key])
            except ValueError:
                fail(key, _("Write the date as YYYY-MM-DD, for example 2027-03-31."))
    for key in ("budget_planned", "budget_spent"):
        raw = values.get(key, "").replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            fields[key] = Decimal(raw or "0")
        except InvalidOperation:
            fields[key] = None
        if fields[key] is None or not fields[key].is_finite():
            fail(key, _("Write an amount in whole kronor, for example 250000."))
    for key, index in (("status", lookups.statuses), ("health", lookups.health)):
        if values.get(key):
            fields[key] = index.get(values[key].casefold())
            if fields[key] is None:
                fail(key, _("“%(value)s” is not one of the choices.") % {"value": values[key]})
    confidential = values.get("is_confidential", "").casefold()
    if confidential in YES | NO:
        fields["is_confidential"] = confidential in YES
    else:
        fail("is_confidential", _("Write yes or no."))
    if values.get("quarter"):
        fields["quarter"] = parse_quarter(values["quarter"])
        if fields["quarter"] is None:
            fail("quarter", _("Write the quarter as 2027 Q1."))
    return fields, errors
