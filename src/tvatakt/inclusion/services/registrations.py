"""Registering for an event, and everything that moves a registration on: a guardian's consent, the waiting
list's offers, cancelling. Every rule is checked here, for the form and the API alike; nothing is saved when one
is broken. Seats change only through seats.py."""

import dataclasses
import datetime
import secrets
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core import rows
from tvatakt.core.errors import DomainError
from tvatakt.core.tasks import enqueue_with_change
from tvatakt.inclusion.choices import ACTIVE, AgeGroup, EventState, Need, Status, age_bounds, needs_guardian
from tvatakt.inclusion.models import Event, Participant, Registration
from tvatakt.inclusion.services import one_statement, seats
from tvatakt.inclusion.tasks import mail_with_change, mails_quiet, send_mail

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud at the door
CODE_LENGTH = 8
CONSENT_VERSION = "2026-1"  # the version of the consent text a guardian confirms; change it with the text
MAX_SEATS = 6
# The choices' values, made once: Django's enum makes its list anew at every `.values`, and a rush checks each.
AGE_GROUPS = frozenset(AgeGroup.values)
NEEDS = frozenset(Need.values)


@dataclasses.dataclass
class Person:
    name: str
    age_group: str
    first_time: bool = False


def new_code() -> str:
    # One random byte a letter: the alphabet's 32 letters divide 256, so each letter is as likely as the next.
    return "".join(CODE_ALPHABET[byte % len(CODE_ALPHABET)] for byte in secrets.token_bytes(CODE_LENGTH))


def _check(event: Event, people: list[Person], contact: dict, now: datetime.datetime) -> None:
    if event.state != EventState.PUBLISHED:
        raise DomainError(_("This event is not open for registration."))
    if now < event.registration_opens:
        when = timezone.localtime(event.registration_opens)
        raise DomainError(_("Registration opens %(when)s.") % {"when": when.strftime("%Y-%m-%d %H:%M")})
    if now >= event.registration_closes:
        raise DomainError(_("Registration has closed."))
    errors: dict[str, list[str]] = {}
    if not people:
        errors["participants"] = [_("Say who is coming.")]
    if len(people) > MAX_SEATS:
        errors["participants"] = [_("At most %(count)s people in one registration.") % {"count": MAX_SEATS}]
    for person in people:
        if not person.name.strip():
            errors.setdefault("participants", []).append(_("Write each person's name."))
        if person.age_group not in AGE_GROUPS:
            errors.setdefault("participants", []).append(_("Choose an age group for each person."))
            continue
        low, high = age_bounds(person.age_group)
        if high < event.age_min or low > event.age_max:
            message = _("%(name)s: this event is for ages %(low)s to %(high)s.") % {
                "name": person.name, "low": event.age_min, "high": event.age_max,
            }  # fmt: skip
            errors.setdefault("participants", []).append(message)
    if not (contact.get("email") or contact.get("phone")):
        errors["email"] = [_("Give an e-mail address or a phone number, so we can reach you.")]
    if not contact.get("contact_name", "").strip():
        errors["contact_name"] = [_("Write your name.")]
    unknown = set(contact.get("needs") or []) - NEEDS
    if unknown:
        errors["needs"] = [_("Choose among the needs listed.")]
    if any(needs_guardian(person.age_group) for person in people if person.age_group in AGE_GROUPS):
        if not contact.get("guardian_name", "").strip():
            errors["guardian_name"] = [_("A child under 13 needs a guardian: write the guardian's name.")]
        if not contact.get("guardian_email"):
            errors["guardian_email"] = [_("The guardian confirms by e-mail: write the guardian's e-mail.")]
    if errors:
        raise DomainError(errors)


def _made_with(event: Event, key: str) -> Registration | None:
    """The registration an earlier request with this idempotency `key` made, if any."""
    return event.registrations.filter(idempotency_key=key).first() if key else None


def _registered(event: Event, contact: dict) -> bool:
    """Whether the contact has a registration in play at the event: the same e-mail address (in any case, as the
    unique index compares them) or the same phone number."""
    same = Q(pk__in=[])
    if contact.get("email"):
        same |= Q(lower_email=Lower(Value(contact["email"])))
    if contact.get("phone"):
        same |= Q(phone=contact["phone"])
    return event.registrations.alias(lower_email=Lower("email")).filter(same, status__in=ACTIVE).exists()


def register(
    *, event: Event, people: list[Person], idempotency_key: str = "", now: datetime.datetime | None = None, **contact
) -> Registration:
    """A registration of `people`, with the contact's details. Confirmed when the seats are free, on the
    waiting list when not (if the event has one), waiting for the guardian when a child comes. A retry with the
    same `idempotency_key` gets the same registration back, never a second one."""
    return register_once(event=event, people=people, idempotency_key=idempotency_key, now=now, **contact)[0]


