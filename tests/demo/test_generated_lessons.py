import pytest
from django.db.models import Q
from django.utils import timezone

from tvatakt.demo import generator
from tvatakt.demo.generator import GENERATED_PREFIX
from tvatakt.portfolio.choices import Mode, Outcome, Status
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.choices import EventKind, LessonState, RoundStatus
from tvatakt.recognition.models import AwardRound, Event, Lesson, LessonUse

pytestmark = pytest.mark.django_db


def run(name: str, stop: int) -> None:
    step = next(step for step in generator.STEPS if step.name == name)
    step.run(step.done(), stop, lambda n: None)


@pytest.fixture
def generated_lessons():
    run("people", 200)
    run("portfolio", 400)
    run("lessons", 400)


def test_every_stopped_or_pivoted_generated_initiative_gets_one_valid_lesson(generated_lessons):
    ended = Initiative.objects.filter(slug__startswith=GENERATED_PREFIX, lead__isnull=False).filter(
        Q(outcome__in=[Outcome.STOPPED, Outcome.PIVOTED]) | Q(process_type__mode=Mode.MARATHON, status=Status.STOPPED)
    )
    lessons = Lesson.objects.filter(initiative__slug__startswith=GENERATED_PREFIX).select_related("initiative")
    assert ended.exists()
    assert sorted(lessons.values_list("initiative_id", flat=True)) == sorted(ended.values_list("pk", flat=True))
    for lesson in lessons:
        lesson.full_clean()
        assert lesson.author_id == lesson.initiative.lead_id
        if lesson.state == LessonState.PUBLISHED:
            assert lesson.reviewed_by_id not in (None, lesson.author_id) and lesson.published_on
    assert lessons.filter(state=LessonState.PUBLISHED).count() > lessons.count() * 0.7
    assert not Lesson.objects.filter(initiative__slug__startswith=GENERATED_PREFIX, tags__isnull=True).exists()


def test_a_generated_reuse_is_across_organisations_and_earns_its_writer_one_event(generated_lessons):
    uses = LessonUse.objects.filter(lesson__initiative__slug__startswith=GENERATED_PREFIX).select_related(
        "lesson__initiative", "initiative"
    )
    assert uses.exists()
    today = timezone.localdate()
    for use in uses:
        assert use.initiative.organisation_id != use.lesson.initiative.organisation_id
        assert use.initiative.is_open and use.initiative.start_date <= today  # as the service would allow
        assert not use.lesson.initiative.is_confidential
        assert use.noted_by_id not in {
            use.lesson.initiative.lead_id,
            *use.lesson.initiative.team.values_list("pk", flat=True),
        }
        event = Event.objects.get(
            kind=EventKind.LESSON_REUSED, subject=f"lessonreuse:{use.lesson_id}:{use.initiative.organisation_id}"
        )
        assert event.person_id == use.lesson.author_id and use.noted_by_id != use.lesson.author_id
        assert event.occurred_on <= today


def test_a_second_run_adds_nothing(generated_lessons):
    before = (Lesson.objects.count(), LessonUse.objects.count(), AwardRound.objects.count())
    run("lessons", 400)
    next(step for step in generator.STEPS if step.name == "lessons").run(0, 400, lambda n: None)
    assert (Lesson.objects.count(), LessonUse.objects.count(), AwardRound.objects.count()) == before


def test_generated_award_rounds_are_published_with_the_best_scored_winner_and_no_juror_judging_their_own(
    generated_lessons,
):
    rounds = AwardRound.objects.filter(nominations__initiative__slug__startswith=GENERATED_PREFIX).distinct()
    rounds |= AwardRound.objects.filter(nominations__lesson__initiative__slug__startswith=GENERATED_PREFIX).distinct()
    assert rounds.exists()
    for award_round in rounds.prefetch_related("jury", "nominations__scores"):
        jury = {person.pk for person in award_round.jury.all()}
        assert award_round.status == RoundStatus.PUBLISHED and len(jury) == 3
        totals = {}
        for nomination in award_round.nominations.all():
            assert {score.juror_id for score in nomination.scores.all()} == jury
            initiative = nomination.initiative or nomination.lesson.initiative
            assert initiative.lead_id not in jury and not initiative.team.filter(pk__in=jury).exists()
            totals[nomination.pk] = sum(score.score for score in nomination.scores.all())
        assert totals[award_round.winner_id] == max(totals.values())
