"""Consultations at Stockholm scale, for the generator (`tvatakt generate`): 50,000 ideas at scale 1 in twenty
consultations of 2,500 each, with about 500,000 supports (ten an idea on average, up to twenty).

The consultations go through every phase; their ideas come from generated people (half of them with an account,
the rest by e-mail, some entered at a help desk), in every state and with every answer the city gives, as the
services would have left them: a published idea's `supports` is the number of its support rows, each from a
different person. Every idea is drawn from its own seeded random source, so an index gives the same idea however
the runs are cut, and an idea made already is skipped. Ideas go in by bulk_create (their keys are needed), the
supports by insert_rows (COPY on PostgreSQL, executemany elsewhere).
"""

import datetime
import random
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from tvatakt.demo.generator import GENERATED_PREFIX, Advance, batched, insert_rows
from tvatakt.inclusion.choices import AgeGroup
from tvatakt.innovation.choices import PHASE_ORDER, IdeaState, Outcome, ParticipantKind, Phase
from tvatakt.innovation.models import Consultation, Idea, Support
from tvatakt.organisation.models import Organisation, Person
from tvatakt.portfolio.models import Initiative

PER_CONSULTATION = 2500
MOST_SUPPORTS = 20
BATCH = 2500
SLUG = GENERATED_PREFIX + "dialog-{:03d}"
# The start of each generated idea's title, and what it is about: read together they sound like a person.
WISHES = ["Bättre", "Enklare", "Snabbare", "Tryggare", "Roligare", "Billigare", "Gröna", "Öppna", "Smartare",
          "Fler", "Digitala", "Lugnare"]  # fmt: skip
THINGS = ["e-tjänster för äldre", "bokning av tvättstugan", "skolvägar", "lekplatser", "cykelbanor i vinter",
          "bibliotek på kvällen", "svar från kommunen", "kartor över stadsdelen", "anmälningar om klotter",
          "bussar i realtid", "parkering för rullstol", "läxhjälp på nätet", "e-legitimation utan BankID",
          "sophämtning", "badplatser", "öppna data om luften", "möten med politiker", "wifi i parken"]  # fmt: skip
BODIES = ["Det vore bra för alla i mitt område.", "Jag har försökt länge och det krånglar. 🙂",
          "Mina barn skulle också ha nytta av det.", "I andra städer finns det redan.",
          "Det sparar tid för både oss och staden.", "Tänk på oss som inte är så vana vid datorer."]  # fmt: skip
HIDDEN = ["Reklam för ett företag.", "Innehöll personuppgifter om någon annan.", "Elakt mot en grupp människor."]
ANSWERS = {
    Outcome.UNDER_REVIEW: "Vi utreder idén tillsammans med förvaltningen.",
    Outcome.IN_STRATEGY: "Idén finns med i strategin.",
    Outcome.INITIATIVE: "Idén har blivit ett initiativ.",
    Outcome.NOT_TAKEN: "Vi går inte vidare med idén just nu, eftersom den redan löses på annat sätt.",
}
# (outcome, weight) for a published idea of a consultation under review or closed; open ones are mostly unanswered.
OUTCOMES = [(Outcome.NONE, 30), (Outcome.UNDER_REVIEW, 25), (Outcome.IN_STRATEGY, 15), (Outcome.INITIATIVE, 10),
            (Outcome.NOT_TAKEN, 20)]  # fmt: skip


def done() -> int:
    return Idea.objects.filter(consultation__slug__startswith=GENERATED_PREFIX).count()


@dataclass
class Context:
    now: datetime.datetime
    people: list[int]
    districts: list[int]
    initiatives: list[int]
    consultations: dict[int, Consultation]  # number: the consultation
    director: int | None


def _consultation(number: int, organisations: list[int], now: datetime.datetime) -> Consultation:
    slug = SLUG.format(number)
    found = Consultation.objects.filter(slug=slug).first()
    if found is not None:
        return found
    phase = PHASE_ORDER[number % len(PHASE_ORDER)]
    consultation = Consultation.objects.create(
        slug=slug, title=f"Stadens fråga {number + 1}: vad skulle göra din vardag enklare?",
        title_en=f"The city's question {number + 1}: what would make your everyday life easier?",
        description="En genererad dialog för att mäta plattformen i Stockholms skala.",
        audience="Alla som bor eller arbetar i Stockholm.", phase=phase,
        organisation_id=organisations[number % len(organisations)],
        results="Staden har läst alla idéer och svarat på var och en." if phase == Phase.CLOSED else "",
    )  # fmt: skip
    Consultation.objects.filter(pk=consultation.pk).update(created_at=now - datetime.timedelta(days=30 + 20 * number))
    return consultation


