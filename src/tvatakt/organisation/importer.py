"""Load a city's organisations from CSV: the whole file or nothing.

Columns (a header row names them, in any order): name, kind, short_name, org_number, website,
clusters (names separated by ";" or "|"), active. Comma or semicolon separated, UTF-8.
"""

import csv
import dataclasses
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tvatakt.core.permissions import require
from tvatakt.organisation.choices import OrganisationKind
from tvatakt.organisation.models import Cluster, Organisation, Person
from tvatakt.organisation.services import unique_slug

REQUIRED = ("name", "kind")
KNOWN = ("name", "kind", "short_name", "org_number", "website", "clusters", "active")
KIND_WORDS = {
    "fackförvaltning": OrganisationKind.SPECIALIST,
    "stadsdelsförvaltning": OrganisationKind.DISTRICT,
    "stadsdelsnämnd": OrganisationKind.DISTRICT,
    "bolag": OrganisationKind.COMPANY,
    **{kind.value: kind for kind in OrganisationKind},
}
TRUE_WORDS = {"", "1", "ja", "yes", "true", "sant", "aktiv", "active"}
FALSE_WORDS = {"0", "nej", "no", "false", "falskt", "inaktiv", "inactive"}


@dataclasses.dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, column %(column)s: %(message)s") % dataclasses.asdict(self)


class ImportFailed(Exception):
    """The file was refused. Nothing was written."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


@dataclasses.dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    clusters_created: int = 0


def read_csv(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header, and each row with its line number in the file (blank lines count, as in an editor)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed([RowError(0, "-", _("The file is not UTF-8 text. Save it as CSV UTF-8."))]) from exc
    if not text.strip():
        raise ImportFailed([RowError(0, "-", _("The file is empty."))])
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    reader.fieldnames = header
    # line_num is read after each row is parsed, so it is that row's own line.
    rows = [(reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}) for row in reader]
    return header, rows


def parse_row(number: int, row: dict[str, str], errors: list[RowError]) -> dict | None:
    start = len(errors)
    name = row.get("name", "")
    if not name:
        errors.append(RowError(number, "name", _("A name is required.")))
    elif len(name) > Organisation._meta.get_field("name").max_length:
        errors.append(RowError(number, "name", _("The name is too long.")))
    kind = KIND_WORDS.get(row.get("kind", "").lower())
    if kind is None:
        words = ", ".join(sorted(k for k in KIND_WORDS if "_" not in k and k != "company"))
        errors.append(
            RowError(
                number,
                "kind",
                _("Unknown kind “%(kind)s”. Use one of: %(words)s.") % {"kind": row.get("kind", ""), "words": words},
            )
        )
    active_word = row.get("active", "").lower()
    if active_word not in TRUE_WORDS | FALSE_WORDS:
        errors.append(RowError(number, "active", _("Write “ja” or “nej”.")))
    values = {
        "name": name,
        "kind": kind,
        "short_name": row.get("short_name", ""),
        "org_number": row.get("org_number", ""),
        "website": row.get("website", ""),
        "is_active": active_word not in FALSE_WORDS,
    }
    clusters = [part.strip() for part in row.get("clusters", "").replace("|", ";").split(";") if part.strip()]
    longest = Cluster._meta.get_field("name").max_length
    if any(len(cluster) > longest for cluster in clusters):
        errors.append(RowError(number, "clusters", _("A cluster name is too long.")))
    if len(errors) > start:
        return None
    candidate = Organisation(slug="x", **values)
    try:
        candidate.full_clean(exclude=["slug", "name"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            column = {"is_active": "active"}.get(field, field)
            errors.extend(RowError(number, column, message) for message in messages)
        return None
    # Only the columns the file has are written, so a short file never blanks what it does not mention.
    values = {field: value for field, value in values.items() if {"is_active": "active"}.get(field, field) in row}
    return {"values": values, "clusters": clusters}


def organisations_import(*, actor: Person | None, data: bytes) -> ImportResult:
    """Create or update organisations (matched by name) and their cluster memberships."""
    require(actor, "organisation.import_organisations")
    header, rows = read_csv(data)
    missing = [column for column in REQUIRED if column not in header]
    unknown = [column for column in header if column not in KNOWN]
    if missing or unknown:
        raise ImportFailed(
            [RowError(1, column, _("The header row lacks this column.")) for column in missing]
            + [
                RowError(1, column, _("Unknown column. Use: %(columns)s.") % {"columns": ", ".join(KNOWN)})
                for column in unknown
            ]
        )
    errors: list[RowError] = []
    parsed, seen = [], {}
    for number, row in rows:
        item = parse_row(number, row, errors)
        if item is None:
            continue
        key = item["values"]["name"].casefold()
        if key in seen:
            errors.append(RowError(number, "name", _("The same name is on row %(row)s.") % {"row": seen[key]}))
            continue
        seen[key] = number
        parsed.append(item)
    if not rows:
        errors.append(RowError(2, "-", _("The file has a header but no rows.")))
    if errors:
        raise ImportFailed(errors)
    return _write(parsed)


@transaction.atomic
def _write(parsed: list[dict]) -> ImportResult:
    result = ImportResult()
    existing = {org.name.casefold(): org for org in Organisation.objects.all()}
    clusters = {cluster.name.casefold(): cluster for cluster in Cluster.objects.all()}
    for item in parsed:
        values = item["values"]
        org = existing.get(values["name"].casefold())
        if org is None:
            slug = unique_slug(Organisation, values.get("short_name") or values["name"])
            org = Organisation(slug=slug, **values)
            result.created += 1
        else:
            for field, value in values.items():
                setattr(org, field, value)
            result.updated += 1
        org.save()
        for cluster_name in item["clusters"]:
            cluster = clusters.get(cluster_name.casefold())
            if cluster is None:
                cluster = Cluster.objects.create(name=cluster_name, slug=unique_slug(Cluster, cluster_name))
                clusters[cluster_name.casefold()] = cluster
                result.clusters_created += 1
            cluster.members.add(org)
    return result
