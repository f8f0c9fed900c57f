"""Award rounds: the IT director opens a round with a jury, staff nominate with a motivation, the jury scores, and
the IT director publishes the winner. A nominee never scores their own nomination."""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.audit import save_as
from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.core.permissions import require
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Person, RoleAssignment
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.choices import AwardCategory, LessonState, RoundPeriod, RoundStatus
from tvatakt.recognition.models import AwardRound, Lesson, Nomination, Score


def is_nominee(person: Person, nomination: Nomination) -> bool:
    """Is `person` part of what is nominated: the lead or a team member of the initiative (for a lesson, of the
    initiative it comes from), or the lesson's author?"""
    if nomination.lesson_id and nomination.lesson.author_id == person.pk:
        return True
    initiative = nomination.lesson.initiative if nomination.lesson_id else nomination.initiative
    return initiative.lead_id == person.pk or any(member.pk == person.pk for member in initiative.team.all())


def is_juror(person: Person, award_round: AwardRound) -> bool:
    return person is not None and any(juror.pk == person.pk for juror in award_round.jury.all())


def award_round_open(
    *,
    actor: Person,
    category: str,
    period: str,
    starts_on: datetime.date,
    nominations_close: datetime.date,
    jury: Iterable[Person],
) -> AwardRound:
    """Open a round for nominations. The period starts on the first day of a quarter (or of the year)."""
    require(actor, "recognition.manage_awards")
    jury = list(dict.fromkeys(jury))
    errors = {}
    if period == RoundPeriod.YEAR and (starts_on.month, starts_on.day) != (1, 1):
        errors["starts_on"] = _("A yearly award starts on 1 January.")
    elif period == RoundPeriod.QUARTER and (starts_on.day != 1 or starts_on.month % 3 != 1):
        errors["starts_on"] = _("A quarterly award starts on the first day of a quarter.")
    if nominations_close < timezone.localdate():
        errors["nominations_close"] = _("Nominations cannot close in the past.")
    if not jury:
        errors["jury"] = _("Name at least one juror.")
    else:
        jurors = set(
            RoleAssignment.objects.active()
            .filter(role=Role.JURY_MEMBER, person__in=jury)
            .values_list("person_id", flat=True)
        )
        missing = [person.display_name for person in jury if person.pk not in jurors]
        if missing:
            errors["jury"] = _("Not jury members: %(names)s.") % {"names": ", ".join(missing)}
    if errors:
        raise DomainError(errors)
    award_round = AwardRound(category=category, period=period, starts_on=starts_on, nominations_close=nominations_close)
    award_round.full_clean()
    with transaction.atomic():
        save_as(award_round, actor)
        award_round.jury.set(jury)
    return award_round


def _locked(award_round: AwardRound) -> AwardRound:
    return AwardRound.objects.select_for_update().get(pk=award_round.pk)


def nomination_add(
    *,
    actor: Person,
    round: AwardRound,
    motivation: str,
    initiative: Initiative | None = None,
    lesson: Lesson | None = None,
) -> Nomination:
    """Nominate an initiative (or, for the lesson of the year, a published lesson) with a motivation."""
    require(actor, "recognition.nominate")
    motivation = motivation.strip()
    if not motivation:
        raise DomainError({"motivation": _("Say why it deserves the award. The motivation is published.")})
    wants_lesson = round.category == AwardCategory.LESSON
    if wants_lesson and (lesson is None or initiative is not None):
        raise DomainError({"lesson": _("This award is for a lesson. Choose a published lesson.")})
    if not wants_lesson and (initiative is None or lesson is not None):
        raise DomainError({"initiative": _("This award is for an initiative. Name one.")})
    if lesson is not None and (lesson.state != LessonState.PUBLISHED or lesson.initiative.is_confidential):
        raise DomainError({"lesson": _("Only a published lesson can be nominated.")})
    if initiative is not None and initiative.is_confidential:
        raise DomainError({"initiative": _("A confidential initiative cannot be nominated: nominations are public.")})
    with transaction.atomic():
        award_round = _locked(round)
        if award_round.status != RoundStatus.NOMINATING or award_round.nominations_close < timezone.localdate():
            raise DomainError(_("Nominations for this award have closed."))
        if award_round.nominations.filter(initiative=initiative, lesson=lesson).exists():
            raise DomainError(_("It is already nominated. You can still tell the jury more by other means."))
        nomination = Nomination(
            round=award_round, initiative=initiative, lesson=lesson, motivation=motivation, nominated_by=actor
        )
        nomination.full_clean()
        nomination.save()
    return nomination


