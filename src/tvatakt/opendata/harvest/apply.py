"""Putting records into the catalogue: all of them, or, when any is wrong, none.

Every change goes through the same services as the forms, so the same rules and the same permission check hold,
and each dataset's history says where the change came from. A dataset whose source description is the same as
the catalogue's is left alone: a daily harvest must not fill the history with non-changes."""

import dataclasses

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tvatakt.opendata import services
from tvatakt.opendata.harvest.records import DatasetRecord, Problem
from tvatakt.opendata.models import Dataset, Distribution
from tvatakt.opendata.services.datasets import FIELDS, parse_keywords

DEFAULTS = {"licence": Dataset._meta.get_field("licence").default, "access_rights": "PUBLIC"}
DATE_FIELDS = ("temporal_start", "temporal_end", "issued", "modified")
DISTRIBUTION_FIELDS = (
    "title", "title_en", "description", "description_en", "access_url", "download_url", "format", "licence",
    "availability", "byte_size",
)  # fmt: skip


@dataclasses.dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    notes: list[Problem] = dataclasses.field(default_factory=list)


class Refused(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def _values(record: DatasetRecord, current: Dataset | None = None) -> dict:
    """Every field but the name, as the record wants it. A harvest's source is the whole description, so what it
    leaves out is cleared; an import changes only the columns it has. An empty licence or access is the default."""
    if current is None or record.complete:
        values = {key: ("" if key not in DATE_FIELDS else None) for key in FIELDS if key != "name"} | DEFAULTS
    else:
        values = {key: getattr(current, key) for key in FIELDS if key != "name"}
    given = {key: value for key, value in record.fields.items() if not (key in DEFAULTS and not value)}
    values |= {key: ("" if value is None and key not in DATE_FIELDS else value) for key, value in given.items()}
    if values["issued"] is None and current is not None:
        values["issued"] = current.issued  # publishing set it: a source that never says stays as it was
    return values


def _snapshot(dataset: Dataset) -> tuple:
    fields = tuple(getattr(dataset, key) for key in FIELDS if key != "name")
    keywords = tuple(sorted(keyword.name for keyword in dataset.keywords.all()))
    themes = tuple(sorted(theme.code for theme in dataset.themes.all()))
    return fields, keywords, themes, _distributions_now(dataset)


def _distributions_now(dataset: Dataset) -> tuple:
    rows = Distribution.objects.filter(dataset=dataset).order_by("position", "pk")
    return tuple(tuple((getattr(row, key) or "") if key != "byte_size" else row.byte_size for key in
                       DISTRIBUTION_FIELDS) for row in rows)  # fmt: skip


def _distributions_wanted(record: DatasetRecord) -> tuple:
    return tuple(
        tuple((values[key] or "") if key != "byte_size" else values[key] for key in DISTRIBUTION_FIELDS)
        for values in (distribution.values() for distribution in record.distributions)
    )


def _free_name(wanted: str, taken: set[str]) -> str:
    base = (slugify(wanted)[:90].strip("-_") or "dataset").ljust(2, "0")
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    taken.add(name)
    return name


# A distribution's fields as the import file's columns name them.
DISTRIBUTION_COLUMNS = {"title": "distribution_title", "access_url": "distribution_url",
                        "download_url": "distribution_download_url", "format": "distribution_format"}  # fmt: skip


class _DistributionError(ValidationError):
    """A distribution's fields said no: its problems name the distribution, not the dataset."""


def _problems(record: DatasetRecord, exc: ValidationError) -> list[Problem]:
    """The service's messages at the record, by field: a file's column, or the field's name for a harvest."""
    if not hasattr(exc, "error_dict"):
        return [Problem(record.location, message) for message in exc.messages]
    model, found = (Distribution if isinstance(exc, _DistributionError) else Dataset), []
    for field, messages in exc.message_dict.items():
        if field == "__all__":
            where = record.location
        elif record.columns:
            column = DISTRIBUTION_COLUMNS.get(field, field) if model is Distribution else field
            where = _("%(location)s, column %(column)s") % {"location": record.location, "column": column}
        else:
            label = str(model._meta.get_field(field).verbose_name) if hasattr(model, field) else field
            if model is Distribution:
                label = _("distribution: %(field)s") % {"field": label}
            where = f"{record.location}: {label}"
        found += [Problem(where, message) for message in messages]
    return found


def _add_distributions(record: DatasetRecord, dataset: Dataset, actor, reason: str) -> None:
    for distribution in _readable(record):
        try:
            services.distribution_add(actor=actor, dataset=dataset, reason=reason, **distribution.values())
        except ValidationError as exc:
            raise _DistributionError(exc.error_dict if hasattr(exc, "error_dict") else exc.messages) from exc


def apply(
    *, records: list[DatasetRecord], publisher, actor, source=None, reason: str, found: list[Problem] = ()
) -> Outcome:
    """Create, change or leave each record's dataset; withdraw a source's datasets it no longer has. Raises
    Refused with every problem, having changed nothing, or PermissionDenied when `actor` may not publish.

    `found` are the problems the reader already found: the records are still tried, so that the log lists every
    problem at once, but nothing is kept."""
    outcome, problems = Outcome(), list(found)
    with transaction.atomic():
        mine = Dataset.objects.filter(publisher=publisher)
        if source is not None:
            existing = {dataset.harvest_ref: dataset for dataset in Dataset.objects.filter(harvest_source=source)}
        else:
            existing = {dataset.name: dataset for dataset in mine}
        elsewhere = set(Dataset.objects.exclude(publisher=publisher).values_list("name", flat=True))
        taken = set(Dataset.objects.values_list("name", flat=True))
        seen, refs = [], set()
        for record in records:
            dataset = existing.get(record.ref)
            try:
                with transaction.atomic():
                    if record.ref in refs:
                        raise ValidationError(_("The source has this dataset twice (the same identifier)."))
                    refs.add(record.ref)
                    if dataset is None and source is None and record.name in elsewhere:
                        message = _("The short name “%(name)s” is another organisation’s dataset.")
                        raise ValidationError({"name": message % {"name": record.name}})
                    if dataset is None:
                        dataset = _create(record, publisher, actor, source, reason, taken)
                        outcome.created += 1
                    elif _change(dataset, record, actor, reason):
                        outcome.updated += 1
                    else:
                        outcome.unchanged += 1
                    seen.append(dataset.pk)
                    _publish(dataset, record, actor, outcome)
            except ValidationError as exc:
                problems += _problems(record, exc)
            except (DatabaseError, OverflowError) as exc:  # a value the database cannot hold, found by it alone
                problems.append(Problem(record.location, _("The database could not store it: %(error)s")
                                        % {"error": " ".join(str(exc).split())[:200]}))  # fmt: skip
        if source is not None and not problems:
            outcome.withdrawn = _withdraw_missing(source, seen, actor)
        if problems:
            transaction.set_rollback(True)
    if problems:
        raise Refused(problems)
    return outcome


def _create(record: DatasetRecord, publisher, actor, source, reason: str, taken: set[str]) -> Dataset:
    name = record.name if source is None else _free_name(record.name or record.fields.get("title", ""), taken)
    dataset = services.dataset_create(
        actor=actor, publisher=publisher, name=name, keywords=record.keywords or [], themes=record.themes or (),
        reason=reason,
        harvest_source=source, harvest_ref=record.ref if source is not None else "", **_values(record),
    )  # fmt: skip
    _add_distributions(record, dataset, actor, reason)
    return dataset


def _readable(record: DatasetRecord) -> list:
    """The distributions to save: one whose format the reader could not tell is already a problem it found."""
    return [distribution for distribution in record.distributions if distribution.format]


def _change(dataset: Dataset, record: DatasetRecord, actor, reason: str) -> bool:
    """Bring the dataset in line with the record; whether anything changed."""
    wanted = _values(record, dataset)
    before = _snapshot(dataset)
    after = (
        tuple(wanted[key] for key in FIELDS if key != "name"),
        before[1] if record.keywords is None else tuple(sorted(parse_keywords(record.keywords))),
        before[2] if record.themes is None else tuple(sorted(record.themes)),
        _distributions_wanted(record) if record.replace_distributions else before[3],
    )
    if before == after:
        return False
    if before[:3] != after[:3]:
        services.dataset_update(
            actor=actor, dataset=dataset, keywords=record.keywords, themes=record.themes, reason=reason, **wanted
        )
    if before[3] != after[3]:
        old = list(Distribution.objects.filter(dataset=dataset))
        # The new ones first: a published dataset must never be left without one.
        _add_distributions(record, dataset, actor, reason)
        for distribution in old:
            services.distribution_remove(actor=actor, distribution=distribution, reason=reason)
        # Numbered from 0 again: each replacement adds after the last, and positions must not grow for ever.
        for position, pk in enumerate(dataset.distributions.order_by("position", "pk").values_list("pk", flat=True)):
            Distribution.objects.filter(pk=pk).update(position=position)
    return True


def _publish(dataset: Dataset, record: DatasetRecord, actor, outcome: Outcome) -> None:
    if not record.publish:
        return
    dataset.refresh_from_db(fields=["state"])
    if dataset.is_public:
        return
    if not Distribution.objects.filter(dataset=dataset).exists():
        message = _("It has no distribution, so it stays a draft.")
        outcome.notes.append(Problem(record.location, message, level="warning"))
        return
    services.dataset_publish(actor=actor, dataset=dataset)


def _withdraw_missing(source, seen: list[int], actor) -> int:
    gone = Dataset.objects.filter(harvest_source=source).public().exclude(pk__in=seen)
    reason = _("No longer at the harvest source %(source)s") % {"source": source.title}
    count = 0
    for dataset in gone:
        services.dataset_withdraw(actor=actor, dataset=dataset, reason=reason)
        count += 1
    return count


__all__ = ["Outcome", "PermissionDenied", "Refused", "apply"]
