"""Registering, the waiting list and its offers, a guardian's consent, cancelling: every rule in the service."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from tvatakt.core.errors import DomainError
from tvatakt.inclusion import services
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Event, Registration

from .conftest import adult, child, contact, make_event

pytestmark = pytest.mark.django_db


def seats_add_up(event: Event) -> None:
    """The event's count is the sum of the seats its registrations hold."""
    event.refresh_from_db()
    held = sum(event.registrations.filter(holds_seats=True).values_list("seats", flat=True))
    assert event.seats_taken == held <= event.capacity


def test_seats_are_confirmed_until_full_then_the_waiting_list_takes_over(event):
    statuses = [services.register(event=event, people=[adult()], **contact(n)).status for n in range(7)]
    assert statuses == [Status.CONFIRMED] * 5 + [Status.WAITING] * 2
    seats_add_up(event)


def test_a_full_event_without_a_waiting_list_says_so_and_saves_nothing(db):
    event = make_event(capacity=1, waiting_list=False)
    services.register(event=event, people=[adult()], **contact(1))
    with pytest.raises(DomainError, match="full, and it has no waiting list"):
        services.register(event=event, people=[adult()], **contact(2))
    assert event.registrations.count() == 1


def test_a_group_books_all_its_seats_or_none(db):
    event = make_event(capacity=4)
    services.register(event=event, people=[adult(), adult("B")], **contact(1))
    family = services.register(event=event, people=[adult("Mamma"), adult("Pappa"), adult("Moster")], **contact(2))
    assert family.status == Status.WAITING and not family.holds_seats
    single = services.register(event=event, people=[adult("C")], **contact(3))
    assert single.status == Status.CONFIRMED  # one seat was free: it is not kept back for the group
    seats_add_up(event)


def test_a_retry_with_the_same_key_gets_the_same_registration(event):
    first = services.register(event=event, people=[adult()], idempotency_key="abc-123", **contact(1))
    again = services.register(event=event, people=[adult()], idempotency_key="abc-123", **contact(1))
    assert again.pk == first.pk and event.registrations.count() == 1
    seats_add_up(event)


def test_registering_twice_with_the_same_contact_takes_no_second_seat(event):
    services.register(event=event, people=[adult()], **contact(1))
    with pytest.raises(DomainError, match="already registered"):
        services.register(event=event, people=[adult("Någon annan")], **contact(1, email="DELTAGARE1@example.se"))
    with pytest.raises(DomainError, match="already registered"):
        services.register(event=event, people=[adult()], **contact(2, phone="070-1234567"))  # a new e-mail …
        services.register(event=event, people=[adult()], **contact(3, phone="070-1234567"))  # … the same phone
    seats_add_up(event)


@pytest.mark.parametrize(
    ("shift", "expected"),
    [({"registration_opens": 1}, "Registration opens"), ({"registration_closes": -1}, "Registration has closed")],
)
def test_registration_only_while_it_is_open(db, shift, expected):
    now = timezone.now()
    fields = {key: now + datetime.timedelta(hours=hours) for key, hours in shift.items()}
    if "registration_closes" in fields:
        fields["registration_opens"] = now - datetime.timedelta(days=2)
    event = make_event(**fields)
    with pytest.raises(DomainError, match=expected):
        services.register(event=event, people=[adult()], **contact(1))
    assert not event.registrations.exists()


def test_an_age_outside_the_events_range_is_explained(db):
    event = make_event(age_min=65, age_max=85, slug="test-seniorcafe")
    with pytest.raises(DomainError) as refused:
        services.register(event=event, people=[adult("Nora")], **contact(1))
    assert "Nora: this event is for ages 65 to 85." in refused.value.message_dict["participants"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"email": "", "phone": ""}, "email"), ({"contact_name": " "}, "contact_name"), ({"needs": ["jetpack"]}, "needs")],
)
def test_bad_contact_details_are_refused_at_their_field(event, fields, field):
    with pytest.raises(DomainError) as refused:
        services.register(event=event, people=[adult()], **contact(1, **fields))
    assert field in refused.value.message_dict
    assert not event.registrations.exists()


