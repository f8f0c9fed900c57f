"""A person's own data (GDPR art. 15, 17 and 20): what each app holds about them, and how each app erases it.

Each app registers one part from its AppConfig.ready() (in its `subject.py`, next to its models), naming every
foreign key to the person it answers for. The account pages and the erasure service only ask this registry, so an
app added later adds its part here and nothing else changes. A test checks that every foreign key to Person in any
model is claimed by some part: a new one that no part answers for fails the build instead of going unexported.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model

Getter = Callable[[Any], Any]


@dataclass
class Section:
    """One kind of thing an app holds about the person: a table with a heading."""

    key: str  # stable, for the JSON
    title: str
    columns: Sequence[str]
    rows: list[list[Any]]
    on_erasure: str = ""  # what happens to these rows when the person asks for erasure, in plain words

    @property
    def labelled_rows(self) -> list[list[tuple[str, Any]]]:
        """Each row as (column, value) pairs: a table cell says its column on a narrow screen."""
        return [list(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass(frozen=True)
class Part:
    """An app's answer for the data it holds about a person."""

    key: str  # the app label
    area: str  # the heading readers know the part of the service by
    covers: tuple[str, ...]  # "app_label.Model.field" for each foreign key to Person this part answers for
    export: Callable[[Any], list[Section]]  # (person) -> sections
    erase: Callable[..., dict[str, int]]  # (person, *, reason) -> {what: how many}
    order: int = 100  # where the area comes on the page; the account comes first


_PARTS: dict[str, Part] = {}


def register(part: Part) -> None:
    _PARTS[part.key] = part  # registering twice (tests reload apps) is once


def parts() -> list[Part]:
    return sorted(_PARTS.values(), key=lambda part: (part.order, part.key))


def section(
    key: str, title, rows: Iterable[Any], columns: Sequence[tuple[Any, Getter]], on_erasure: Any = ""
) -> Section:
    """A section from objects (a queryset shaped by the caller: every getter must be answerable without a query)."""
    return Section(
        key=key,
        title=str(title),
        columns=[str(label) for label, _getter in columns],
        rows=[[getter(obj) for _label, getter in columns] for obj in rows],
        on_erasure=str(on_erasure),
    )


def export(person) -> list[tuple[Part, list[Section]]]:
    """Every part's sections about `person`, in page order. Empty sections are kept: "none" is an answer too."""
    return [(part, part.export(person)) for part in parts()]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # lazy translations, choices' labels, model instances


def as_json(person) -> dict:
    """The export as one JSON-ready dictionary: areas, then sections as lists of {column: value}."""
    areas = []
    for part, sections in export(person):
        areas.append(
            {
                "area": str(part.area),
                "key": part.key,
                "sections": [
                    {
                        "key": item.key,
                        "title": item.title,
                        "on_erasure": item.on_erasure,
                        "rows": [dict(zip(item.columns, map(_plain, row), strict=True)) for row in item.rows],
                    }
                    for item in sections
                ],
            }
        )
    return {"person_id": person.pk, "areas": areas}


def is_history_model(model) -> bool:
    """django-simple-history's copies: they follow the rows they copy, and point at the (anonymised) person."""
    return hasattr(model, "instance_type")


@dataclass(frozen=True)
class Reference:
    label: str  # "app_label.Model.field"
    model: Any = field(compare=False)
    name: str = field(compare=False)


def references_to_person() -> list[Reference]:
    """Every foreign key, one-to-one and many-to-many field to Person in any installed model but history copies."""
    person_model = get_user_model()
    return [
        Reference(f"{model._meta.label}.{model_field.name}", model, model_field.name)
        for model in apps.get_models()
        if not is_history_model(model)
        for model_field in model._meta.get_fields()
        if model_field.concrete and model_field.is_relation and model_field.related_model is person_model
    ]


def unclaimed() -> list[str]:
    """References to Person that no registered part answers for."""
    claimed = {label for part in parts() for label in part.covers}
    return sorted(ref.label for ref in references_to_person() if ref.label not in claimed)
