"""Digital-inclusion events at Stockholm scale, for the generator (`tvatakt generate`): 10,000 events at scale 1,
with about 300,000 registrations.

Four years of past events and a coming season, about six a day, at the demo's places in all eleven districts and
online, of every kind, age group and language. An index's day is scrambled (index × STRIDE modulo SPAN), so any
run of indexes covers the whole span, and a larger scale makes the days busier, not the span longer. Each event
comes with its registrations as the services would have left them: seats taken in the order people registered
until the event was full, then the waiting list (when it has one); some cancelled, and their seats went to the
first waiting whose group fitted. A past event carries who came and who did not, and some of the survey's
answers; a coming one has children waiting for their guardian's consent and seats offered from the waiting list.
`seats_taken` is the sum of the seats held, `holds_seats` is true exactly for the statuses in HOLDS_SEATS.
Registrations of events that ended more than the retention period ago are erased as privacy.erase() leaves them.

Every event is drawn from its own seeded random source, so an index gives the same event however the runs are
cut. A registration's code comes from its event's index and its place in the event, through a bijection onto the
service's codes, so codes never repeat. An event made already is skipped, with its registrations. The events go in
by bulk_create, their registrations, participants and answers by insert_rows (COPY on PostgreSQL, executemany
elsewhere): with bulk_create alone the step took nearly three minutes on SQLite. Planner statistics come last.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from tvatakt.demo import city
from tvatakt.demo.generator import GENERATED_PREFIX, Advance, batched, insert_rows
from tvatakt.inclusion.choices import (
    HOLDS_SEATS,
    EventKind,
    EventState,
    Language,
    Need,
    Status,
    age_bounds,
    needs_guardian,
)
from tvatakt.inclusion.models import Event, Feedback, Learned, Participant, Place, Registration
from tvatakt.inclusion.privacy import GUARDIAN, PERSONAL, retention_days
from tvatakt.inclusion.services.registrations import CODE_ALPHABET, CODE_LENGTH, CONSENT_VERSION
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Organisation, RoleAssignment

SEED = 20261202
SPAN = 10_000  # slots in time; index N is held on slot N × STRIDE mod SPAN
STRIDE = 7919  # a prime, so coprime with SPAN: every slot is used once per SPAN indexes
DAYS_BACK, DAYS_AHEAD = 4 * 365, 120
BATCH = 250  # events per transaction; each brings about 30 registrations
ONLINE_SHARE = 0.08
CANCEL_SHARE = 0.08  # registrations cancelled by the person
NO_SHOW_SHARE = 0.13
FEEDBACK_SHARE = 0.4  # of those who came
EVENT_CANCELLED = "Ledaren är sjuk. Vi bjuder in till ett nytt tillfälle."
WITHDRAWN = "Vårdnadshavaren har inte gett sitt samtycke."  # what services.withdraw_consent writes, in Swedish
# Codes: the service's alphabet and length. The first character is never X: an erased registration's code is X
# and its key, and no generated code should ever be one.
FIRST = CODE_ALPHABET.replace("X", "")
CODES = len(FIRST) * len(CODE_ALPHABET) ** (CODE_LENGTH - 1)
MULTIPLIER = 1_000_000_007  # odd and not a multiple of 31, so n → n × MULTIPLIER mod CODES is a bijection
RESERVE = CODES // 2  # added to n for the rare code a demo registration drew already
PER_EVENT = 1000  # registration numbers per event in the codes' input; an event never has as many


@dataclass(frozen=True)
class Topic:
    kind: str
    title: str
    title_en: str
    description: str
    description_en: str
    ages: tuple[int, int]
    target_group: str


T = Topic
TOPICS = [
    T(EventKind.WORKSHOP, "Digital vardag: e-tjänster och BankID", "Everyday digital: e-services and BankID",
      "Vi visar hur du loggar in med BankID, betalar räkningar och bokar tid. Ta med din telefon.",
      "We show how to log in with BankID, pay bills and book appointments. Bring your phone.", (18, 85),
      "Alla som vill bli tryggare digitalt."),
    T(EventKind.WORKSHOP, "Säker på nätet: bedrägerier och lösenord", "Safe online: fraud and passwords",
      "Hur känner du igen ett bedrägeri? Vi övar på säkra lösenord och på att säga nej i telefon.",
      "How do you spot a fraud? We practise safe passwords and saying no on the phone.", (18, 85),
      "Alla som vill bli tryggare digitalt."),
    T(EventKind.WORKSHOP, "Stadens e-tjänster på lätt svenska", "The city's e-services in easy Swedish",
      "Vi går igenom stadens e-tjänster steg för steg. Vi pratar lätt svenska och tar god tid.",
      "We go through the city's e-services step by step, in easy Swedish and with plenty of time.", (18, 85),
      "Dig som är ny i Sverige eller vill ha det enkelt."),
    T(EventKind.WORKSHOP, "Mobilen, appar och källkritik", "Phones, apps and checking sources",
      "Vi pratar om appar, integritet och hur du vet vad som är sant på nätet.",
      "We talk about apps, privacy and how to tell what is true online.", (13, 17), "Dig som är 13 till 17 år."),
    T(EventKind.DIALOGUE, "Dialogmöte: vad behöver du av stadens e-tjänster?",
      "Dialogue: what do you need from the city's e-services?",
      "Berätta vad som är svårt och vad som fungerar. Vi lyssnar och tar med oss det.",
      "Tell us what is hard and what works. We listen and take it with us.", (16, 85), "Alla som bor i staden."),
    T(EventKind.DIALOGUE, "Unga om det digitala: vad ska staden göra?", "Young people on digital life",
      "Vad tycker du att staden ska göra digitalt? Vi ses, pratar och bjuder på pizza.",
      "What should the city do online? Come and talk; we bring the pizza.", (13, 29), "Unga mellan 13 och 29."),
    T(EventKind.SENIOR_CAFE, "Seniorcafé: surfplattan och videosamtal", "Senior café: tablets and video calls",
      "Fika och hjälp med surfplattan. Vi övar på videosamtal med barnbarnen.",
      "Coffee and help with the tablet. We practise video calls with the grandchildren.", (65, 85),
      "Dig som är 65 eller äldre."),
    T(EventKind.SENIOR_CAFE, "Seniorcafé: Swish och mobilt BankID", "Senior café: Swish and mobile BankID",
      "Fika och övning i lugn takt: vi skaffar mobilt BankID och swishar till varandra.",
      "Coffee and practice at an easy pace: we get mobile BankID and pay each other by Swish.", (65, 85),
      "Dig som är 65 eller äldre."),
    T(EventKind.CODING_PARTY, "Kodkalas för barn", "Coding party for children",
      "Vi programmerar ett spel tillsammans. Barnen kommer med en vuxen.",
      "We program a game together. The children come with an adult.", (7, 12), "Barn mellan 7 och 12, med en vuxen."),
    T(EventKind.CODING_PARTY, "Kodkalas: bygg en robot", "Coding party: build a robot",
      "Vi bygger och programmerar små robotar. Barnen kommer med en vuxen.",
      "We build and program small robots. The children come with an adult.", (9, 12), "Barn mellan 9 och 12."),
    T(EventKind.CODING_PARTY, "Kodkalas för de yngsta", "Coding party for the youngest",
      "Vi lär en robot att gå genom en labyrint, utan skärm. Barnen kommer med en vuxen.",
      "We teach a robot to walk through a maze, without a screen. The children come with an adult.", (7, 9),
      "Barn mellan 7 och 9, med en vuxen."),
    T(EventKind.CODING_PARTY, "Programmering för tonåringar", "Coding for teenagers",
      "Vi gör en egen webbsida från grunden. Ingen förkunskap behövs.",
      "We make a web page from scratch. No experience needed.", (13, 17), "Dig som är 13 till 17 år."),
    T(EventKind.MANAGERS, "Digital ledning för chefer", "Digital leadership for managers",
      "Hur leder du digital förändring i din verksamhet? Vi börjar med cheferna.",
      "How do you lead digital change in your service? We start with the managers.", (25, 67), "Chefer i staden."),
    T(EventKind.MANAGERS, "AI i verksamheten: en workshop för chefer", "AI at work: a workshop for managers",
      "Vad kan AI göra i din verksamhet, och vad ska den inte göra? Vi provar och diskuterar.",
      "What can AI do in your service, and what should it not do? We try it and talk it over.", (25, 67),
      "Chefer i staden."),
]  # fmt: skip
KINDS = {  # kind: (weight, seats from–to, start hours, hours long, shares of bookings for 1, 2 and 3 seats)
    EventKind.WORKSHOP: (35, (20, 50), (10, 13, 14, 17, 18), 2, (90, 10, 0)),
    EventKind.DIALOGUE: (15, (35, 95), (17, 18), 2, (85, 15, 0)),
    EventKind.SENIOR_CAFE: (25, (15, 45), (10, 13, 14), 2, (70, 30, 0)),
    EventKind.CODING_PARTY: (15, (20, 55), (10, 13, 15), 3, (70, 25, 5)),
    EventKind.MANAGERS: (10, (20, 50), (8, 9, 13), 3, (100, 0, 0)),
}
# Which participants come, by age group, among those an event is for.
AGE_WEIGHTS = {"7-12": 10, "13-17": 6, "18-29": 2, "30-49": 3, "50-64": 4, "65-74": 6, "75-85": 5}
# Languages besides Swedish, by district: where many speak them.
LANGUAGES_BY_DISTRICT = {
    "Järva": ("ar", "so", "en"), "Skärholmen": ("ar", "so", "fi"), "Farsta": ("fi", "ar"),
    "Enskede-Årsta-Vantör": ("ar", "fi"), "Hässelby-Vällingby": ("fi", "so"), "Hägersten-Älvsjö": ("en", "ar"),
}  # fmt: skip
LEARNED = {
    EventKind.CODING_PARTY: [Learned.CODING],
    EventKind.MANAGERS: [Learned.E_SERVICES, Learned.OTHER],
    EventKind.SENIOR_CAFE: [Learned.VIDEO, Learned.BANKID, Learned.SAFETY],
}
LEARNED_OTHERWISE = [Learned.BANKID, Learned.E_SERVICES, Learned.SAFETY]
COMMENTS = ["Bra tempo och snälla ledare.", "Nu vågar jag logga in själv.", "Mer tid att öva nästa gång, tack.",
            "Roligt!", "Svårt men lärorikt.", "Fikat var gott och alla var hjälpsamma."]  # fmt: skip
NEEDS_TEXT = ["Jag hör dåligt och sitter gärna längst fram.", "Jag kommer med rullator.", "Jag behöver pauser."]
CANCEL_REASONS = ["Blev sjuk.", "Kan inte komma den dagen.", ""]
ASCII = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")


def done() -> int:
    return Event.objects.filter(slug__startswith=GENERATED_PREFIX).count()


def slug(index: int) -> str:
    return f"{GENERATED_PREFIX}{index:07d}"


def offset_days(index: int) -> int:
    """The event's day, in days from today: the same on every machine and however the runs are cut."""
    position = (index % SPAN) * STRIDE % SPAN
    return position * (DAYS_BACK + DAYS_AHEAD) // SPAN - DAYS_BACK


