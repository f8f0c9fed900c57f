"""Reads for the jury's pages: the hackathon with its rubric, a juror's seat, the submissions to score with what
this juror has given each, a submission in full, and the ranking's rows. Each page's queries are a fixed number,
whatever the number of teams, criteria and jurors."""

from django.db.models import Count, IntegerField, Prefetch, Q, Value

from tvatakt.innovation.models import Conflict, Hackathon, Juror, Score, Submission
from tvatakt.innovation.services.judging import Standing
from tvatakt.opendata.models import Dataset


def hackathon_for_jury(slug: str) -> Hackathon | None:
    return Hackathon.objects.select_related("organisation").prefetch_related("criteria").filter(slug=slug).first()


def juror_of(hackathon: Hackathon, user) -> Juror | None:
    """The user's seat on the hackathon's jury, with the conflicts they declared; None when they have none."""
    if not user.is_authenticated:
        return None
    conflicts = Conflict.objects.order_by("declared_at", "pk")
    return (
        Juror.objects.filter(hackathon=hackathon, person=user)
        .prefetch_related(Prefetch("conflict_rows", queryset=conflicts))
        .first()
    )


def conflicts_of(juror: Juror | None) -> dict[int, str]:
    """The teams the juror has a conflict of interest with, by the team's id, and the reason they gave."""
    if juror is None:
        return {}
    return {conflict.team_id: conflict.reason for conflict in juror.conflict_rows.all()}


def jury_submissions(hackathon: Hackathon, juror: Juror | None) -> list[Submission]:
    """What the teams still in the hackathon handed in, each with `my_scores`: how many criteria this juror has
    scored (0 for someone who runs the hackathon without a seat on the jury)."""
    mine = Count("scores", filter=Q(scores__juror=juror)) if juror is not None else Value(0, IntegerField())
    return list(
        Submission.objects.filter(team__hackathon=hackathon, team__withdrawn_at=None)
        .select_related("team__challenge")
        .annotate(my_scores=mine)
        .order_by("team__name", "pk")
    )


def submission_for_jury(hackathon: Hackathon, pk: int) -> Submission | None:
    """A submission in full, for the juror who scores it: its team, the open datasets it used, and its files."""
    datasets = Dataset.objects.public().only("pk", "name", "title", "title_en")
    return (
        Submission.objects.filter(team__hackathon=hackathon, team__withdrawn_at=None, pk=pk)
        .select_related("team__challenge", "initiative")
        .prefetch_related(Prefetch("datasets", queryset=datasets), "files")
        .first()
    )


def scores_given(juror: Juror | None, submission: Submission) -> dict[int, Score]:
    """This juror's scores for the submission, by the criterion's id."""
    if juror is None:
        return {}
    return {row.criterion_id: row for row in Score.objects.filter(juror=juror, submission=submission)}


def standing_rows(standings: list[Standing]) -> list[tuple[Standing, Submission]]:
    """Each place of the ranking with its submission and team, in the ranking's order."""
    submissions = Submission.objects.select_related("team", "initiative").in_bulk([s.submission_id for s in standings])
    return [(standing, submissions[standing.submission_id]) for standing in standings]


def submission_to_promote(hackathon: Hackathon, pk: int) -> Submission | None:
    return (
        Submission.objects.filter(team__hackathon=hackathon, pk=pk)
        .select_related("team__hackathon", "team__challenge__organisation", "initiative")
        .first()
    )
