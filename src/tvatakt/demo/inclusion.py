"""The demo's season of digital-inclusion events: about forty across the districts and ages, from a coding party
at City Hall for 7-year-olds with their guardians to senior cafés and workshops for managers. The coming ones are
registered for through the real service (one is full, with a waiting list); the past ones carry who came."""

import datetime
import itertools
from pathlib import Path

from django.utils import timezone

from tvatakt.demo import city
from tvatakt.inclusion import services
from tvatakt.inclusion.choices import EventKind, EventState, Status
from tvatakt.inclusion.models import Event, Feedback, Participant, Place, Population, Registration
from tvatakt.inclusion.population import import_population
from tvatakt.inclusion.services.registrations import new_code
from tvatakt.inclusion.tasks import no_mail
from tvatakt.organisation.models import Organisation, Person

PLACES = {  # district: (place, address, step-free, hearing loop, quiet room)
    "Järva": ("Tensta bibliotek", "Tensta allé 1", True, True, False),
    "Bromma": ("Brommaplans bibliotek", "Brommaplan 429", True, False, True),
    "Hässelby-Vällingby": ("Vällingby bibliotek", "Kirunagatan 4", True, True, True),
    "Kungsholmen": ("Kungsholmens medborgarhus", "Fleminggatan 33", True, True, False),
    "Norra innerstaden": ("Stadsbiblioteket", "Sveavägen 73", False, True, False),
    "Södermalm": ("Medborgarhuset Södermalm", "Medborgarplatsen 25", True, True, True),
    "Enskede-Årsta-Vantör": ("Högdalens bibliotek", "Högdalsgången 9", True, False, False),
    "Skarpnäck": ("Skarpnäcks kulturhus", "Skarpnäcks allé 19", True, True, False),
    "Farsta": ("Farsta bibliotek", "Farstaplan 11", True, True, True),
    "Skärholmen": ("Skärholmens bibliotek", "Skärholmsplan 3", True, False, True),
    "Hägersten-Älvsjö": ("Hägerstensåsens medborgarhus", "Fruängsgatan 43", True, True, False),
}
KINDS = {  # kind: (title, English title, description, ages, seats, languages)
    EventKind.WORKSHOP: ("Digital vardag: e-tjänster och BankID", "Everyday digital: e-services and BankID",
                         "Vi visar hur du loggar in med BankID, betalar räkningar och bokar tid. Ta med din telefon.",
                         (18, 85), 15, ["sv", "sv-easy"]),
    EventKind.DIALOGUE: ("Dialogmöte: vad behöver du av stadens e-tjänster?",
                         "Dialogue: what do you need from the city's e-services?",
                         "Berätta vad som är svårt och vad som fungerar. Vi lyssnar och tar med oss det.",
                         (16, 85), 25, ["sv", "en", "ar"]),
    EventKind.SENIOR_CAFE: ("Seniorcafé: surfplattan och videosamtal", "Senior café: tablets and video calls",
                            "Fika och hjälp med surfplattan. Vi övar på videosamtal med barnbarnen.",
                            (65, 85), 12, ["sv", "fi"]),
    EventKind.CODING_PARTY: ("Kodkalas för barn", "Coding party for children",
                             "Vi programmerar ett spel tillsammans. Barnen kommer med en vuxen.", (7, 12), 20, ["sv"]),
    EventKind.MANAGERS: ("Digital ledning för chefer", "Digital leadership for managers",
                         "Hur leder du digital förändring i din verksamhet? Vi börjar med cheferna.",
                         (25, 67), 20, ["sv"]),
}  # fmt: skip
WEEKS_BACK, WEEKS_AHEAD = 10, 12


POPULATION = Path(__file__).with_name("population.csv")  # modelled: national shares by age on district totals


def load_demo_inclusion() -> int:
    """Make what is missing. Returns how many events there are."""
    if not Population.objects.exists():
        import_population(POPULATION.read_bytes())
    if Event.objects.filter(slug__startswith="demo-").exists():
        return Event.objects.count()
    host_person = Person.objects.filter(username="vard").first()
    culture = Organisation.objects.filter(name="Kulturförvaltningen").first()
    places = _places()
    today = timezone.localdate()
    kinds = itertools.cycle(KINDS)
    districts = itertools.cycle(city.DISTRICTS)
    events = []
    for week in range(-WEEKS_BACK, WEEKS_AHEAD):
        for slot in range(2):
            kind, district = next(kinds), next(districts)
            day = today + datetime.timedelta(weeks=week, days=2 + slot * 2)
            events.append(_event(kind, district, places[district], day, culture, host_person, len(events)))
    party = _coding_party_at_city_hall(today, culture, host_person)
    events.append(party)
    with no_mail():
        for number, event in enumerate(events):
            if event.ends_at < timezone.now():
                _past_registrations(event, number)
            else:
                _coming_registrations(event, number)
        _guardians_answer(party)
    if host_person:
        services.send_message(
            actor=host_person, event=party, subject="Ta med en laddad surfplatta om ni har", audience="coming",
            body="Hej! Vi har surfplattor till alla, men ta gärna med er egen om ni har en. Vi ses vid entrén mot "
                 "Hantverkargatan, där det inte finns några trappor.",
        )  # fmt: skip
    return Event.objects.count()


def _guardians_answer(party: Event) -> None:
    """Most guardians have said yes; one has said no, and the child's seat went on."""
    registrations = list(party.registrations.order_by("pk"))
    for registration in registrations[:-2]:
        services.confirm_consent(registration=registration)
    services.withdraw_consent(registration=registrations[-1])


