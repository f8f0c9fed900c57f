"""Lessons and award rounds at Stockholm scale, for the generator (`tvatakt generate`).

Every generated initiative that was stopped or pivoted gets a lesson, written by its lead and reviewed by the
head of its unit (the IT director when the head led it), most of them published a few weeks after the end. The
texts are the demo's own lessons, their parts shuffled, so that searching finds real Swedish words. Some
lessons are read by a later initiative of another organisation, which records the reuse event as the service
would. With the last batch come five years of quarterly award rounds, published, scored by generated jurors.
Inserted in bulk; an initiative that has its lesson already is skipped.
"""

import datetime
import random

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tvatakt.demo.generator import GENERATED_PREFIX, Advance, batched
from tvatakt.demo.lessons import LESSONS
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Person, RoleAssignment
from tvatakt.portfolio.choices import OPEN_STATUSES, Mode, Outcome, Status
from tvatakt.portfolio.dates import add_quarters, quarter_start
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.choices import TEMPO, AwardCategory, EventKind, LessonState, RoundPeriod, RoundStatus
from tvatakt.recognition.models import AwardRound, Event, Lesson, LessonUse, Nomination, Score, Tag
from tvatakt.recognition.services.events import policy_current
from tvatakt.recognition.services.lessons import parse_tags

SEED = 20261130
PUBLISH_AFTER = datetime.timedelta(days=21)
READ_EVERY = 6  # one lesson in six is read by a later initiative elsewhere
YEARS = 5
NOMINEES = 4
TEXTS = ("title", "tried", "expected", "happened", "learned", "advice")
MOTIVATION = "Nominerad för en tydlig lärdom som andra har nytta av."


def done() -> int:
    """How many generated initiatives the step has gone through: up to the last one with a lesson."""
    last = (
        Lesson.objects.filter(initiative__slug__startswith=GENERATED_PREFIX)
        .order_by("-initiative_id")
        .values_list("initiative_id", flat=True)
        .first()
    )
    if last is None:
        return 0
    return Initiative.objects.filter(slug__startswith=GENERATED_PREFIX, pk__lte=last).count()


def generate(start: int, stop: int, advance: Advance) -> None:
    rng = random.Random(SEED + start)
    heads = dict(RoleAssignment.objects.active().filter(role=Role.UNIT_HEAD).values_list("unit_id", "person_id"))
    director = Person.objects.get(username="it-direktor").pk
    tags = _tags()
    slugs = [f"{GENERATED_PREFIX}{index:07d}" for index in range(start, stop)]
    for chunk in batched(slugs, 1000):
        rows = list(
            Initiative.objects.filter(slug__in=chunk, lead__isnull=False)
            .filter(
                Q(outcome__in=[Outcome.STOPPED, Outcome.PIVOTED])
                | Q(process_type__mode=Mode.MARATHON, status=Status.STOPPED)
            )
            .exclude(lessons__isnull=False)
            .values_list("pk", "lead_id", "unit_id", "organisation_id", "outcome_on", "actual_end")
        )
        with transaction.atomic():
            lessons = _lessons(rng, rows, heads, director)
            Lesson.objects.bulk_create(lessons, batch_size=500)
            Lesson.tags.through.objects.bulk_create(
                [
                    Lesson.tags.through(lesson_id=lesson.pk, tag_id=tag)
                    for lesson in lessons
                    for tag in rng.sample(tags, 3)
                ],
                batch_size=1000,
            )
            _uses(rng, [lesson for lesson in lessons if lesson.state == LessonState.PUBLISHED], chunk)
        advance(len(chunk))
    if stop >= Initiative.objects.filter(slug__startswith=GENERATED_PREFIX).count():
        _award_rounds(rng, director)


