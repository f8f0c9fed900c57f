"""Reading a CSV file of datasets into records: a row per dataset, with one distribution; a further row with the
same short name adds another distribution to it. Columns are named by key (as in the template) or in Swedish."""

from urllib.parse import urlsplit

from django.utils import translation
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.tabular import read_csv_upload
from tvatakt.opendata import vocab
from tvatakt.opendata.harvest import records
from tvatakt.opendata.harvest.records import DatasetRecord, DistributionRecord, Problem
from tvatakt.opendata.services.datasets import parse_keywords

DATASET_COLUMNS = (
    "name", "title", "title_en", "description", "description_en", "contact_name", "contact_email", "keywords",
    "themes", "licence", "access_rights", "frequency", "temporal_start", "temporal_end", "spatial", "issued",
    "modified", "conforms_to", "landing_page", "publish",
)  # fmt: skip
DISTRIBUTION_COLUMNS = ("distribution_title", "distribution_url", "distribution_download_url", "distribution_format")
COLUMNS = DATASET_COLUMNS + DISTRIBUTION_COLUMNS
REQUIRED = ("name", "title", "description", "contact_name", "contact_email")
SWEDISH = {
    "kortnamn": "name", "titel": "title", "titel_en": "title_en", "beskrivning": "description",
    "beskrivning_en": "description_en", "kontakt": "contact_name", "kontakt_epost": "contact_email",
    "nyckelord": "keywords", "teman": "themes", "licens": "licence", "åtkomst": "access_rights",
    "uppdateringsfrekvens": "frequency", "från": "temporal_start", "till": "temporal_end", "plats": "spatial",
    "publicerad": "issued", "ändrad": "modified", "standard": "conforms_to", "webbsida": "landing_page",
    "publicera": "publish", "distribution_titel": "distribution_title", "distribution_adress": "distribution_url",
    "distribution_nedladdning": "distribution_download_url", "distribution_format": "distribution_format",
}  # fmt: skip
YES, NO = {"1", "ja", "yes", "true", "x"}, {"", "0", "nej", "no", "false"}
EXAMPLE = {
    "name": "luftkvalitet-hornsgatan", "title": "Luftkvalitet på Hornsgatan", "title_en": "Air quality on Hornsgatan",
    "description": "Halter av kvävedioxid och partiklar, mätt varje timme.", "contact_name": "Miljöförvaltningen",
    "contact_email": "miljo@example.se", "keywords": "luft, miljö", "themes": "ENVI", "licence": "cc-zero",
    "access_rights": "PUBLIC", "frequency": "HOURLY", "publish": "nej", "distribution_title": "Mätvärden (CSV)",
    "distribution_url": "https://example.se/luft.csv", "distribution_format": "CSV",
}  # fmt: skip


def _key(column: str) -> str | None:
    folded = column.strip().casefold()
    return folded if folded in COLUMNS else SWEDISH.get(folded)


def read(file, problems: list[Problem], *, max_bytes: int) -> list[DatasetRecord]:
    """The file's datasets. Every problem, by row and column, is added to `problems`."""
    try:
        header, rows = read_csv_upload(file, max_bytes=max_bytes)
    except DomainError as exc:
        problems.extend(Problem(_("the file"), message) for message in exc.messages)
        return []
    keys = [_key(column) for column in header]
    for index, (column, key) in enumerate(zip(header, keys, strict=True)):
        if key is None:
            problems.append(Problem(_row(1, column), _("Unknown column. The template lists the columns.")))
        elif key in keys[:index]:  # "name" and "kortnamn", say: one would silently win
            message = _("It is the same column as %(other)s.") % {"other": header[keys.index(key)]}
            problems.append(Problem(_row(1, column), message))
    problems.extend(Problem(_row(1, key), _("This column is required.")) for key in REQUIRED if key not in keys)
    if any(problem.level == "error" for problem in problems):
        return []
    found: dict[str, DatasetRecord] = {}
    first_row: dict[str, tuple[int, dict]] = {}
    for row in rows:
        values = {key: row.get(column, "") for column, key in zip(header, keys, strict=True) if key}
        name = values.get("name", "") or f"#{row.line}"  # rows without a name are each their own (and wrong)
        dataset_values = {key: values.get(key, "") for key in DATASET_COLUMNS}
        if name in found:
            line, seen = first_row[name]
            if any(dataset_values[key] and dataset_values[key] != seen[key] for key in DATASET_COLUMNS):
                problems.append(
                    Problem(_row(row.line, "name"), _("It differs from row %(row)s, which has the same short name.")
                            % {"row": line})
                )  # fmt: skip
            else:
                found[name].distributions.append(_distribution(values, row.line, problems))
            continue
        record = _dataset(values, row.line, problems)
        found[name], first_row[name] = record, (row.line, dataset_values)
    if not found:
        problems.append(Problem(_("the file"), _("The file has no datasets, only a header.")))
    return list(found.values())