def register_once(
    *,
    event: Event,
    people: list[Person],
    idempotency_key: str = "",
    now: datetime.datetime | None = None,
    admit: Callable[[], None] | None = None,
    **contact,
) -> tuple[Registration, bool]:
    """As register(), and whether this call made the registration (not: a retry got an earlier one back).
    `admit` is the caller's gate, such as a rate limit: every request passes it before anything is written, a
    retry too (telling a retry apart would cost every registration a lookup).

    Nothing is looked up first: the database's unique indexes refuse a second registration with the same key, or
    for a contact registered already, even at the same moment, and only a refused one is looked into. A rush of
    people registers through here, and each lookup cost a query a registration."""
    now = now or timezone.now()
    if admit is not None:
        admit()
    try:
        registration = _save(event, people, idempotency_key, now, contact)
    except (DomainError, IntegrityError) as refused:
        earlier = _made_with(event, idempotency_key)  # a retry gets its registration back, whatever has changed
        if earlier is not None:
            return earlier, False
        if isinstance(refused, IntegrityError) and _registered(event, contact):
            raise DomainError(
                {"email": _("You are already registered for this event, with this e-mail address or phone number.")}
            ) from None
        raise
    return registration, True


def _save(event, people, idempotency_key, now, contact) -> Registration:
    _check(event, people, contact, now)
    child = any(needs_guardian(person.age_group) for person in people)
    fields = {key: contact.get(key) or "" for key in ("contact_name", "email", "phone", "needs_text", "guardian_name",
                                                       "guardian_email", "guardian_phone")}  # fmt: skip
    registration = Registration(
        event=event, code=new_code(), status=Status.WAITING, seats=len(people), idempotency_key=idempotency_key,
        language=contact.get("language") or "sv", district=contact.get("district"),
        needs=sorted(set(contact.get("needs") or [])),
        photos_allowed=bool(contact.get("photos_allowed")) and not child,  # a child's: the guardian's say
        consent_version=CONSENT_VERSION if child else "", **fields,
    )  # fmt: skip
    participants = [
        Participant(name=person.name.strip()[:200], age_group=person.age_group, first_time=person.first_time)
        for person in people
    ]  # fmt: skip
    held = one_statement.Held(
        status=Status.PENDING_CONSENT if child else Status.CONFIRMED,
        consent_deadline=now + datetime.timedelta(hours=event.consent_hours) if child else None,
    )
    # Everyone whose registration is saved is told so, by e-mail (and by the receipt page): the e-mail of the
    # status it gets (kind None), and a child's guardian is asked to confirm.
    mails = [] if mails_quiet() else [(send_mail, {"kind": kind}) for kind in [None, "consent_request"][: 1 + child]]
    if one_statement.usable():
        if not one_statement.save(registration, participants, held=held, waiting=_waiting(event), mails=mails):
            raise _refused(event, people, contact, now)
        return registration
    with transaction.atomic():
        # The seats first, so that the registration is saved once, as it stands (the seats' UPDATE is undone with
        # the rest if anything after it fails).
        if seats.take(registration, save=False):
            registration.status, registration.consent_deadline = held.status, held.consent_deadline
        elif _waiting(event) is None or not Event.objects.filter(pk=event.pk, state=EventState.PUBLISHED).exists():
            raise _refused(event, people, contact, now)  # (the event read may be a second old: see selectors)
        rows.insert([registration])  # the unique indexes refuse a retry's key, or a contact's second
        for participant in participants:
            participant.registration = registration
        rows.insert(participants)
        for task, kwargs in mails:
            enqueue_with_change(task, registration_pk=registration.pk, kind=kwargs["kind"] or registration.status)
    return registration


def _refused(event: Event, people: list[Person], contact: dict, now: datetime.datetime) -> DomainError:
    """Why nothing was written: the event as it is now fails a check (its host changed or cancelled it since it
    was read), or it is full and has no waiting list."""
    current = Event.objects.filter(pk=event.pk).first()
    if current is None:  # deleted since
        return DomainError(_("This event is not open for registration."))
    _check(current, people, contact, now)
    return DomainError(_("The event is full, and it has no waiting list."))


def _waiting(event: Event) -> str | None:
    """What a registration is when the seats are taken: waiting, or nothing when the event has no waiting list."""
    return Status.WAITING if event.waiting_list else None


def _locked(registration: Registration) -> Registration:
    return Registration.objects.select_for_update().select_related("event").get(pk=registration.pk)


def confirm_consent(
    *, registration: Registration, photos: bool = False, now: datetime.datetime | None = None
) -> Registration:
    """The guardian confirmed, by the signed link in their e-mail. The child's seat is kept; if the time to
    confirm had run out and the seat was given away, the child goes on the waiting list (or is confirmed, if a
    seat is free)."""
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked(registration)
        if current.consent_given_at is not None or current.status not in (Status.PENDING_CONSENT, Status.WAITING):
            return current
        current.consent_given_at, current.photos_allowed = now, photos
        # Free seats with people waiting are held back only for children without consent, so taking one is fair.
        current.status = Status.CONFIRMED if seats.take(current) else Status.WAITING
        current.save(update_fields=["consent_given_at", "photos_allowed", "status"])
        mail_with_change(current, current.status)
    return current


