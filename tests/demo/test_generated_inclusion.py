import datetime

import pytest
from django.db.models import Q
from django.utils import timezone

from tvatakt.demo import generator
from tvatakt.demo.generated_inclusion import code
from tvatakt.demo.generator import GENERATED_PREFIX
from tvatakt.inclusion.choices import HOLDS_SEATS, EventState, Status, needs_guardian
from tvatakt.inclusion.models import Event, Feedback, Participant, Registration
from tvatakt.inclusion.privacy import GUARDIAN, PERSONAL, retention_days
from tvatakt.inclusion.services.registrations import CODE_ALPHABET, CODE_LENGTH

pytestmark = pytest.mark.django_db


def step():
    return next(step for step in generator.STEPS if step.name == "inclusion")


def run(stop: int) -> None:
    step().run(step().done(), stop, lambda n: None)


def generated():
    return Event.objects.filter(slug__startswith=GENERATED_PREFIX)


def registrations():
    return Registration.objects.filter(event__slug__startswith=GENERATED_PREFIX)


@pytest.fixture
def events():
    run(60)


def test_the_step_makes_10000_events_at_scale_1():
    assert step().per_scale == 10000


def test_generated_events_and_registrations_are_valid(events):
    assert generated().count() == step().done() == 60
    assert 20 <= registrations().count() / 60 <= 40  # about 30 an event
    for number, event in enumerate(generated()):
        if number % 3 == 0:
            event.full_clean()
        assert event.slug == f"{GENERATED_PREFIX}{int(event.slug[4:]):07d}"
        assert event.place_id or event.online_url
    for number, registration in enumerate(registrations().prefetch_related("participants")):
        participants = list(registration.participants.all())
        assert len(participants) == registration.seats >= 1
        groups = [participant.age_group for participant in participants]
        if registration.erased_at is None:
            assert registration.email or registration.phone
            assert bool(registration.guardian_email) == any(needs_guardian(group) for group in groups)
        if number % 10 == 0:  # erasure blanks the contact's name, which a form requires
            registration.full_clean(exclude=["contact_name"] if registration.erased_at else [])
            for participant in participants:
                participant.full_clean(exclude=["name"] if registration.erased_at else [])
    withdrawn = registrations().filter(consent_withdrawn_at__isnull=False)
    assert not withdrawn.exclude(status=Status.CANCELLED, consent_version__gt="").exists()  # the guardian said no
    assert (
        not registrations().filter(photos_allowed=True, consent_version__gt="", consent_given_at__isnull=True).exists()
    )
    for feedback in Feedback.objects.filter(registration__in=registrations()).select_related("registration"):
        feedback.full_clean()
        assert feedback.registration.status == Status.ATTENDED


def test_every_generated_event_holds_the_seats_of_its_registrations_that_hold_seats(events):
    for event in generated().prefetch_related("registrations"):
        rows = list(event.registrations.all())
        assert event.seats_taken == sum(row.seats for row in rows if row.holds_seats) <= event.capacity, event.slug
        assert all(row.holds_seats == (row.status in HOLDS_SEATS) for row in rows), event.slug
        if event.state == EventState.CANCELLED:
            assert event.seats_taken == 0 and {row.status for row in rows} <= {Status.CANCELLED}
        if event.state == EventState.DRAFT:
            assert not rows


def test_statuses_kinds_and_places_are_mixed(events):
    now = timezone.now()
    statuses = set(registrations().values_list("status", flat=True))
    assert {Status.ATTENDED, Status.NO_SHOW, Status.CANCELLED, Status.WAITING, Status.CONFIRMED} <= statuses
    assert not registrations().filter(event__ends_at__gt=now, status__in=[Status.ATTENDED, Status.NO_SHOW]).exists()
    assert (
        not registrations()
        .filter(event__ends_at__lte=now, status__in=[Status.CONFIRMED, Status.OFFERED, Status.PENDING_CONSENT])
        .exists()
    )
    assert (
        registrations().filter(status=Status.ATTENDED).count()
        > 4 * registrations().filter(status=Status.NO_SHOW).count()
    )
    assert len(set(generated().values_list("kind", flat=True))) == 5
    assert generated().values("place__district").distinct().count() >= 8
    assert generated().filter(ends_at__gt=now).exists() and generated().filter(ends_at__lt=now).exists()
    first, last = generated().order_by("starts_at").first(), generated().order_by("starts_at").last()
    assert (last.starts_at - first.starts_at).days > 3 * 365


