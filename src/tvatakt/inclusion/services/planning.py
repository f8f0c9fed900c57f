"""Planning events: a host creates one (or copies an earlier one as a template) and changes it. The seats go
through set_capacity(), so they can never drop below those taken."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.inclusion.choices import EventState, Language
from tvatakt.inclusion.models import Event
from tvatakt.inclusion.services.events import set_capacity

FIELDS = (
    "kind", "title", "title_en", "description", "description_en", "target_group", "age_min", "age_max", "place",
    "online_url", "languages", "starts_at", "ends_at", "registration_opens", "registration_closes", "waiting_list",
    "offer_hours", "consent_hours",
)  # fmt: skip
RESERVED = {"ny", "mina", "rackvidd"}  # the list's own addresses under /aktiviteter/


def _free_slug(title: str, starts_at) -> str:
    base = (slugify(f"{title} {starts_at:%Y-%m-%d}" if starts_at else title)[:100] or "aktivitet").strip("-")
    slug, number = base, 2
    while slug in RESERVED or Event.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _checked(event: Event) -> None:
    errors = {}
    if not event.place_id and not event.online_url:
        errors["place"] = [_("Choose a place, or give the address of the online meeting.")]
    if set(event.languages) - set(Language.values):
        errors["languages"] = [_("Choose among the languages listed.")]
    if event.starts_at and event.registration_closes and event.registration_closes > event.starts_at:
        errors["registration_closes"] = [_("Registration must close before the event starts.")]
    try:
        event.full_clean(exclude=["host", "slug"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise DomainError(errors)


def event_create(*, actor, host, capacity: int, publish: bool = False, **fields) -> Event:
    """A new event for `host`, an organisation the actor hosts for; a draft unless `publish`."""
    require(actor, "inclusion.host", host)
    event = Event(host=host, capacity=capacity, **{key: fields[key] for key in FIELDS if key in fields})
    event.state = EventState.PUBLISHED if publish else EventState.DRAFT
    _checked(event)
    with transaction.atomic():
        event.slug = _free_slug(event.title, event.starts_at)
        try:
            save_as(event, actor)
        except IntegrityError as exc:  # the same slug taken at the same moment
            raise DomainError(_("Someone made an event with the same name at the same moment. Try again.")) from exc
        if actor is not None:
            event.hosts.add(actor)
    return event


def event_update(*, actor, event: Event, capacity: int | None = None, publish: bool | None = None, **fields) -> Event:
    """Change an event's description, times and place; the seats through set_capacity()."""
    require(actor, "inclusion.host", event)
    with transaction.atomic():
        current = Event.objects.select_for_update().get(pk=event.pk)
        if current.state == EventState.CANCELLED:
            raise DomainError(_("A cancelled event cannot be changed."))
        for key in FIELDS:
            if key in fields:
                setattr(current, key, fields[key])
        if publish is not None:
            current.state = EventState.PUBLISHED if publish else current.state
        _checked(current)
        save_as(current, actor, update_fields=[*FIELDS, "state", "updated_at"])
        if capacity is not None and capacity != current.capacity:
            current = set_capacity(actor=actor, event=current, capacity=capacity)
    return current


def template_fields(event: Event) -> dict:
    """What a copy of `event` starts from: everything but its times."""
    return {key: getattr(event, key) for key in FIELDS if not key.endswith(("_at", "opens", "closes"))} | {
        "capacity": event.capacity, "host": event.host,
    }  # fmt: skip
