"""Reads for the hackathons' public pages and the teams' own pages. Each page's queries are a fixed number,
whatever the number of challenges, teams and datasets."""

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from tvatakt.innovation.models import Challenge, Hackathon, Submission, Team, TeamMember
from tvatakt.opendata.models import Dataset, Distribution


def hackathon_list() -> QuerySet[Hackathon]:
    return (
        Hackathon.objects.select_related("organisation")
        .annotate(team_count=Count("teams", filter=Q(teams__withdrawn_at=None)))
        .order_by("-starts_at", "pk")
    )


def _public_datasets() -> Prefetch:
    """A challenge's or a submission's datasets that are open, with their formats and APIs."""
    distributions = Distribution.objects.only("pk", "dataset_id", "format")
    return Prefetch(
        "datasets",
        queryset=Dataset.objects.public()
        .select_related("publisher")
        .prefetch_related(Prefetch("distributions", queryset=distributions), "services"),
    )


def hackathon_page(slug: str) -> Hackathon | None:
    challenges = (
        Challenge.objects.select_related("organisation")
        .prefetch_related(Prefetch("datasets", queryset=Dataset.objects.public().only("pk", "name")))
        .annotate(team_count=Count("teams", filter=Q(teams__withdrawn_at=None)))
    )
    return (
        Hackathon.objects.select_related("organisation")
        .prefetch_related(Prefetch("challenges", queryset=challenges), "criteria")
        .filter(slug=slug)
        .first()
    )


def submissions(hackathon: Hackathon) -> list[Submission]:
    """What the teams handed in, shown to all once the deadline has passed: by place when the results are out."""
    if timezone.now() < hackathon.submission_closes and hackathon.results_published_at is None:
        return []
    rows = (
        Submission.objects.filter(team__hackathon=hackathon, team__withdrawn_at=None)
        .select_related("team__challenge", "initiative")
        .prefetch_related(_public_datasets(), "files")
        .order_by("rank", "created_at", "pk")
    )
    return list(rows)


def challenge_page(slug: str, challenge: str) -> Challenge | None:
    return (
        Challenge.objects.select_related("hackathon", "organisation")
        .prefetch_related(_public_datasets())
        .annotate(team_count=Count("teams", filter=Q(teams__withdrawn_at=None)))
        .filter(hackathon__slug=slug, slug=challenge)
        .first()
    )


def team_page(team: Team) -> Team:
    """The team (as its link read it, with hackathon and challenge) with its members, for its own page."""
    prefetch_related_objects([team], Prefetch("members", queryset=TeamMember.objects.order_by("pk")))
    return team


def submission_of(team: Team) -> Submission | None:
    return Submission.objects.filter(team=team).prefetch_related("datasets", "files").first()