def _tags() -> list[int]:
    wanted = {slug: name for row in LESSONS for slug, name in parse_tags(row[-1])}
    existing = set(Tag.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    Tag.objects.bulk_create([Tag(slug=slug, name=name) for slug, name in wanted.items() if slug not in existing])
    return list(Tag.objects.filter(slug__in=wanted).values_list("pk", flat=True))


def _lessons(rng: random.Random, rows, heads: dict, director: int) -> list[Lesson]:
    today = timezone.localdate()
    lessons = []
    for pk, lead, unit, _organisation, outcome_on, actual_end in rows:
        ended = outcome_on or actual_end or today
        reviewer = heads.get(unit) if heads.get(unit) not in (None, lead) else director
        texts = {field: rng.choice(LESSONS)[2 + index] for index, field in enumerate(TEXTS)}
        published = rng.random() < 0.9 and reviewer != lead
        lessons.append(
            Lesson(
                initiative_id=pk,
                author_id=lead,
                **texts,
                state=LessonState.PUBLISHED if published else LessonState.IN_REVIEW,
                reviewed_by_id=reviewer if published else None,
                published_on=min(ended + PUBLISH_AFTER, today) if published else None,
            )  # fmt: skip
        )
    return lessons


def _uses(rng: random.Random, lessons: list[Lesson], chunk: list[str]) -> None:
    """Every READ_EVERY-th published lesson is noted by an initiative of another organisation, under way today and
    started after the lesson was published, as the service allows it: the source public, the reader not behind
    it. It earns the lesson's writer a reuse event, once per lesson and organisation, dated when the reader
    started."""
    today = timezone.localdate()
    readers = list(
        Initiative.objects.filter(
            slug__in=chunk, lead__isnull=False, start_date__lte=today, status__in=OPEN_STATUSES
        ).values_list("pk", "organisation_id", "lead_id", "start_date")
    )
    if not readers:
        return
    picked = [lesson.pk for lesson in lessons[::READ_EVERY]]
    chosen = Lesson.objects.filter(pk__in=picked, initiative__is_confidential=False)
    policy, uses, events = policy_current(), [], []
    for lesson in chosen.select_related("initiative").prefetch_related("initiative__team"):
        source = lesson.initiative
        behind = {lesson.author_id, source.lead_id, *(person.pk for person in source.team.all())}
        pk, organisation, lead, started = rng.choice(readers)
        if organisation == source.organisation_id or started < lesson.published_on or lead in behind:
            continue
        uses.append(LessonUse(lesson=lesson, initiative_id=pk, noted_by_id=lead))
        events.append(
            Event(
                kind=EventKind.LESSON_REUSED,
                subject=f"lessonreuse:{lesson.pk}:{organisation}",
                tempo=TEMPO[EventKind.LESSON_REUSED],
                points=policy.points(EventKind.LESSON_REUSED),
                policy=policy,
                occurred_on=started,
                quarter=quarter_start(started),
                initiative=source,
                organisation_id=source.organisation_id,
                unit_id=source.unit_id,
                person_id=lesson.author_id,
            )  # fmt: skip
        )
    LessonUse.objects.bulk_create(uses, ignore_conflicts=True)
    Event.objects.bulk_create(events, ignore_conflicts=True)


def _award_rounds(rng: random.Random, director: int) -> None:
    """A published round per award and quarter for the last YEARS years, each with NOMINEES generated lessons or
    initiatives, scored by three generated jurors who are not behind any of them."""
    today = timezone.localdate()
    jurors = list(
        RoleAssignment.objects.active()
        .filter(role=Role.JURY_MEMBER, person__username__startswith=GENERATED_PREFIX)
        .values_list("person_id", flat=True)[:3]
    )
    last = add_quarters(quarter_start(today), -1)
    starts = [add_quarters(last, -back) for back in range(YEARS * 4)]
    taken = set(AwardRound.objects.filter(period=RoundPeriod.QUARTER).values_list("category", "starts_on"))
    for category in AwardCategory.values:
        for day in starts:
            if (category, day) in taken or len(jurors) < 3:
                continue
            _one_round(rng, category, day, jurors, director)


def _one_round(rng: random.Random, category: str, starts_on: datetime.date, jurors: list[int], director: int) -> None:
    ends = add_quarters(starts_on, 1) - datetime.timedelta(days=1)
    if category == AwardCategory.LESSON:
        # Nobody behind the lesson may judge it: not its author, the initiative's lead or its team.
        behind = Q(author__in=jurors) | Q(initiative__lead__in=jurors) | Q(initiative__team__in=jurors)
        found = (
            Lesson.objects.public()
            .filter(initiative__slug__startswith=GENERATED_PREFIX, published_on__range=(starts_on, ends))
            .exclude(behind)
        )
        nominees = [{"lesson_id": pk} for pk in found.values_list("pk", flat=True)[:NOMINEES]]
    else:
        ended = Initiative.objects.filter(
            slug__startswith=GENERATED_PREFIX, actual_end__range=(starts_on, ends), is_confidential=False,
            status=Status.DONE,
        ).exclude(lead__in=jurors).exclude(team__in=jurors)  # fmt: skip
        mode = Mode.MARATHON if category == AwardCategory.DELIVERY else Mode.SPRINT
        nominees = [
            {"initiative_id": pk}
            for pk in ended.filter(process_type__mode=mode).values_list("pk", flat=True)[:NOMINEES]
        ]
    if not nominees:
        return
    with transaction.atomic():
        award_round = AwardRound.objects.create(
            category=category, period=RoundPeriod.QUARTER, starts_on=starts_on, nominations_close=ends,
            status=RoundStatus.PUBLISHED, published_on=ends + datetime.timedelta(days=20),
        )  # fmt: skip
        award_round.jury.set(jurors)
        nominations = Nomination.objects.bulk_create(
            [Nomination(round=award_round, motivation=MOTIVATION, nominated_by_id=director, **who) for who in nominees]
        )
        Score.objects.bulk_create(
            [
                Score(nomination=nomination, juror_id=juror, score=rng.randint(1, 5))
                for nomination in nominations
                for juror in jurors
            ]
        )
        totals = {nomination.pk: sum(score.score for score in nomination.scores.all()) for nomination in nominations}
        award_round.winner_id = max(totals, key=lambda pk: (totals[pk], -pk))
        award_round.save(update_fields=["winner"])
