"""What recognition holds about a person: lessons they wrote or reviewed, nominations, juries and scores, and the
points earned in their name. Lessons, nominations and scores are the city's records; a draft lesson is not."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tvatakt.core import subject
from tvatakt.recognition.choices import LessonState
from tvatakt.recognition.models import AwardRound, Event, Lesson, LessonUse, Nomination, Policy, Score

KEPT = _("Kept, without your name: the city's record of its work.")


def _nomination(row) -> str:
    return str(row.lesson or row.initiative)


def export(person) -> list[subject.Section]:
    lessons = (Lesson.objects.filter(author=person) | Lesson.objects.filter(reviewed_by=person)).distinct()
    return [
        subject.section(
            "lessons", _("Lessons you wrote or reviewed"), lessons,
            [(_("title"), lambda row: row.title), (_("state"), lambda row: row.get_state_display()),
             (_("written by you"), lambda row: row.author_id == person.pk),
             (_("reviewed by you"), lambda row: row.reviewed_by_id == person.pk),
             (_("published on"), lambda row: row.published_on)],
            on_erasure=_("Published lessons and those waiting for review are kept, without your name. Your drafts "
                         "are deleted: no one else has read them."),
        ),
        subject.section(
            "lesson_uses", _("Lessons you noted as used"),
            LessonUse.objects.filter(noted_by=person).select_related("lesson", "initiative"),
            [(_("lesson"), lambda row: row.lesson.title), (_("initiative"), lambda row: str(row.initiative))],
            on_erasure=KEPT,
        ),
        subject.section(
            "nominations", _("Your nominations"),
            Nomination.objects.filter(nominated_by=person).select_related("lesson", "initiative", "round"),
            [(_("nominated"), _nomination), (_("award"), lambda row: row.round.get_category_display()),
             (_("motivation"), lambda row: row.motivation)],
            on_erasure=KEPT,
        ),
        subject.section(
            "award_juries", _("Award juries you sit on"), AwardRound.objects.filter(jury=person),
            [(_("award"), lambda row: row.get_category_display()), (_("period starts"), lambda row: row.starts_on)],
            on_erasure=KEPT,
        ),
        subject.section(
            "scores", _("Your scores as a juror"),
            Score.objects.filter(juror=person).select_related("nomination__lesson", "nomination__initiative"),
            [(_("nominated"), lambda row: _nomination(row.nomination)), (_("score"), lambda row: row.score)],
            on_erasure=KEPT,
        ),
        subject.section(
            "points", _("Recognition earned in your name"), Event.objects.filter(person=person),
            [(_("what"), lambda row: row.get_kind_display()), (_("date"), lambda row: row.occurred_on),
             (_("points"), lambda row: row.points)],
            on_erasure=_("The points stay with the initiative or organisation, no longer with you."),
        ),
        subject.section(
            "policies", _("Recognition policies you set"), Policy.objects.filter(created_by=person),
            [(_("version"), lambda row: row.version), (_("why it changed"), lambda row: row.note)],
            on_erasure=KEPT,
        ),
    ]  # fmt: skip


def erase(person, *, reason: str) -> dict[str, int]:
    with transaction.atomic():
        # A draft no one has reviewed is a working note, not a record. One already nominated is kept (PROTECT).
        drafts = Lesson.objects.filter(author=person, state=LessonState.DRAFT, nominations=None, uses=None)
        deleted = 0
        for lesson in drafts:  # one by one, so the history records each deletion
            lesson._change_reason = reason[:100]
            lesson.delete()
            deleted += 1
        # Points earned by a person are about them; the same event still counts for its initiative or organisation.
        unlinked = Event.objects.filter(person=person).update(person=None)
    return {
        "draft_lessons_deleted": deleted, "points_unlinked": unlinked,
        "lessons_kept": Lesson.objects.filter(author=person).count(),
    }  # fmt: skip


subject.register(
    subject.Part(
        key="recognition", area=_("Lessons and recognition"), order=30, export=export, erase=erase,
        covers=("recognition.Lesson.author", "recognition.Lesson.reviewed_by", "recognition.LessonUse.noted_by",
                "recognition.Nomination.nominated_by", "recognition.AwardRound.jury", "recognition.Score.juror",
                "recognition.Event.person", "recognition.Policy.created_by"),
    )
)  # fmt: skip
