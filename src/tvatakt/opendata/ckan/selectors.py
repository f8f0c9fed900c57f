"""The CKAN API's reads: full records for a page of datasets at a fixed number of queries, and look-ups by
CKAN's ids and names. Search itself is in opendata.selectors; the conditions come from `query`."""

import uuid

from django.db.models import Count, Prefetch, Q, QuerySet

from tvatakt.opendata.ckan.dicts import organisation_id
from tvatakt.opendata.models import Dataset, Distribution, Keyword, Theme
from tvatakt.organisation.models import Organisation

PUBLIC = Q(datasets__state="public")


def public(condition: Q) -> QuerySet[Dataset]:
    """The public datasets that meet a condition query.py made."""
    return Dataset.objects.public().filter(condition)


def with_record(datasets: QuerySet[Dataset]) -> QuerySet[Dataset]:
    """Everything a CKAN dataset dict shows, in three queries whatever the number of datasets; as lists
    (record_keywords, record_themes, record_distributions), which a page of a thousand builds fastest from."""
    return datasets.select_related("publisher").prefetch_related(
        Prefetch("keywords", queryset=Keyword.objects.order_by("name"), to_attr="record_keywords"),
        Prefetch("themes", queryset=Theme.objects.order_by("code"), to_attr="record_themes"),
        Prefetch(
            "distributions", queryset=Distribution.objects.order_by("position", "pk"), to_attr="record_distributions"
        ),
    )


def _by_name_or_identifier(value: str) -> Q:
    try:
        return Q(name=value) | Q(identifier=uuid.UUID(value))
    except ValueError:
        return Q(name=value)


def dataset(name_or_id: str) -> Dataset | None:
    """A dataset by name or UUID, whatever its state: the caller tells a draft (403) from nothing (404)."""
    return with_record(Dataset.objects.filter(_by_name_or_identifier(name_or_id))).first()


def distribution(identifier: str) -> Distribution | None:
    try:
        key = uuid.UUID(identifier)
    except ValueError:
        return None
    return Distribution.objects.select_related("dataset").filter(identifier=key).first()


def dataset_names(limit: int | None, offset: int | None) -> list[str]:
    names = Dataset.objects.public().order_by("name").values_list("name", flat=True)
    if offset:
        names = names[offset:]
    return list(names[:limit] if limit else names)


def organisations() -> QuerySet[Organisation]:
    """Every organisation with its number of public datasets."""
    return Organisation.objects.annotate(count=Count("datasets", filter=PUBLIC))


def organisation(id_or_name: str) -> Organisation | None:
    """By slug (CKAN's name) or by the id dicts.organisation_id() gives it."""
    found = organisations().filter(slug=id_or_name).first()
    if found is None and len(id_or_name) == 36:
        pks = [pk for pk in Organisation.objects.values_list("pk", flat=True) if organisation_id(pk) == id_or_name]
        found = organisations().filter(pk__in=pks).first()
    return found


def organisation_pks(ids: list[str]) -> list[int]:
    """The organisations these CKAN ids name (for owner_org in a query)."""
    return [pk for pk in Organisation.objects.values_list("pk", flat=True) if organisation_id(pk) in ids]


def publishers(q: str, names: list[str] | None, order: tuple[str, ...]) -> QuerySet[Organisation]:
    """organization_list: the organisations with public datasets (the catalogue's publishers) and their count,
    those whose name or title holds q (case-insensitively), or those named."""
    found = organisations().filter(count__gt=0)
    if q:
        found = found.filter(Q(slug__icontains=q) | Q(name__icontains=q))
    if names is not None:
        found = found.filter(slug__in=names)
    return found.order_by(*order, "pk")
