"""Hackathons in the JSON API, read-only: the hackathons, their challenges with the datasets they rest on, the
jury's rubric, what the teams handed in (once the deadline has passed), and the results with the jury's words and
what became of each winner. Teams register and hand in on the web pages, which need no account."""

import datetime

from django.http import Http404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from tvatakt.innovation import hackathon_selectors as selectors
from tvatakt.innovation.services.judging import shares

router = Router(tags=["hackathons"])


class HackathonOut(Schema):
    slug: str
    title: str
    title_en: str
    description: str
    description_en: str
    organisation: str = Field(..., alias="organisation.slug")
    place: str
    online: bool
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    registration_opens: datetime.datetime
    registration_closes: datetime.datetime
    submission_opens: datetime.datetime
    submission_closes: datetime.datetime
    judging_closes: datetime.datetime
    results_published_at: datetime.datetime | None
    teams: int = Field(..., alias="team_count", description="Teams registered and not withdrawn.")
    url: str

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class ChallengeOut(Schema):
    slug: str
    title: str
    title_en: str
    description: str
    description_en: str
    organisation: str = Field(..., alias="organisation.slug")
    datasets: list[str] = Field(..., description="The open datasets it rests on, by their catalogue names.")

    @staticmethod
    def resolve_datasets(obj) -> list[str]:
        return [dataset.name for dataset in obj.datasets.all()]


class CriterionOut(Schema):
    name: str
    name_en: str
    weight: int
    share: int = Field(..., description="What it counts for: its weight as a percentage of the weights' sum.")


class SubmissionOut(Schema):
    title: str
    description: str
    team: str = Field(..., alias="team.name")
    challenge: str = Field(..., alias="team.challenge.slug")
    repository_url: str
    demo_url: str
    datasets: list[str]
    place: int | None = Field(None, alias="rank", description="Set when the results are published.")
    score: float | None = Field(None, description="The normalised score (mean z-score), when published.")
    motivation: str = Field(..., description="The jury's motivation, for the first places.")
    initiative: str | None = Field(None, description="The portfolio initiative it became (its slug).")

    @staticmethod
    def resolve_datasets(obj) -> list[str]:
        return [dataset.name for dataset in obj.datasets.all()]

    @staticmethod
    def resolve_initiative(obj) -> str | None:
        initiative = obj.initiative
        return initiative.slug if initiative is not None and not initiative.is_confidential else None


class HackathonDetailOut(HackathonOut):
    rules: str
    prizes: str
    challenges: list[ChallengeOut]
    criteria: list[CriterionOut] = Field(..., alias="rubric")
    submissions: list[SubmissionOut] = Field(
        ..., alias="handed_in", description="Empty until the submission deadline; by place once results are out."
    )


@router.get("/hackathons", response=list[HackathonOut], summary="Hackathons, newest first")
@paginate
def list_hackathons(request):
    return selectors.hackathon_list()


@router.get("/hackathons/{slug}", response=HackathonDetailOut, summary="One hackathon, with its challenges and results")
def get_hackathon(request, slug: str):
    hackathon = selectors.hackathon_page(slug)
    if hackathon is None:
        raise Http404
    hackathon.team_count = sum(challenge.team_count for challenge in hackathon.challenges.all())
    hackathon.rubric = [
        {"name": c.name, "name_en": c.name_en, "weight": c.weight, "share": share}
        for c, share in shares(hackathon.criteria.all())
    ]
    hackathon.handed_in = selectors.submissions(hackathon)
    return hackathon