def test_codes_are_unique_in_the_services_alphabet_and_erased_ones_are_x_and_the_key(events):
    codes = list(registrations().values_list("pk", "code", "erased_at"))
    assert len({found for _pk, found, _erased in codes}) == len(codes)
    for pk, found, erased_at in codes:
        if erased_at is None:
            assert len(found) == CODE_LENGTH and set(found) <= set(CODE_ALPHABET) and found[0] != "X"
        else:
            assert found == f"X{pk}"
    made = {code(index, number) for index in range(0, 200_000, 97) for number in range(40)}
    assert len(made) == len(range(0, 200_000, 97)) * 40


def test_registrations_of_events_past_the_retention_keep_no_personal_data(events):
    cutoff = timezone.now() - datetime.timedelta(days=retention_days())
    old = registrations().filter(event__ends_at__lt=cutoff)
    assert old.exists() and not old.filter(erased_at__isnull=True).exists()
    recent = registrations().filter(event__ends_at__gt=cutoff + datetime.timedelta(hours=1))
    assert recent.exists() and not recent.filter(erased_at__isnull=False).exists()
    kept = Q(consent_withdrawn_at__isnull=False)
    for field, blank in (PERSONAL | GUARDIAN).items():
        kept |= Q(**{f"{field}__isnull": False}) if blank is None else ~Q(**{field: blank})
    assert not old.filter(kept).exists()
    assert not Participant.objects.filter(registration__in=old).exclude(name="").exists()
    assert not Feedback.objects.filter(registration__in=old).exclude(comment="").exists()
    assert Feedback.objects.filter(registration__in=old).exists()  # the answers stay, for the reach figures
    for registration in old.select_related("event")[:50]:
        assert registration.event.ends_at + datetime.timedelta(days=retention_days()) < registration.erased_at


def test_the_step_continues_where_it_stopped_and_a_second_run_adds_nothing(events):
    first = list(generated().order_by("slug").values_list("slug", "title", "starts_at", "seats_taken"))
    run(90)
    assert step().done() == 90
    assert list(generated().order_by("slug").values_list("slug", "title", "starts_at", "seats_taken")[:60]) == first
    before = (
        Event.objects.count(),
        Registration.objects.count(),
        Participant.objects.count(),
        Feedback.objects.count(),
    )
    run(90)
    step().run(0, 90, lambda n: None)
    assert (
        Event.objects.count(), Registration.objects.count(), Participant.objects.count(), Feedback.objects.count()
    ) == before  # fmt: skip


def fingerprint():
    events = list(generated().order_by("slug").values_list("slug", "title", "kind", "starts_at", "capacity",
                                                          "seats_taken", "state", "languages"))  # fmt: skip
    rows = list(
        registrations()
        .order_by("event__slug", "pk")
        .values_list("event__slug", "status", "seats", "holds_seats", "contact_name", "email", "district_id")
    )
    people = list(
        Participant.objects.filter(registration__in=registrations())
        .order_by("registration__event__slug", "registration_id", "pk")
        .values_list("name", "age_group", "first_time")
    )
    codes = sorted(registrations().filter(erased_at__isnull=True).values_list("code", flat=True))
    return events, rows, people, codes


def test_the_same_index_gives_the_same_event_however_the_runs_are_cut(events):
    made = fingerprint()
    generated().delete()
    step().run(0, 30, lambda n: None)
    step().run(30, 60, lambda n: None)
    assert fingerprint() == made