def test_a_child_needs_a_guardian_who_confirms_and_the_seat_waits_only_so_long(event):
    with pytest.raises(DomainError) as refused:
        services.register(event=event, people=[child()], **contact(1))
    assert {"guardian_name", "guardian_email"} <= set(refused.value.message_dict)

    guardian = {"guardian_name": "Sara Lind", "guardian_email": "sara@example.se"}
    registration = services.register(event=event, people=[child()], **contact(1, **guardian))
    assert registration.status == Status.PENDING_CONSENT and registration.holds_seats
    assert registration.consent_version and registration.consent_deadline

    services.expire_consents(now=registration.consent_deadline + datetime.timedelta(minutes=1))
    registration.refresh_from_db()
    assert registration.status == Status.WAITING and not registration.holds_seats  # the seat went back
    seats_add_up(event)
    confirmed = services.confirm_consent(registration=registration)
    assert confirmed.status == Status.CONFIRMED and confirmed.consent_given_at  # a seat was still free
    seats_add_up(event)


def test_a_guardian_takes_the_consent_back_and_the_seat_goes_on(event):
    guardian = {"guardian_name": "Sara Lind", "guardian_email": "sara@example.se"}
    registration = services.register(event=event, people=[child()], **contact(1, **guardian))
    registration = services.confirm_consent(registration=registration)
    assert registration.status == Status.CONFIRMED
    withdrawn = services.withdraw_consent(registration=registration)
    assert withdrawn.status == Status.CANCELLED and not withdrawn.holds_seats
    assert withdrawn.consent_given_at and withdrawn.consent_withdrawn_at  # both stay on the record
    seats_add_up(event)
    again = services.withdraw_consent(registration=withdrawn)  # twice: the first time stands
    assert again.consent_withdrawn_at == withdrawn.consent_withdrawn_at
    assert services.confirm_consent(registration=again).status == Status.CANCELLED  # no way back by the old link

    adult_only = services.register(event=event, people=[adult()], **contact(2))
    with pytest.raises(DomainError, match="needs no guardian"):
        services.withdraw_consent(registration=adult_only)


@pytest.mark.parametrize("when", ["during", "after"])
def test_consent_taken_back_once_the_event_has_begun_erases_only_the_child_s_details(event, when):
    guardian = {"guardian_name": "Sara Lind", "guardian_email": "sara@example.se"}
    registration = services.confirm_consent(
        registration=services.register(event=event, people=[child(), adult("Sara Lind")], **contact(1, **guardian)),
        photos=True,
    )
    Registration.objects.filter(pk=registration.pk).update(status=Status.ATTENDED)  # as the host's check-in does
    moment = event.starts_at + datetime.timedelta(minutes=30) if when == "during" else event.ends_at
    withdrawn = services.withdraw_consent(registration=registration, now=moment)
    # Whether the child came still counts, and no seat is offered at an event under way.
    assert withdrawn.status == Status.ATTENDED and withdrawn.code == registration.code
    assert withdrawn.guardian_name == withdrawn.guardian_email == "" and not withdrawn.photos_allowed
    assert sorted(person.name for person in withdrawn.participants.all()) == ["", "Sara Lind"]  # the adult's stays
    assert withdrawn.contact_name and withdrawn.erased_at is None and withdrawn.consent_withdrawn_at == moment


def test_photos_need_a_yes_and_for_a_child_the_guardian_s(event):
    guardian = {"guardian_name": "Sara Lind", "guardian_email": "sara@example.se", "photos_allowed": True}
    kid = services.register(event=event, people=[child()], **contact(1, **guardian))
    assert not kid.photos_allowed  # whoever registers a child does not decide it
    with pytest.raises(DomainError, match="guardian's consent first"):
        services.set_photos(registration=kid, allowed=True)
    assert services.confirm_consent(registration=kid, photos=True).photos_allowed
    assert not services.set_photos(registration=kid, allowed=False).photos_allowed  # taken back
    grown = services.register(event=event, people=[adult()], **contact(2, photos_allowed=True))
    assert grown.photos_allowed and not services.set_photos(registration=grown, allowed=False).photos_allowed


