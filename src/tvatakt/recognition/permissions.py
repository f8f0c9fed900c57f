"""Who may do what with recognition: the one place that answers it."""

import rules

from tvatakt.organisation.choices import Role
from tvatakt.organisation.permissions import active_roles, holds, is_superuser
from tvatakt.recognition.choices import LessonState


@rules.predicate
def is_it_director(user) -> bool:
    return holds(user, Role.IT_DIRECTOR)


rules.add_perm("recognition.edit_policy", is_superuser | is_it_director)


# Lessons and awards. A lesson is written by the initiative's lead or team and reviewed by the head of its unit (or
# the IT director), never by its author. A juror never scores a nomination they are part of.


@rules.predicate
def is_on_initiative(user, initiative) -> bool:
    """Leads the initiative, or is on its team."""
    if initiative is None or not user.is_authenticated:
        return False
    return initiative.lead_id == user.pk or any(member.pk == user.pk for member in initiative.team.all())


@rules.predicate
def leads_initiative(user, initiative) -> bool:
    return initiative is not None and user.is_authenticated and initiative.lead_id == user.pk


@rules.predicate
def writes_lesson(user, lesson) -> bool:
    return lesson is not None and is_on_initiative(user, lesson.initiative)


@rules.predicate
def is_author(user, lesson) -> bool:
    return lesson is not None and user.is_authenticated and lesson.author_id == user.pk


@rules.predicate
def heads_unit_of_lesson(user, lesson) -> bool:
    return lesson is not None and holds(user, Role.UNIT_HEAD, unit=lesson.initiative.unit_id)


@rules.predicate
def is_staff_member(user) -> bool:
    """Works for the city: holds any role today other than citizen."""
    return any(role != Role.CITIZEN for role, *_scope in active_roles(user))


@rules.predicate
def is_juror_of(user, award_round) -> bool:
    if award_round is None or not user.is_authenticated:
        return False
    return any(juror.pk == user.pk for juror in award_round.jury.all())


@rules.predicate
def lesson_is_published(user, lesson) -> bool:
    return lesson is not None and lesson.state == LessonState.PUBLISHED and not lesson.initiative.is_confidential


reviewer = is_superuser | is_it_director | heads_unit_of_lesson

rules.add_perm("recognition.write_lesson", is_superuser | is_on_initiative)
rules.add_perm("recognition.edit_lesson", is_superuser | writes_lesson | is_author)
rules.add_perm("recognition.review_lesson", reviewer & ~is_author & ~writes_lesson)
rules.add_perm("recognition.read_lesson", lesson_is_published | writes_lesson | is_author | reviewer)
rules.add_perm("recognition.note_lesson_use", is_superuser | leads_initiative)
rules.add_perm("recognition.manage_awards", is_superuser | is_it_director)
rules.add_perm("recognition.nominate", is_superuser | is_staff_member)
# Superusers pass every has_perm: services and views ask awards.is_juror, which they do not.
rules.add_perm("recognition.score", is_juror_of)