def _context(start: int, stop: int) -> Context:
    now = timezone.now()
    organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True)[:40])
    numbers = range(start // PER_CONSULTATION, (stop - 1) // PER_CONSULTATION + 1)
    people = Person.objects.filter(username__startswith=GENERATED_PREFIX).order_by("pk").values_list("pk", flat=True)
    districts = Organisation.objects.filter(kind="district_administration").order_by("pk").values_list("pk", flat=True)
    return Context(
        now=now, people=list(people) or list(Person.objects.order_by("pk").values_list("pk", flat=True)),
        districts=list(districts),
        initiatives=list(Initiative.objects.public().order_by("pk").values_list("pk", flat=True)[:500]),
        consultations={number: _consultation(number, organisations, now) for number in numbers},
        director=Person.objects.filter(username="it-direktor").values_list("pk", flat=True).first(),
    )  # fmt: skip


def _draw(index: int, context: Context) -> tuple[Idea, list[int]]:
    """Idea `index` and who supports it."""
    rng = random.Random(20261130 + index)
    consultation = context.consultations[index // PER_CONSULTATION]
    made = context.now - datetime.timedelta(days=20 + 20 * (index // PER_CONSULTATION), minutes=rng.randrange(28800))
    way = rng.random()
    author = context.people[rng.randrange(len(context.people))]
    idea = Idea(
        consultation=consultation, title=f"{rng.choice(WISHES)} {rng.choice(THINGS)}", body=rng.choice(BODIES),
        kind=rng.choice(ParticipantKind.values), age_group=rng.choice(["", *AgeGroup.values]),
        district_id=rng.choice(context.districts) if context.districts and rng.random() < 0.7 else None,
        state=IdeaState.PUBLISHED, confirmed_at=made, created_at=made,  # (auto_now_add replaces it: see _backdate)
    )  # fmt: skip
    if way < 0.5:
        idea.author_id, idea.author_name = author, f"Stockholmare {author}"
    elif way < 0.95:
        idea.email, idea.author_name = f"ide-{index}@example.org", rng.choice(["", "Anna", "Omar", "Greta, 85"])
    else:
        idea.entered_by_id, idea.author_name = context.director or author, "Besökare vid hjälpdisken"
    state = rng.random()
    if state < 0.04 and idea.email:
        idea.state, idea.confirmed_at = IdeaState.PENDING, None
        return idea, []
    if state < 0.08:
        idea.state, idea.hidden_reason, idea.hidden_by_id = IdeaState.HIDDEN, rng.choice(HIDDEN), context.director
    if consultation.phase in (Phase.REVIEW, Phase.CLOSED) or rng.random() < 0.15:
        outcome = rng.choices([o for o, _w in OUTCOMES], weights=[w for _o, w in OUTCOMES])[0]
        if outcome == Outcome.INITIATIVE and not context.initiatives:
            outcome = Outcome.UNDER_REVIEW
        if outcome:
            idea.outcome, idea.outcome_text, idea.answered_by_id = outcome, ANSWERS[outcome], context.director
            idea.answered_at = made + datetime.timedelta(days=rng.randrange(1, 60))
            if outcome == Outcome.INITIATIVE:
                idea.initiative_id = rng.choice(context.initiatives)
    count = min(rng.choice([0, 1, 2, 4, 6, 8, 10, 12, 15, 20, 22, 20]), MOST_SUPPORTS, len(context.people))
    if idea.state != IdeaState.PUBLISHED:
        count = min(count, 3)  # supported before it was hidden
    first = rng.randrange(len(context.people))
    supporters = [context.people[(first + step * 7) % len(context.people)] for step in range(count)]
    idea.supports = len(set(supporters))
    return idea, sorted(set(supporters))


def generate(start: int, stop: int, advance: Advance) -> None:
    context, made = _context(start, stop), False
    for chunk in batched(range(start, stop), BATCH):
        # A consultation's ideas are made in index order, so the first `have` of its indexes exist already.
        have = {n: context.consultations[n].ideas.count() for n in {index // PER_CONSULTATION for index in chunk}}
        todo = [index for index in chunk if index % PER_CONSULTATION >= have[index // PER_CONSULTATION]]
        if not todo:
            advance(len(chunk))
            continue
        drawn = [_draw(index, context) for index in todo]
        times = [idea.created_at for idea, _people in drawn]  # before the insert's auto_now_add replaces them
        with transaction.atomic():
            ideas = Idea.objects.bulk_create([idea for idea, _people in drawn], batch_size=500)
            if ideas and not ideas[0].pk:  # pragma: no cover - backends that do not return keys from bulk_create
                raise RuntimeError("the generator needs a database that returns keys from bulk inserts")
            supports = [Support(idea_id=idea.pk, person_id=person)
                        for idea, (_idea, people) in zip(ideas, drawn, strict=True) for person in people]  # fmt: skip
            insert_rows(Support, supports)
            _backdate(ideas, times)
        made = True
        advance(len(chunk))
    if made:
        with connection.cursor() as cursor:
            for model in (Idea, Support):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _backdate(ideas: list[Idea], times: list[datetime.datetime]) -> None:
    """The ideas' times of giving, which auto_now_add replaced with now: one UPDATE per day of ideas."""
    by_day: dict[datetime.date, list[tuple[int, datetime.datetime]]] = {}
    for idea, when in zip(ideas, times, strict=True):
        by_day.setdefault(when.date(), []).append((idea.pk, when))
    for day, rows in by_day.items():
        Idea.objects.filter(pk__in=[pk for pk, _when in rows]).update(
            created_at=datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)
        )
