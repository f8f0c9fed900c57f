"""The population by district and age group, from a CSV file the city loads (SCB's figures where they exist, a
modelled estimate where not), for the coverage per 1,000 inhabitants. All rows are saved, or none."""

from django.db import transaction
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.tabular import ImportFailed, RowError, read_csv_upload
from tvatakt.inclusion.choices import AgeGroup
from tvatakt.inclusion.models import Population
from tvatakt.organisation.models import Organisation

COLUMNS = ("district", "age_group", "year", "people", "estimate")
YES, NO = {"ja", "yes", "1", "x", "true"}, {"", "nej", "no", "0", "false"}


def import_population(file) -> int:
    """Load the file: columns district (a district's name or short name), age_group (e.g. 30-49), year, people,
    and estimate (yes for a modelled figure). A row for a district, age group and year that exists replaces it."""
    try:
        header, rows = read_csv_upload(file)
    except DomainError as exc:
        raise ImportFailed([RowError(1, "", message) for message in exc.messages]) from exc
    errors = [RowError(1, column, _("This column is required.")) for column in COLUMNS[:4] if column not in header]
    if errors:
        raise ImportFailed(errors)
    districts = {}
    for district in Organisation.objects.filter(kind="district_administration"):
        for name in (
            district.name,
            district.short_name,
            district.slug,
            district.name.removesuffix(" stadsdelsförvaltning"),
        ):
            if name:
                districts[name.casefold()] = district
    found = []
    for row in rows:
        district = districts.get(row.get("district", "").casefold())
        if district is None:
            errors.append(
                RowError(
                    row.line, "district", _("No district is called “%(value)s”.") % {"value": row.get("district", "")}
                )
            )
        if row.get("age_group") not in AgeGroup.values:
            errors.append(RowError(row.line, "age_group", _("Write an age group such as 30-49.")))
        numbers = {}
        for column in ("year", "people"):
            text = row.get(column, "").replace(" ", "").replace("\u00a0", "")
            if not text.isdecimal() or (column == "year" and not 1900 <= int(text) <= 2100):
                errors.append(RowError(row.line, column, _("Write a whole number.")))
            else:
                numbers[column] = int(text)
        estimate = row.get("estimate", "").casefold()
        if estimate not in YES | NO:
            errors.append(RowError(row.line, "estimate", _("Write yes or no.")))
        found.append((district, row.get("age_group"), numbers, estimate in YES))
    if not rows:
        errors.append(RowError(1, "", _("The file has no rows, only a header.")))
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        for district, age_group, numbers, estimate in found:
            Population.objects.update_or_create(
                district=district, age_group=age_group, year=numbers["year"],
                defaults={"people": numbers["people"], "estimate": estimate},
            )  # fmt: skip
    return len(found)
