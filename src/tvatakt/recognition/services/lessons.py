"""The lessons-learned bank: the lead (or team) writes a lesson, the head of the initiative's unit reviews it, and
only then is it published. A later initiative notes the lessons it read first."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.organisation.models import Person
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.choices import EventKind, LessonState
from tvatakt.recognition.models import Lesson, LessonUse, Tag

TEXTS = ("title", "tried", "expected", "happened", "learned", "advice")
TAG_MAX = 60


def _texts(**texts: str) -> dict[str, str]:
    """The five parts and the title, trimmed; an empty one is refused next to its field."""
    messages = {
        "title": _("Give the lesson a title."),
        "tried": _("Say what you tried."),
        "expected": _("Say what you expected."),
        "happened": _("Say what happened."),
        "learned": _("Say what you learned."),
        "advice": _("Say what others should do."),
    }
    cleaned = {field: (texts.get(field) or "").strip() for field in TEXTS}
    empty = {field: messages[field] for field, text in cleaned.items() if not text}
    if empty:
        raise DomainError(empty)
    return cleaned


def parse_tags(text: str) -> list[tuple[str, str]]:
    """(slug, name) for each comma-separated word, the first spelling of each slug kept."""
    found: dict[str, str] = {}
    for raw in text.replace(";", ",").split(","):
        name = " ".join(raw.split())[:TAG_MAX]
        slug = slugify(name)[:TAG_MAX]
        if slug and slug not in found:
            found[slug] = name
    return list(found.items())


def _set_tags(lesson: Lesson, tags: str) -> None:
    wanted = parse_tags(tags)
    existing = {tag.slug: tag for tag in Tag.objects.filter(slug__in=[slug for slug, _name in wanted])}
    for slug, name in wanted:
        if slug not in existing:
            # A tag is found by its slug, so "Upphandling" and "upphandling" are one tag.
            existing[slug], _created = Tag.objects.get_or_create(slug=slug, defaults={"name": name})
    lesson.tags.set([existing[slug] for slug, _name in wanted])


def lesson_write(*, actor: Person, initiative: Initiative, tags: str = "", **texts: str) -> Lesson:
    """A new lesson from the initiative's lead or a team member. It starts as a draft."""
    require(actor, "recognition.write_lesson", initiative)
    lesson = Lesson(initiative=initiative, author=actor, state=LessonState.DRAFT, **_texts(**texts))
    lesson.full_clean()
    with transaction.atomic():
        save_as(lesson, actor)
        _set_tags(lesson, tags)
    return lesson


def _locked(lesson: Lesson) -> Lesson:
    return Lesson.objects.select_for_update(of=("self",)).select_related("initiative").get(pk=lesson.pk)


def lesson_update(*, actor: Person, lesson: Lesson, tags: str = "", **texts: str) -> Lesson:
    """Change a draft. A lesson waiting for review or published is no longer the writers' to change."""
    require(actor, "recognition.edit_lesson", lesson)
    cleaned = _texts(**texts)
    with transaction.atomic():
        lesson = _locked(lesson)
        if lesson.state != LessonState.DRAFT:
            raise DomainError(
                _("Only a draft can be changed. This lesson is “%(state)s”.") % {"state": lesson.get_state_display()}
            )
        for field, text in cleaned.items():
            setattr(lesson, field, text)
        lesson.full_clean()
        save_as(lesson, actor)
        _set_tags(lesson, tags)
    return lesson


def lesson_submit(*, actor: Person, lesson: Lesson) -> Lesson:
    """Send the draft to the head of the initiative's unit for review."""
    require(actor, "recognition.edit_lesson", lesson)
    with transaction.atomic():
        lesson = _locked(lesson)
        if lesson.state != LessonState.DRAFT:
            raise DomainError(
                _("Only a draft can be sent for review. This lesson is “%(state)s”.")
                % {"state": lesson.get_state_display()}
            )
        lesson.state = LessonState.IN_REVIEW
        lesson.full_clean()
        save_as(lesson, actor, reason=_("Sent for review"))
    return lesson


def lesson_review(*, actor: Person, lesson: Lesson, publish: bool, comment: str = "") -> Lesson:
    """The reviewer publishes the lesson, or sends it back to its writers with a comment. Never its own author."""
    if actor is not None and lesson.author_id == actor.pk:
        raise DomainError(_("You wrote this lesson, so someone else must review it."))
    require(actor, "recognition.review_lesson", lesson)  # not its lead or team either: they may have rewritten it
    comment = comment.strip()
    if not publish and not comment:
        raise DomainError({"comment": _("Say what should change before it can be published.")})
    with transaction.atomic():
        lesson = _locked(lesson)
        if lesson.state != LessonState.IN_REVIEW:
            raise DomainError(
                _("This lesson is not waiting for review. It is “%(state)s”.") % {"state": lesson.get_state_display()}
            )
        lesson.reviewed_by, lesson.review_comment = actor, comment
        if publish:
            lesson.state, lesson.published_on = LessonState.PUBLISHED, timezone.localdate()
        else:
            lesson.state = LessonState.DRAFT
        lesson.full_clean()
        save_as(lesson, actor, reason=_("Published") if publish else _("Sent back: %(comment)s") % {"comment": comment})
    return lesson


def lesson_use_add(*, actor: Person, lesson: Lesson, initiative: Initiative) -> LessonUse:
    """ "We read this first": a new initiative's lead notes a published lesson it used. A lesson read across
    organisations is a recognition event for the initiative that wrote it."""
    require(actor, "recognition.note_lesson_use", initiative)
    if lesson.state != LessonState.PUBLISHED or lesson.initiative.is_confidential:
        raise DomainError({"lesson": _("Only a published lesson can be noted as read.")})
    if lesson.initiative_id == initiative.pk:
        raise DomainError(
            {"lesson": _("This is the initiative’s own lesson. Choose a lesson from another initiative.")}
        )
    if not initiative.is_open:
        raise DomainError(_("The initiative has ended. Note the lessons you read while it is under way."))
    if behind_lesson(actor, lesson):  # nobody earns reuse points for their own lesson
        raise DomainError({"lesson": _("You are behind this lesson. Someone who was not part of it notes its use.")})
    if LessonUse.objects.filter(lesson=lesson, initiative=initiative).exists():
        raise DomainError({"lesson": _("The initiative has already noted this lesson.")})
    use = LessonUse(lesson=lesson, initiative=initiative, noted_by=actor)
    try:
        with transaction.atomic():
            use.save()
            if lesson.initiative.organisation_id != initiative.organisation_id:
                _reused(use, lesson, initiative)
    except IntegrityError as exc:  # two clicks at once: the unique pair lets one through
        raise DomainError({"lesson": _("The initiative has already noted this lesson.")}) from exc
    return use


def behind_lesson(person: Person, lesson: Lesson) -> bool:
    """The lesson's author, or the lead or a team member of the initiative it comes from."""
    initiative = lesson.initiative
    return person.pk in {lesson.author_id, initiative.lead_id} or initiative.team.filter(pk=person.pk).exists()


def _reused(use: LessonUse, lesson: Lesson, initiative: Initiative) -> None:
    # Imported here: the events service belongs to the recognition events, which this module must not wait for.
    from tvatakt.recognition.services.events import event_record

    event_record(
        kind=EventKind.LESSON_REUSED,
        # Once per lesson and reusing organisation: many initiatives of one organisation count as one reuse.
        subject=f"lessonreuse:{lesson.pk}:{initiative.organisation_id}",
        occurred_on=timezone.localdate(use.created_at),
        initiative=lesson.initiative,
        person=lesson.author,
    )