def withdraw_consent(*, registration: Registration, now: datetime.datetime | None = None) -> Registration:
    """The guardian says no, or takes a yes back, by the same signed link. Before the event the child may not
    come without it: the registration is cancelled and its seats go on. Once it has begun, whether the child came
    stays counted, and the child's name and the guardian's details are erased. When it was said stays on record
    (until the registration is erased)."""
    from tvatakt.inclusion import privacy  # privacy uses the services: imported here

    now = now or timezone.now()
    if not registration.consent_version:
        raise DomainError(_("This registration needs no guardian's consent."))
    with transaction.atomic():
        current = _locked(registration)
        if current.consent_withdrawn_at is not None or current.erased_at is not None:
            return current
        current.consent_withdrawn_at = now
        current.save(update_fields=["consent_withdrawn_at"])
        if current.event.starts_at <= now:
            privacy.erase_children(current)
        else:
            cancel(registration=current, reason=_("The guardian has not given consent."))
    return Registration.objects.select_related("event").get(pk=current.pk)


def set_photos(*, registration: Registration, allowed: bool) -> Registration:
    """A yes or no to photos, changed at any time. When a child comes, only the guardian decides (their page),
    and only while their consent stands."""
    with transaction.atomic():
        current = _locked(registration)
        if allowed and current.consent_version and (not current.consent_given_at or current.consent_withdrawn_at):
            raise DomainError(_("Photos of a child need the guardian's consent first."))
        current.photos_allowed = allowed
        current.save(update_fields=["photos_allowed"])
    return current


def cancel(*, registration: Registration, reason: str = "") -> Registration:
    """Cancel; the seats go to the first on the waiting list. Cancelling again changes nothing."""
    with transaction.atomic():
        current = _locked(registration)
        if current.status not in ACTIVE:
            return current
        current.status, current.cancel_reason = Status.CANCELLED, reason[:200]
        current.offer_expires_at = None
        current.save(update_fields=["status", "cancel_reason", "offer_expires_at"])
        mail_with_change(current, "cancelled")
        if seats.release(current):
            offer_next(event=current.event)
    return current


def offer_next(*, event: Event, now: datetime.datetime | None = None) -> list[Registration]:
    """Offer free seats to the waiting list, first come first served: each the first whose group fits the seats
    free. An offer holds the seats until it expires. Returns the offers made."""
    now = now or timezone.now()
    offered = []
    waiting = event.registrations.filter(status=Status.WAITING).order_by("created_at", "pk")
    for registration in waiting.select_for_update():
        if registration.consent_version and registration.consent_given_at is None:
            continue  # a child whose guardian has not confirmed: not yet
        if not seats.take(registration):
            continue  # a group too big for the seats free; someone after it may fit
        registration.status = Status.OFFERED
        registration.offer_expires_at = now + datetime.timedelta(hours=event.offer_hours)
        registration.save(update_fields=["status", "offer_expires_at"])
        mail_with_change(registration, "offered")
        offered.append(registration)
    return offered


def accept_offer(*, registration: Registration, now: datetime.datetime | None = None) -> Registration:
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked(registration)
        if current.status != Status.OFFERED:
            raise DomainError(_("There is no seat offered to this registration now."))
        if current.offer_expires_at and current.offer_expires_at <= now:
            raise DomainError(_("The offer has run out. The seat has gone to the next person waiting."))
        current.status, current.offer_expires_at = Status.CONFIRMED, None
        current.save(update_fields=["status", "offer_expires_at"])
        mail_with_change(current, "confirmed")
    return current


def expire_offers(*, now: datetime.datetime | None = None) -> int:
    """End the offers not accepted in time, and pass their seats on. Safe to run twice, and at once: each offer
    is ended by a conditional UPDATE, so only one run ends it and passes its seats on."""
    now = now or timezone.now()
    ended = 0
    for registration in Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now):
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, status=Status.OFFERED).update(
                status=Status.CANCELLED, cancel_reason=_("The offer was not accepted in time."), offer_expires_at=None
            )
            if not claimed:
                continue
            ended += 1
            mail_with_change(registration, "cancelled")
            seats.release(registration)
            offer_next(event=registration.event, now=now)
    return ended


def expire_consents(*, now: datetime.datetime | None = None) -> int:
    """A child's seat waits for the guardian only so long: then it is given back (the registration stays, waiting
    for the consent, and then for a seat)."""
    now = now or timezone.now()
    ended = 0
    late = Registration.objects.filter(status=Status.PENDING_CONSENT, consent_deadline__lte=now)
    for registration in late.select_related("event"):
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration.pk, status=Status.PENDING_CONSENT).update(
                status=Status.WAITING
            )
            if claimed and seats.release(registration):
                ended += 1
                offer_next(event=registration.event, now=now)
    return ended
