"""Judging a hackathon: conflicts of interest, scores, the ranking, and the published results.

The ranking (also in docs/users/innovation.md, for juries and teams):
1. A juror's mark for a submission is the weighted mean of their scores over the rubric, each weight counting as
   its share of the weights' sum. A mark counts only when the juror has scored every criterion.
2. So that one harsh or generous juror does not decide, each juror's marks become z-scores: (mark − the juror's
   mean mark) ÷ the standard deviation of the juror's marks. A juror whose marks are all equal, or who marked
   one submission only, told the submissions apart by nothing, and gives each a 0.
3. A submission's score is the mean of its z-scores. Submissions no one has marked are not ranked.
4. Ties (scores equal to nine decimals) go to the higher mean of raw marks, then to the submission marked by more
   jurors, then to the one handed in first.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.innovation.models import Conflict, Hackathon, Juror, Score, Submission, Team

PLACES = 3  # the places the jury motivates when it publishes; the first of them win
TIE_DECIMALS = 9


@dataclass(frozen=True)
class Standing:
    submission_id: int
    score: float  # the mean z-score
    raw: float  # the mean of the jurors' weighted marks, 1 to 5
    jurors: int
    rank: int


def shares(criteria) -> list[tuple]:
    """Each criterion with its weight as a whole percentage of the weights' sum: what it counts for."""
    criteria = list(criteria)
    total = sum(criterion.weight for criterion in criteria)
    return [(criterion, round(100 * criterion.weight / total) if total else 0) for criterion in criteria]


def juror_for(actor, hackathon: Hackathon) -> Juror:
    juror = Juror.objects.filter(hackathon=hackathon, person=actor).first() if actor else None
    if juror is None:
        raise DomainError(_("You are not on this hackathon's jury."))
    return juror


def declare_conflict(*, actor, team: Team, reason: str) -> Conflict:
    """The juror will not score this team; scores they have already given it are taken away."""
    juror = juror_for(actor, team.hackathon)
    reason = " ".join(reason.split())
    if not reason:
        raise DomainError({"reason": _("Say in a few words what the conflict is: “I work for the startup”, say.")})
    if len(reason) > Conflict._meta.get_field("reason").max_length:
        raise DomainError({"reason": _("Say it in at most 300 characters.")})
    if team.hackathon.results_published_at is not None:
        raise DomainError(_("The results are published. The judging can no longer change."))
    with transaction.atomic():
        conflict, _created = Conflict.objects.get_or_create(juror=juror, team=team, defaults={"reason": reason})
        Score.objects.filter(juror=juror, submission__team=team).delete()
    return conflict


def score(*, actor, submission: Submission, values: dict[int, int], comments: dict[int, str] | None = None, now=None):
    """A juror's scores for a submission, one for each criterion of the rubric, 1 to 5. All or none are saved."""
    now = now or timezone.now()
    hackathon = submission.team.hackathon
    juror = juror_for(actor, hackathon)
    if not hackathon.judging_open(now):
        raise DomainError(_("The jury scores between the submission deadline and the end of the judging."))
    if Conflict.objects.filter(juror=juror, team=submission.team_id).exists():
        raise DomainError(_("You have declared a conflict of interest with this team, so you do not score it."))
    criteria = list(hackathon.criteria.all())
    comments = comments or {}
    errors = {}
    for criterion in criteria:
        value = values.get(criterion.pk)
        if not isinstance(value, int) or not 1 <= value <= 5:
            errors[f"c{criterion.pk}"] = _("Give a score from 1 to 5.")
        elif len(comments.get(criterion.pk, "")) > Score._meta.get_field("comment").max_length:
            errors[f"c{criterion.pk}"] = _("A comment can be at most 1,000 characters long.")
    if errors:
        raise DomainError(errors)
    with transaction.atomic():
        for criterion in criteria:
            Score.objects.update_or_create(
                juror=juror, submission=submission, criterion=criterion,
                defaults={"value": values[criterion.pk], "comment": comments.get(criterion.pk, "").strip()},
            )  # fmt: skip


def ranking(hackathon: Hackathon) -> list[Standing]:
    """The submissions marked by at least one juror, best first: see the module's description for how."""
    weights = dict(hackathon.criteria.values_list("pk", "weight"))
    total = sum(weights.values())
    if not total:
        return []
    conflicted = set(Conflict.objects.filter(team__hackathon=hackathon).values_list("juror_id", "team_id"))
    given: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    rows = Score.objects.filter(juror__hackathon=hackathon, submission__team__hackathon=hackathon)
    for juror, submission, team, criterion, value in rows.filter(submission__team__withdrawn_at=None).values_list(
        "juror_id", "submission_id", "submission__team_id", "criterion_id", "value"
    ):
        if (juror, team) not in conflicted and criterion in weights:
            given[juror, submission][criterion] = value
    marks: dict[int, dict[int, float]] = defaultdict(dict)  # juror → submission → weighted mark
    for (juror, submission), values in given.items():
        if len(values) == len(weights):
            marks[juror][submission] = sum(weights[c] * v for c, v in values.items()) / total
    z_scores: dict[int, list[float]] = defaultdict(list)
    raw: dict[int, list[float]] = defaultdict(list)
    for by_submission in marks.values():
        spread = statistics.pstdev(by_submission.values()) if len(by_submission) > 1 else 0.0
        mean = statistics.fmean(by_submission.values())
        for submission, mark in by_submission.items():
            z_scores[submission].append((mark - mean) / spread if spread else 0.0)
            raw[submission].append(mark)
    handed_in = dict(Submission.objects.filter(pk__in=z_scores).values_list("pk", "created_at"))
    order = sorted(
        z_scores,
        key=lambda s: (
            -round(statistics.fmean(z_scores[s]), TIE_DECIMALS), -statistics.fmean(raw[s]), -len(raw[s]),
            handed_in[s], s,
        ),
    )  # fmt: skip
    return [
        Standing(s, statistics.fmean(z_scores[s]), statistics.fmean(raw[s]), len(raw[s]), rank)
        for rank, s in enumerate(order, start=1)
    ]


def publish_results(*, actor, hackathon: Hackathon, motivations: dict[int, str], now=None) -> list[Standing]:
    """Freeze the ranking on the submissions, with the jury's motivation for each of the first places, and show it.
    Published results are a public record: they are not published again."""
    now = now or timezone.now()
    require(actor, "innovation.run", hackathon)
    if now < hackathon.submission_closes:
        raise DomainError(_("The results can be published after the submission deadline."))
    standings = ranking(hackathon)
    if not standings:
        raise DomainError(_("No submission has been scored by the whole rubric yet."))
    errors = {}
    for standing in standings[:PLACES]:
        text = (motivations.get(standing.submission_id) or "").strip()
        if not text:
            errors[f"m{standing.submission_id}"] = _("Write the jury's motivation for this place.")
        elif len(text) > Submission._meta.get_field("motivation").max_length:
            errors[f"m{standing.submission_id}"] = _("The motivation can be at most 2,000 characters long.")
    if errors:
        raise DomainError(errors)
    with transaction.atomic():
        current = Hackathon.objects.select_for_update().get(pk=hackathon.pk)
        if current.results_published_at is not None:
            raise DomainError(_("The results are already published."))
        for standing in standings:
            Submission.objects.filter(pk=standing.submission_id).update(
                rank=standing.rank, score=standing.score,
                motivation=(motivations.get(standing.submission_id) or "").strip() if standing.rank <= PLACES else "",
            )  # fmt: skip
        current.results_published_at = now
        current.save(update_fields=["results_published_at", "updated_at"])
    hackathon.results_published_at = now
    return standings