def _row(line: int, column: str) -> str:
    return _("row %(row)s, column %(column)s") % {"row": line, "column": column}


def _dataset(values: dict[str, str], line: int, problems: list[Problem]) -> DatasetRecord:
    def problem(column: str, message: str) -> None:
        problems.append(Problem(_row(line, column), message))

    texts = ("title", "title_en", "description", "description_en", "contact_name", "contact_email", "spatial",
             "conforms_to", "landing_page")  # fmt: skip
    fields = {key: values[key] for key in texts if key in values}
    fields |= {key: None for key in ("temporal_start", "temporal_end", "issued", "modified") if key in values}
    if values.get("licence"):
        fields["licence"] = records.licence_code(values["licence"])
        if not fields["licence"]:
            problem("licence", _("Write cc-zero (CC0) or cc-by (CC BY 4.0)."))
    for key, terms in (("access_rights", vocab.ACCESS_RIGHTS), ("frequency", vocab.FREQUENCIES)):
        if values.get(key):
            fields[key] = records.term_code(values[key], terms) or _term_by_label(values[key], terms)
            if not fields[key]:
                codes = ", ".join(term.code for term in terms)
                problem(key, _("“%(value)s” is not one of %(codes)s.") % {"value": values[key], "codes": codes})
    for key in ("temporal_start", "temporal_end", "issued", "modified"):
        if values.get(key):
            fields[key] = records.date_value(values[key])
            if fields[key] is None:
                problem(key, _("Write the date as YYYY-MM-DD, for example 2027-03-31."))
    themes = []
    for name in filter(None, (part.strip() for part in values.get("themes", "").replace(",", ";").split(";"))):
        code = records.theme_code(name)
        if code is None:
            problem("themes", _("“%(value)s” is not one of the EU data themes.") % {"value": name})
        elif code not in themes:
            themes.append(code)
    publish = values.get("publish", "").casefold()
    if publish not in YES | NO:
        problem("publish", _("Write yes or no."))
    record = DatasetRecord(
        ref=values.get("name", ""), location=_("row %(row)s") % {"row": line}, name=values.get("name", ""),
        fields=fields, keywords=parse_keywords(values["keywords"]) if "keywords" in values else None,
        themes=themes if "themes" in values else None, publish=publish in YES,
        complete=False, replace_distributions=False, columns=True,
    )  # fmt: skip
    if any(values.get(key) for key in DISTRIBUTION_COLUMNS):
        record.distributions.append(_distribution(values, line, problems))
        record.replace_distributions = True
    return record


def _term_by_label(value: str, terms: list[vocab.Term]) -> str | None:
    folded = value.strip().casefold()
    return next((term.code for term in terms if folded in (term.sv.casefold(), term.en.casefold())), None)


def _distribution(values: dict[str, str], line: int, problems: list[Problem]) -> DistributionRecord:
    access, download = values.get("distribution_url", ""), values.get("distribution_download_url", "")
    code = records.format_code(values.get("distribution_format", ""), url=download or access)
    if code is None:
        codes = ", ".join(file_type.code for file_type in vocab.FILE_TYPES)
        problems.append(
            Problem(_row(line, "distribution_format"), _("Write one of the formats %(codes)s.") % {"codes": codes})
        )
    if not (access or download):
        problems.append(Problem(_row(line, "distribution_url"), _("Give the address of the data.")))
    for key, url in (("distribution_url", access), ("distribution_download_url", download)):
        if url and urlsplit(url).scheme not in ("http", "https"):
            problems.append(Problem(_row(line, key), _("Give an address that starts with http:// or https://.")))
    title = values.get("distribution_title") or (vocab.FILE_TYPE[code].label if code else "")
    return DistributionRecord(title=title, access_url=access or download, download_url=download, format=code or "")


def template_rows() -> tuple[list[str], list[list[str]]]:
    """The template's header and one example row."""
    with translation.override("sv"):
        return list(COLUMNS), [[EXAMPLE.get(key, "") for key in COLUMNS]]