def test_a_cancelled_seat_is_offered_to_the_first_waiting_and_an_offer_expires_once(db):
    event = make_event(capacity=1, offer_hours=48)
    first = services.register(event=event, people=[adult()], **contact(1))
    second = services.register(event=event, people=[adult()], **contact(2))
    third = services.register(event=event, people=[adult()], **contact(3))
    services.cancel(registration=first, reason="Sjuk")
    second.refresh_from_db()
    assert second.status == Status.OFFERED and second.offer_expires_at
    seats_add_up(event)

    later = second.offer_expires_at + datetime.timedelta(minutes=1)
    assert services.expire_offers(now=later) == 1
    assert services.expire_offers(now=later) == 0  # a second run finds nothing to pass on
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Status.CANCELLED and third.status == Status.OFFERED
    with pytest.raises(DomainError, match="no seat offered"):
        services.accept_offer(registration=second)
    assert services.accept_offer(registration=third).status == Status.CONFIRMED
    seats_add_up(event)


def test_cancelling_twice_gives_back_the_seats_once(event):
    registration = services.register(event=event, people=[adult(), adult("B")], **contact(1))
    services.cancel(registration=registration)
    services.cancel(registration=registration)
    event.refresh_from_db()
    assert event.seats_taken == 0


def test_capacity_cannot_drop_below_the_seats_taken_and_more_seats_go_to_the_waiting(db, person):
    event = make_event(capacity=2)
    host = person("admin")
    for number in range(4):
        services.register(event=event, people=[adult()], **contact(number))
    with pytest.raises(DomainError) as refused:
        services.set_capacity(actor=host, event=event, capacity=1)
    assert "2 seats are already taken" in refused.value.message_dict["capacity"][0]
    services.set_capacity(actor=host, event=event, capacity=3)
    assert event.registrations.filter(status=Status.OFFERED).count() == 1
    seats_add_up(event)


def test_a_cancelled_event_leaves_no_one_confirmed(event, person):
    for number in range(7):
        services.register(event=event, people=[adult()], **contact(number))
    with pytest.raises(DomainError):
        services.cancel_event(actor=person("admin"), event=event, reason=" ")
    services.cancel_event(actor=person("admin"), event=event, reason="Lokalen är stängd.")
    assert set(event.registrations.values_list("status", flat=True)) == {Status.CANCELLED}
    seats_add_up(event)


def test_check_in_and_no_shows(event, person):
    host = person("admin")
    came = services.register(event=event, people=[adult()], **contact(1))
    stayed_home = services.register(event=event, people=[adult()], **contact(2))
    assert services.check_in(actor=host, registration=came).status == Status.ATTENDED
    assert services.check_in(actor=host, registration=came).status == Status.ATTENDED  # twice: the same
    with pytest.raises(DomainError, match="Mark no-shows after the event"):
        services.mark_no_shows(actor=host, event=event)
    assert services.mark_no_shows(actor=host, event=event, now=event.ends_at) == 1
    stayed_home.refresh_from_db()
    assert stayed_home.status == Status.NO_SHOW
    seats_add_up(event)


def test_only_a_host_runs_the_event(event, person):
    from tvatakt.core.errors import NotAllowed

    with pytest.raises(NotAllowed):
        services.set_capacity(actor=person("medborgare"), event=event, capacity=10)
    assert Registration.objects.filter(event=event).count() == 0


def test_a_check_in_code_is_eight_letters_of_the_alphabet_each_as_likely():
    from tvatakt.inclusion.services.registrations import CODE_ALPHABET, CODE_LENGTH, new_code

    assert 256 % len(CODE_ALPHABET) == 0  # one random byte a letter is even only then
    codes = [new_code() for _ in range(2000)]
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in codes)
    letters = Counter("".join(codes))
    assert set(letters) == set(CODE_ALPHABET)  # 16,000 letters: each of 32 comes about 500 times
    assert max(letters.values()) < 2 * min(letters.values())
    assert len(set(codes)) == len(codes)
