"""Consultations in the JSON API: read the consultations and their published ideas with what became of each, and,
with an API key, give an idea or support one, through the same services as the web forms."""

import datetime
import enum
from typing import Literal

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja import Status as Answer
from ninja.pagination import paginate

from tvatakt.api.auth import innovation_key
from tvatakt.core import ratelimit
from tvatakt.core.errors import DomainError
from tvatakt.inclusion.choices import AgeGroup
from tvatakt.innovation import selectors, services
from tvatakt.innovation.choices import IdeaState, Outcome, ParticipantKind, Phase
from tvatakt.innovation.models import Consultation, Idea, Support
from tvatakt.organisation import selectors as organisation_selectors

router = Router(tags=["consultations"])


class ConsultationOut(Schema):
    slug: str
    title: str
    title_en: str
    description: str
    description_en: str
    audience: str
    phase: Phase
    organisation: str = Field(..., alias="organisation.slug")
    cluster: str | None = Field(None, alias="cluster.slug")
    strategy_title: str
    strategy_url: str
    results: str
    ideas: int = Field(..., alias="idea_count", description="How many ideas are published.")
    created_at: datetime.datetime


class IdeaOut(Schema):
    id: int
    consultation: str = Field(..., alias="consultation.slug")
    title: str
    body: str
    kind: ParticipantKind
    author_name: str = Field(..., description="The name the author chose to show.")
    entered_on_behalf: bool = Field(..., description="Entered at a help desk for someone who is not online.")
    supports: int
    created_at: datetime.datetime
    outcome: Outcome = Field(..., description="What became of the idea; empty while the city has not answered.")
    outcome_text: str
    outcome_url: str
    initiative: str | None = Field(None, description="The portfolio initiative the idea became (its slug).")
    answered_at: datetime.datetime | None
    url: str

    @staticmethod
    def resolve_entered_on_behalf(obj) -> bool:
        return obj.entered_by_id is not None

    @staticmethod
    def resolve_initiative(obj) -> str | None:
        initiative = obj.initiative
        return initiative.slug if initiative is not None and not initiative.is_confidential else None

    @staticmethod
    def resolve_url(obj, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())


class OutcomeFilter(enum.StrEnum):
    UNANSWERED = selectors.UNANSWERED
    UNDER_REVIEW = Outcome.UNDER_REVIEW.value
    IN_STRATEGY = Outcome.IN_STRATEGY.value
    INITIATIVE = Outcome.INITIATIVE.value
    NOT_TAKEN = Outcome.NOT_TAKEN.value


class IdeaFilter(Schema):
    outcome: OutcomeFilter | None = Field(None, description="What became of the ideas: `unanswered` for those the "
                                          "city has not answered yet.")  # fmt: skip
    kind: ParticipantKind | None = None
    sort: Literal["new", "support", "answered"] = Field(
        "new", description="Newest first, most supported first, or most recently answered first."
    )


class IdeaIn(Schema):
    title: str = Field(..., max_length=150)
    body: str = Field(..., max_length=4000)
    kind: ParticipantKind
    age_group: AgeGroup | Literal[""] = Field("", description="For the reach figures only; never shown.")
    district: str = Field("", description="The district you live in (a slug); for the reach figures only.")
    name: str = Field("", max_length=100, description="The name to show; your own name if left out.")


def _consultations() -> QuerySet[Consultation]:
    return selectors.consultation_list().select_related("cluster")


def _consultation(slug: str) -> Consultation:
    consultation = _consultations().filter(slug=slug).first()
    if consultation is None:
        raise Http404
    return consultation


def _published() -> QuerySet[Idea]:
    return Idea.objects.filter(state=IdeaState.PUBLISHED).select_related("consultation", "initiative")


def _idea(pk: int) -> Idea:
    idea = _published().filter(pk=pk).first()
    if idea is None:  # waiting for its e-mail link, or hidden: not public
        raise Http404
    return idea


@router.get("/consultations", response=list[ConsultationOut], summary="Consultations, newest first")
@paginate
def list_consultations(request):
    return _consultations().order_by("-created_at", "pk")


@router.get("/consultations/{slug}", response=ConsultationOut, summary="One consultation")
def get_consultation(request, slug: str):
    return _consultation(slug)


@router.get("/consultations/{slug}/ideas", response=list[IdeaOut], summary="A consultation's published ideas")
@paginate
def list_ideas(request, slug: str, filters: Query[IdeaFilter]):
    consultation = _consultation(slug)
    return selectors.idea_list(consultation, filters.dict(exclude_none=True)).select_related(
        "consultation", "initiative"
    )


@router.get("/ideas/{idea_id}", response=IdeaOut, summary="One idea, with what became of it")
def get_idea(request, idea_id: int):
    return _idea(idea_id)


@router.post(
    "/consultations/{slug}/ideas", response={201: IdeaOut}, auth=innovation_key, summary="Give an idea",
    description="The key's owner is the author, and the idea is published at once. 422 with the problem at its "
    "field, or when the consultation does not take ideas now.",
)  # fmt: skip
def create_idea(request, slug: str, payload: IdeaIn):
    ratelimit.check(request, "idea", person=str(request.auth.pk))  # the form's limits: a key gives no more
    consultation = _consultation(slug)
    data = payload.dict()
    district_slug = data.pop("district")
    district = None
    if district_slug:
        district = organisation_selectors.district(district_slug)
        if district is None:
            raise DomainError({"district": _("No district is called “%(value)s”.") % {"value": district_slug}})
    idea = services.submit_idea(consultation=consultation, actor=request.auth, district=district, **data)
    return Answer(201, _idea(idea.pk))


@router.post(
    "/ideas/{idea_id}/supports", response={201: IdeaOut, 409: dict}, auth=innovation_key, summary="Support an idea",
    description="One support per person: a second time answers 409, and the count stays as it was.",
)  # fmt: skip
def support_idea(request, idea_id: int):
    ratelimit.check(request, "support", person=str(request.auth.pk))
    idea = _idea(idea_id)
    try:
        services.support(idea=idea, actor=request.auth)
    except DomainError as exc:
        if not Support.objects.filter(idea=idea, person=request.auth).exists():
            raise
        return Answer(409, {"detail": {"__all__": exc.messages}})
    return Answer(201, _idea(idea_id))