def code(index: int, number: int, taken: frozenset[str] = frozenset()) -> str:
    """Registration `number` of event `index`'s code: eight of the service's characters, unique by construction."""
    n, rest = index * PER_EVENT + number, len(CODE_ALPHABET) ** (CODE_LENGTH - 1)
    for candidate in (n, n + RESERVE):
        value = candidate * MULTIPLIER % CODES
        chars = [FIRST[value // rest]]
        value %= rest
        for _position in range(CODE_LENGTH - 1):
            value, digit = divmod(value, len(CODE_ALPHABET))
            chars.append(CODE_ALPHABET[digit])
        found = "".join(chars)
        if found not in taken:
            return found
    raise AssertionError("two codes taken")  # pragma: no cover - needs two collisions with random demo codes


@dataclass
class Context:
    now: datetime.datetime
    today: datetime.date
    zone: datetime.tzinfo
    places: dict[str, list[Place]]  # district name: its places
    districts: dict[str, int]  # district name: its administration's key
    culture: int
    hosts: dict[int, int]  # organisation: an event host for it
    taken: frozenset[str]  # codes the demo's registrations drew


def _context() -> Context:
    districts = {
        name.removesuffix(" stadsdelsförvaltning"): pk
        for name, pk in Organisation.objects.filter(kind="district_administration").values_list("name", "pk")
    }
    by_pk = {pk: name for name, pk in districts.items()}
    places: dict[str, list[Place]] = {name: [] for name in city.DISTRICTS}
    for place in Place.objects.filter(district__in=by_pk).order_by("pk"):
        places.setdefault(by_pk[place.district_id], []).append(place)
    culture = Organisation.objects.filter(name="Kulturförvaltningen").values_list("pk", flat=True).first()
    hosts: dict[int, int] = {}
    for organisation, person in (
        RoleAssignment.objects.active().filter(role=Role.EVENT_HOST, organisation__isnull=False).order_by("pk")
        .values_list("organisation_id", "person_id")
    ):  # fmt: skip
        hosts.setdefault(organisation, person)
    demo = Registration.objects.exclude(event__slug__startswith=GENERATED_PREFIX).values_list("code", flat=True)
    return Context(
        now=timezone.now(), today=timezone.localdate(), zone=timezone.get_current_timezone(), places=places,
        districts=districts, culture=culture or next(iter(districts.values())), hosts=hosts, taken=frozenset(demo),
    )  # fmt: skip


def generate(start: int, stop: int, advance: Advance) -> None:
    context, made = _context(), False
    for chunk in batched(range(start, stop), BATCH):
        taken = set(Event.objects.filter(slug__in=[slug(index) for index in chunk]).values_list("slug", flat=True))
        drawn = [_draw(index, context) for index in chunk if slug(index) not in taken]
        if drawn:
            with transaction.atomic():
                _insert(drawn)
            made = True
        advance(len(chunk))
    if made:
        _analyze()


def _analyze() -> None:
    """Fresh statistics for the query planner after a bulk load. PostgreSQL's autovacuum would take them in time (the
    bench's server runs without it), SQLite only when asked. With them the reach figures read the last year's events
    by their start-time index: at scale 1 on SQLite, 1.4 s of CPU without, 0.5 s with."""
    with connection.cursor() as cursor:
        for model in (Event, Registration, Participant, Feedback):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _insert(drawn: list) -> None:
    events = Event.objects.bulk_create([event for event, _host, _rows in drawn], batch_size=BATCH)
    if events and not events[0].pk:  # backends that do not return keys from bulk_create
        pks = dict(Event.objects.filter(slug__in=[event.slug for event in events]).values_list("slug", "pk"))
        for event in events:
            event.pk = pks[event.slug]
    Event.hosts.through.objects.bulk_create(
        [Event.hosts.through(event_id=event.pk, person_id=host) for event, host, _rows in drawn if host]
    )
    rows = [(event, *row) for event, _host, registrations in drawn for row in registrations]
    for event, registration, _people, _feedback in rows:
        registration.event_id = event.pk
    insert_rows(Registration, [row[1] for row in rows])
    pks = dict(Registration.objects.filter(event__in=events).values_list("code", "pk"))
    people, answers = [], []
    for _event, registration, participants, feedback in rows:
        registration.pk = pks[registration.code]
        for participant in participants:
            participant.registration_id = registration.pk
        people += participants
        if feedback is not None:
            feedback.registration_id = registration.pk
            answers.append(feedback)
    insert_rows(Participant, people)
    insert_rows(Feedback, answers)
    # Erasure takes the code too, leaving X and the key (privacy.erase): one UPDATE for the batch.
    Registration.objects.filter(event__in=events, erased_at__isnull=False).update(
        code=Concat(Value("X"), Cast("pk", output_field=CharField()))
    )


def _draw(index: int, context: Context) -> tuple[Event, int | None, list]:
    """Event `index`, an event host for it, and its registrations: [(registration, participants, feedback)]."""
    rng = random.Random(SEED * 1_000_003 + index)
    kind = rng.choices(list(KINDS), weights=[row[0] for row in KINDS.values()])[0]
    _weight, (low, high), hours, length, _seats = KINDS[kind]
    topic = rng.choice([topic for topic in TOPICS if topic.kind == kind])
    district = city.DISTRICTS[rng.randrange(len(city.DISTRICTS))]
    places, online = context.places.get(district) or [], rng.random() < ONLINE_SHARE
    place = rng.choice(places) if places and not online else None
    day = context.today + datetime.timedelta(days=offset_days(index))
    starts = datetime.datetime.combine(day, datetime.time(rng.choice(hours), rng.choice((0, 0, 30))), context.zone)
    ends = starts + datetime.timedelta(hours=length)
    opens = starts - datetime.timedelta(days=rng.randint(14, 60), hours=starts.hour - 9, minutes=starts.minute)
    closes = starts - datetime.timedelta(hours=rng.choice((2, 2, 24)))
    planning, cancelled = rng.random(), rng.random()
    state = EventState.PUBLISHED
    if opens > context.now and planning < 0.1:
        state = EventState.DRAFT  # still being planned
    elif cancelled < 0.02:
        state = EventState.CANCELLED
    extra = [code for code in LANGUAGES_BY_DISTRICT.get(district, ()) if rng.random() < 0.3]
    if kind == EventKind.WORKSHOP and rng.random() < 0.3:
        extra.append(Language.EASY_SWEDISH)
    if kind in (EventKind.DIALOGUE, EventKind.MANAGERS) and rng.random() < 0.2:
        extra.append(Language.ENGLISH)
    where, where_en = (district, district) if place else ("digitalt", "online")
    host = context.culture
    if place is not None and "bibliotek" not in place.name.lower():  # the libraries belong to Kulturförvaltningen
        host = place.district_id
    event = Event(
        slug=slug(index), kind=kind, title=f"{topic.title}, {where}", title_en=f"{topic.title_en}, {where_en}",
        description=topic.description, description_en=topic.description_en, target_group=topic.target_group,
        age_min=topic.ages[0], age_max=topic.ages[1], host_id=host, place=place,
        online_url="" if place else f"https://digitalt-mote.example.org/{slug(index)}",
        languages=["sv", *sorted(set(extra))], starts_at=starts, ends_at=ends, capacity=rng.randint(low, high),
        registration_opens=opens, registration_closes=closes, waiting_list=rng.random() < 0.9,
        consent_hours=96 if kind == EventKind.CODING_PARTY and rng.random() < 0.3 else 72, state=state,
    )  # fmt: skip
    rows = _registrations(rng, index, event, district, context) if state != EventState.DRAFT else []
    event.seats_taken = sum(registration.seats for registration, _people, _answer in rows if registration.holds_seats)
    return event, context.hosts.get(host), rows


@dataclass
class Booking:
    seats: int
    holds: bool
    moved: bool = False  # got its seats from the waiting list
    cancelled: bool = False


def _bookings(rng: random.Random, event: Event, share: float) -> list[Booking]:
    """Who registered, in order, and who kept or got a seat: the services' rules, played out."""
    shares = KINDS[event.kind][4]
    demand = round(event.capacity * share * (rng.uniform(1.1, 1.8) if rng.random() < 0.3 else rng.uniform(0.55, 1)))
    bookings, held, wanted = [], 0, 0
    while wanted < demand:
        seats = rng.choices((1, 2, 3), weights=shares)[0]
        wanted += seats
        if held + seats <= event.capacity:
            held += seats
            bookings.append(Booking(seats, holds=True))
        elif event.waiting_list:
            bookings.append(Booking(seats, holds=False))
    for booking in bookings:
        if rng.random() >= CANCEL_SHARE:
            continue
        if booking.holds:
            held -= booking.seats
        booking.holds, booking.cancelled = False, True
        for waiting in bookings:  # the seats go to the first waiting whose group fits
            if not (waiting.holds or waiting.cancelled) and held + waiting.seats <= event.capacity:
                waiting.holds, waiting.moved, held = True, True, held + waiting.seats
    return bookings


def _registrations(rng: random.Random, index: int, event: Event, district: str, context: Context) -> list:
    now = context.now
    if event.registration_opens >= now:
        return []
    window = (event.registration_closes - event.registration_opens).total_seconds()
    share = min((now - event.registration_opens).total_seconds() / window, 1.0) ** 0.6  # most register early
    erased_at = None
    retention = datetime.timedelta(days=retention_days())
    if event.ends_at + retention < now:
        erased_at = min(event.ends_at + retention + datetime.timedelta(minutes=rng.randint(1, 15)), now)
    ages = [group for group, weight in AGE_WEIGHTS.items() if _overlaps(group, event)]
    weights = [AGE_WEIGHTS[group] for group in ages]
    home, everywhere = context.districts.get(district), list(context.districts.values())
    rows = []
    for number, booking in enumerate(_bookings(rng, event, share)):
        people = [rng.choices(ages, weights=weights)[0] for _seat in range(booking.seats)]
        child = any(needs_guardian(group) for group in people)
        status = _status(rng, booking, event, now, child)
        first, last = rng.choice(city.FIRST_NAMES), rng.choice(city.LAST_NAMES)
        contact = f"{first} {last}"
        address = f"{first}.{last}{number}@example.org".lower().translate(ASCII)
        how, where = rng.random(), rng.random()
        registration = Registration(
            code=code(index, number, context.taken), status=status, seats=booking.seats,
            holds_seats=status in HOLDS_SEATS, contact_name=contact, email="" if how < 0.1 else address,
            # The booking's number in the last digits: one registration in play per phone number at an event.
            phone=f"070-{rng.randint(100, 999)} {number // 100 % 100:02d} {number % 100:02d}" if how < 0.3 else "",
            language="en" if rng.random() < 0.08 else "sv",
            district_id=home if where < 0.65 else None if where > 0.9 else rng.choice(everywhere),
            needs=sorted(rng.sample(Need.values, rng.randint(1, 2))) if rng.random() < 0.15 else [],
            needs_text=rng.choice(NEEDS_TEXT) if rng.random() < 0.04 else "",
            idempotency_key=f"app-{index}-{number}" if rng.random() < 0.1 else "",
        )  # fmt: skip
        photos, withdrawn = rng.random() < 0.4, False
        if child:  # the parent registers, and is the guardian who answers
            registration.guardian_name, registration.guardian_email = contact, address
            registration.consent_version = CONSENT_VERSION
            if status == Status.PENDING_CONSENT:
                registration.consent_deadline = now + datetime.timedelta(hours=rng.randint(2, event.consent_hours))
            elif status not in (Status.WAITING, Status.CANCELLED) or rng.random() < 0.7:
                registered = event.registration_opens + datetime.timedelta(days=rng.randint(0, 10))
                registration.consent_given_at = min(registered + datetime.timedelta(hours=rng.randint(1, 30)), now)
            withdrawn = booking.cancelled and rng.random() < 0.3  # the guardian said no, or took the yes back
            if withdrawn:
                said = event.registration_opens + datetime.timedelta(days=rng.randint(11, 13))
                registration.consent_withdrawn_at = min(said, now)
            photos = photos and registration.consent_given_at is not None and not withdrawn  # the guardian's say
        registration.photos_allowed = photos
        if status == Status.CANCELLED:
            reason = WITHDRAWN if withdrawn else rng.choice(CANCEL_REASONS)
            registration.cancel_reason = reason if booking.cancelled else EVENT_CANCELLED
        elif status == Status.OFFERED:
            expires = now + datetime.timedelta(hours=rng.randint(1, event.offer_hours - 1))
            registration.offer_expires_at = min(expires, event.starts_at)
        reminder = event.starts_at - datetime.timedelta(days=1, minutes=-rng.randint(1, 15))
        if status in (Status.ATTENDED, Status.NO_SHOW) or (status == Status.CONFIRMED and reminder <= now):
            registration.reminded_at = reminder
        if status == Status.ATTENDED:
            registration.feedback_asked_at = event.ends_at + datetime.timedelta(minutes=rng.randint(1, 15))
        participants = []
        for seat, group in enumerate(people):  # the one who registers comes first, unless a child comes for them
            name = contact if seat == 0 and not needs_guardian(group) else f"{rng.choice(city.FIRST_NAMES)} {last}"
            participants.append(Participant(name=name, age_group=group, first_time=rng.random() < 0.35))
        feedback = None
        if status == Status.ATTENDED and rng.random() < FEEDBACK_SHARE:
            before = rng.randint(1, 4)
            feedback = Feedback(
                smiley=rng.choice((2, 3, 3, 3)) if child else None, sure_before=before,
                sure_after=min(before + rng.choice((0, 1, 1, 2)), 5),
                learned=[rng.choice(LEARNED.get(event.kind, LEARNED_OTHERWISE))],
                comment=rng.choice(COMMENTS) if rng.random() < 0.2 else "",
            )  # fmt: skip
        if erased_at is not None:
            _erase(registration, participants, feedback, erased_at)
        rows.append((registration, participants, feedback))
    return rows


def _status(rng: random.Random, booking: Booking, event: Event, now: datetime.datetime, child: bool) -> str:
    if booking.cancelled or event.state == EventState.CANCELLED:  # a cancelled event cancelled everyone
        return Status.CANCELLED
    if not booking.holds:
        return Status.WAITING
    if event.ends_at <= now:
        return Status.NO_SHOW if rng.random() < NO_SHOW_SHARE else Status.ATTENDED
    if child and now < event.registration_closes and rng.random() < 0.25:
        return Status.PENDING_CONSENT  # the guardian has yet to confirm
    if booking.moved and rng.random() < 0.35:
        return Status.OFFERED  # a seat that came free, not yet accepted
    return Status.CONFIRMED


def _overlaps(group: str, event: Event) -> bool:
    low, high = age_bounds(group)
    return high >= event.age_min and low <= event.age_max


def _erase(registration: Registration, participants: list, feedback: Feedback | None, when) -> None:
    """What privacy.erase() leaves: no personal data, no guardian's part, no names, no free text (the code follows
    after the insert)."""
    for field, blank in (PERSONAL | GUARDIAN).items():
        setattr(registration, field, blank)
    registration.erased_at, registration.consent_withdrawn_at = when, None
    for participant in participants:
        participant.name = ""
    if feedback is not None:
        feedback.comment = ""
