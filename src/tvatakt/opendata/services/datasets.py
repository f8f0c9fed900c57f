"""Creating, changing, publishing and withdrawing datasets. A data publisher works only on their own
organisation's datasets; the check is here, so every door (form, import, harvest) is guarded."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.models import Dataset, Keyword, Theme

FIELDS = (
    "name", "title", "title_en", "description", "description_en", "contact_name", "contact_email", "licence",
    "access_rights", "frequency", "temporal_start", "temporal_end", "spatial", "issued", "modified", "conforms_to",
    "landing_page",
)  # fmt: skip
KEYWORD_MAX = 100


def parse_keywords(text: str | list[str]) -> list[str]:
    """Comma-separated (or a list) keywords, trimmed, each once (case-insensitively), in the order given."""
    words = text if isinstance(text, list) else text.replace(";", ",").split(",")
    found: dict[str, str] = {}
    for word in words:
        name = " ".join(str(word).split())[:KEYWORD_MAX]
        if name and name.casefold() not in found:
            found[name.casefold()] = name
    return list(found.values())


def _set_keywords(dataset: Dataset, names: list[str]) -> None:
    existing = {keyword.name: keyword for keyword in Keyword.objects.filter(name__in=names)}
    missing = [Keyword(name=name) for name in names if name not in existing]
    Keyword.objects.bulk_create(missing, ignore_conflicts=True)
    if missing:
        existing = {keyword.name: keyword for keyword in Keyword.objects.filter(name__in=names)}
    dataset.keywords.set([existing[name] for name in names])
    dataset.keywords_text = " ".join(names)
    Dataset.objects.filter(pk=dataset.pk).update(keywords_text=dataset.keywords_text)  # the search reads it


def _set_themes(dataset: Dataset, codes: list[str]) -> None:
    known = set(Theme.objects.filter(code__in=codes).values_list("code", flat=True))
    unknown = sorted(set(codes) - known)
    if unknown:
        raise DomainError({"themes": _("Unknown themes: %(codes)s.") % {"codes": ", ".join(unknown)}})
    dataset.themes.set(sorted(known))


def _taken(name: str) -> DomainError:
    return DomainError({"name": _("The short name “%(name)s” is taken. Choose another.") % {"name": name}})


def _validated(dataset: Dataset) -> None:
    try:
        dataset.full_clean(exclude=["publisher", "created_by"])
    except ValidationError as exc:
        raise DomainError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from exc


def dataset_create(
    *, actor, publisher, keywords="", themes=(), reason: str = "", harvest_source=None, harvest_ref: str = "", **fields
) -> Dataset:
    """A new dataset, as a draft, for `publisher`. Nothing is saved when a field is wrong. A harvest names its
    source and the dataset's identifier there; `reason` says in the history where the dataset came from."""
    require(actor, "opendata.publish", publisher)
    dataset = Dataset(publisher=publisher, created_by=actor, **{key: fields[key] for key in FIELDS if key in fields})
    dataset.harvest_source, dataset.harvest_ref = harvest_source, harvest_ref
    if Dataset.objects.filter(name=dataset.name).exists():
        raise _taken(dataset.name)
    _validated(dataset)
    try:
        with transaction.atomic():
            save_as(dataset, actor, reason=reason)
            _set_keywords(dataset, parse_keywords(keywords))
            _set_themes(dataset, list(themes))
    except IntegrityError as exc:  # the same name taken at the same moment
        raise DomainError(
            {"name": _("The short name “%(name)s” is taken. Choose another.") % {"name": dataset.name}}
        ) from exc
    return dataset


def dataset_update(*, actor, dataset: Dataset, keywords=None, themes=None, reason: str = "", **fields) -> Dataset:
    """Change a dataset's description. The name is its address: it can change only while a draft."""
    require(actor, "opendata.publish", dataset)
    with transaction.atomic():
        current = Dataset.objects.select_for_update().get(pk=dataset.pk)
        new_name = fields.get("name", current.name)
        if new_name != current.name:
            if current.is_public:
                raise DomainError({"name": _("A published dataset keeps its short name: others link to it.")})
            if Dataset.objects.filter(name=new_name).exclude(pk=current.pk).exists():
                raise DomainError(
                    {"name": _("The short name “%(name)s” is taken. Choose another.") % {"name": new_name}}
                )
        for key in FIELDS:
            if key in fields:
                setattr(current, key, fields[key])
        _validated(current)
        save_as(current, actor, reason=reason)
        if keywords is not None:
            _set_keywords(current, parse_keywords(keywords))
        if themes is not None:
            _set_themes(current, list(themes))
    return current


def dataset_publish(*, actor, dataset: Dataset) -> Dataset:
    """Make a draft public. It needs at least one distribution, so that there is data to find."""
    require(actor, "opendata.publish", dataset)
    with transaction.atomic():
        current = Dataset.objects.select_for_update().get(pk=dataset.pk)
        if current.is_public:
            return current
        if not current.distributions.exists():
            raise DomainError(_("Add at least one distribution (a file or a link to the data) before publishing."))
        current.state = DatasetState.PUBLIC
        current.issued = current.issued or timezone.localdate()
        save_as(current, actor, reason=_("Published"))
    return current


def dataset_withdraw(*, actor, dataset: Dataset, reason: str) -> Dataset:
    """Take a published dataset back to draft, with the reason kept in its history: never removed silently."""
    require(actor, "opendata.publish", dataset)
    if not reason.strip():
        raise DomainError({"reason": _("Say why the dataset is withdrawn.")})
    with transaction.atomic():
        current = Dataset.objects.select_for_update().get(pk=dataset.pk)
        current.state = DatasetState.DRAFT
        save_as(current, actor, reason=_("Withdrawn: %(reason)s") % {"reason": reason.strip()})
    return current