def _places() -> dict[str, Place]:
    organisations = Organisation.objects.in_bulk([f"{name} stadsdelsförvaltning" for name in PLACES], field_name="name")
    return {
        district: Place.objects.create(
            name=name,
            address=f"{address}, Stockholm",
            step_free=step_free,
            hearing_loop=loop,
            quiet_room=quiet,
            district=organisations.get(f"{district} stadsdelsförvaltning"),
        )  # fmt: skip
        for district, (name, address, step_free, loop, quiet) in PLACES.items()
    }


def _event(kind, district, place, day, culture, host_person, number) -> Event:
    title, title_en, description, (low, high), seats, languages = KINDS[kind]
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(14 if kind != "managers" else 9)))
    event = Event.objects.create(
        slug=f"demo-{number:02d}-{kind.replace('_', '-')}", kind=kind, title=f"{title}, {district}",
        title_en=f"{title_en}, {district}", description=description, place=place,
        # The city's libraries belong to Kulturförvaltningen; the other places to their district.
        host=culture if "bibliotek" in place.name.lower() else place.district or culture,
        languages=languages, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), capacity=seats,
        age_min=low, age_max=high, registration_opens=starts - datetime.timedelta(days=100),
        registration_closes=starts - datetime.timedelta(hours=2), state=EventState.PUBLISHED,
        target_group="Alla som vill bli tryggare digitalt." if kind != "managers" else "Chefer i staden.",
    )  # fmt: skip
    if host_person:
        event.hosts.add(host_person)
    return event


def _coding_party_at_city_hall(today, culture, host_person) -> Event:
    """The seed's own example: 7-year-olds invited to City Hall, with their guardians."""
    hall = Place.objects.create(name="Stadshuset, Blå hallen", address="Hantverkargatan 1, Stockholm",
                                step_free=True, hearing_loop=True, quiet_room=True)  # fmt: skip
    starts = timezone.make_aware(datetime.datetime.combine(today + datetime.timedelta(days=20), datetime.time(10)))
    event = Event.objects.create(
        slug="demo-kodkalas-i-stadshuset", kind=EventKind.CODING_PARTY, title="Kodkalas i Stadshuset för 7-åringar",
        title_en="Coding party at City Hall for 7-year-olds",
        description="Alla 7-åringar är välkomna till Stadshuset. Vi bygger ett spel på surfplattan. En vuxen följer "
                    "med varje barn, och vårdnadshavaren bekräftar anmälan via e-post.",
        host=culture, place=hall, languages=["sv", "en"], starts_at=starts, age_min=7, age_max=8, capacity=10,
        ends_at=starts + datetime.timedelta(hours=3), registration_opens=starts - datetime.timedelta(days=30),
        registration_closes=starts - datetime.timedelta(days=1), state=EventState.PUBLISHED,
        target_group="Barn som fyller 7 i år, med en vuxen.", consent_hours=96,
    )  # fmt: skip
    if host_person:
        event.hosts.add(host_person)
    return event


def _people_for(event: Event, number: int) -> list[services.Person]:
    first = city.FIRST_NAMES[number % len(city.FIRST_NAMES)]
    if event.age_max <= 12:
        return [services.Person(f"{first} (barn)", "7-12", True)]
    group = "75-85" if event.age_min >= 65 and number % 2 else "65-74" if event.age_min >= 65 else "30-49"
    return [services.Person(f"{first} {city.LAST_NAMES[number % len(city.LAST_NAMES)]}", group, number % 3 == 0)]


def _coming_registrations(event: Event, number: int) -> None:
    """A few registrations through the real service; the third event coming is full, with people waiting."""
    districts = list(Organisation.objects.filter(kind="district_administration").order_by("name"))
    count = event.capacity + 3 if number == WEEKS_BACK * 2 + 2 else min(event.capacity // 2, 6)
    for index in range(count):
        who = f"{number}-{index}"
        contact = {
            "contact_name": f"Deltagare {who}", "email": f"deltagare-{who}@demo.example.org", "language": "sv",
            "district": districts[(number + index) % len(districts)], "photos_allowed": index % 3 != 1,
        }  # fmt: skip
        if event.age_max <= 12:
            contact |= {"guardian_name": f"Vårdnadshavare {index}", "guardian_email": f"vh-{who}@demo.example.org"}
        services.register(event=event, people=_people_for(event, number + index), **contact)


def _past_registrations(event: Event, number: int) -> None:
    """What happened at a past event: most came, a few did not. Written down, as the registration window is shut."""
    districts = list(Organisation.objects.filter(kind="district_administration").order_by("name"))
    count = max(event.capacity - 2 - number % 4, 3)
    for index in range(count):
        registration = Registration.objects.create(
            event=event, code=new_code(), status=Status.NO_SHOW if index % 7 == 3 else Status.ATTENDED, seats=1,
            holds_seats=index % 7 != 3,  # those who came held their seat; a no-show's went back
            contact_name=f"Deltagare {number}-{index}", email=f"tidigare-{number}-{index}@demo.example.org",
            district=districts[(number * 3 + index) % len(districts)],
        )  # fmt: skip
        person = _people_for(event, number + index)[0]
        Participant.objects.create(registration=registration, name=person.name, age_group=person.age_group,
                                   first_time=person.first_time)  # fmt: skip
        if registration.status == Status.ATTENDED and index % 3 != 2:  # two in three answered the survey
            before = 1 + (number + index) % 3
            Feedback.objects.create(
                registration=registration, smiley=3 if person.age_group == "7-12" else None, sure_before=before,
                sure_after=min(before + 1 + index % 2, 5), learned=["bankid"] if index % 2 else ["e_services"],
            )  # fmt: skip
    came = event.registrations.filter(holds_seats=True).count()
    Event.objects.filter(pk=event.pk).update(seats_taken=came)  # the seats add up, as the services keep them
