"""Load a city's organisations from CSV: the whole file or nothing.

Columns (a header row names them, in any order): name, kind, short_name, org_number, website,
clusters (names separated by ";" or "|"), active. Comma or semicolon separated, UTF-8.
ImportFailed and RowError live in tvatakt.core.tabular, shared by every importer; they are
imported here too, where the command and older callers find them.
"""

import dataclasses

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.core.tabular import ImportFailed, RowError, read_csv_upload
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


@dataclasses.dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    clusters_created: int = 0


def read_csv(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header in lower case, and each row with its line number in the file."""
    try:
        header, records = read_csv_upload(data, legacy=False)
    except DomainError as exc:
        raise ImportFailed([RowError(0, "-", message) for message in exc.messages]) from exc
    rows = [(record.line, {key.lower(): value for key, value in record.items()}) for record in records]
    return [name.lower() for name in header], rows


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