def round_close_nominations(*, actor: Person, round: AwardRound) -> AwardRound:
    """Close the nominations and let the jury score."""
    require(actor, "recognition.manage_awards")
    with transaction.atomic():
        award_round = _locked(round)
        if award_round.status != RoundStatus.NOMINATING:
            raise DomainError(_("Nominations for this award are already closed."))
        if not award_round.nominations.exists():
            raise DomainError(_("Nobody has been nominated yet, so there is nothing for the jury to score."))
        award_round.status = RoundStatus.JUDGING
        save_as(award_round, actor, reason=_("Nominations closed"))
    return award_round


def score_add(*, actor: Person, nomination: Nomination, score: int) -> Score:
    """A juror scores a nomination from 1 to 5, and may change it until the winner is published."""
    award_round = nomination.round
    # Jury membership itself, not a permission: a superuser holds every permission but sits on no jury.
    if not is_juror(actor, award_round):
        raise NotAllowed(_("Only the jury of this award can score its nominations."))
    if is_nominee(actor, nomination):
        raise DomainError(
            _("You are part of this nomination (“%(nominee)s”), so you cannot score it. The rest of the jury will.")
            % {"nominee": nomination}
        )
    if score not in range(1, 6):
        raise DomainError({"score": _("Give a score from 1 to 5.")})
    with transaction.atomic():
        award_round = _locked(award_round)
        if award_round.status != RoundStatus.JUDGING:
            raise DomainError(_("The jury scores after the nominations close, and until the winner is published."))
        found, _created = Score.objects.update_or_create(nomination=nomination, juror=actor, defaults={"score": score})
    return found


def missing_scores(award_round: AwardRound) -> dict[Person, int]:
    """For each juror who has not finished: how many nominations they may score but have not."""
    nominations = list(
        award_round.nominations.select_related("lesson__initiative", "initiative").prefetch_related(
            "initiative__team", "lesson__initiative__team"
        )
    )
    scored = set(Score.objects.filter(nomination__round=award_round).values_list("juror_id", "nomination_id"))
    missing = {}
    for juror in award_round.jury.order_by("last_name", "first_name"):
        left = sum(1 for n in nominations if (juror.pk, n.pk) not in scored and not is_nominee(juror, n))
        if left:
            missing[juror] = left
    return missing


def round_publish(*, actor: Person, round: AwardRound) -> AwardRound:
    """Publish the winner: the highest mean score; on a tie, the one with more scores, then the earliest nominated."""
    require(actor, "recognition.manage_awards")
    with transaction.atomic():
        award_round = _locked(round)
        if award_round.status != RoundStatus.JUDGING:
            raise DomainError(_("Only a round whose nominations have closed can be published."))
        missing = missing_scores(award_round)
        if missing:
            names = ", ".join(f"{person.display_name} ({left})" for person, left in missing.items())
            raise DomainError(_("The jury has not finished. Still to score: %(names)s.") % {"names": names})
        ranked = (
            award_round.nominations.annotate(mean=Avg("scores__score"), count=Count("scores"))
            .filter(count__gt=0)
            .order_by("-mean", "-count", "created_at", "pk")
        )
        winner = ranked.first()
        if winner is None:
            raise DomainError(_("No nomination has a score, so there is no winner to publish."))
        award_round.winner, award_round.status = winner, RoundStatus.PUBLISHED
        award_round.published_on = timezone.localdate()
        award_round.full_clean()
        save_as(award_round, actor, reason=_("Winner published"))
    return award_round
