"""The council's JSON API: meetings, decisions and adoption; ambassadors report progress with an API key."""

import datetime

from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja import Status as Answer
from ninja.pagination import paginate

from tvatakt.api.auth import council_key
from tvatakt.api.pagination import BoundedPagination
from tvatakt.api.types import IsoDate
from tvatakt.council import selectors, services
from tvatakt.council.choices import AdoptionState, MeetingStatus, Method, ProposalState, Scope
from tvatakt.council.models import Adoption, Meeting

router = Router(tags=["council"])


class MeetingOut(Schema):
    id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    status: MeetingStatus


class DecisionOut(Schema):
    reference: str
    title: str = Field(..., alias="item.title")
    text: str
    text_en: str
    decided_on: datetime.date
    deadline: datetime.date
    method: Method
    scope: Scope
    meeting: int = Field(..., alias="item.meeting_id")
    corrects: str | None
    organisations: int
    done: int
    overdue: int

    @staticmethod
    def resolve_corrects(obj) -> str | None:
        return obj.corrects.reference if obj.corrects_id else None


class AdoptionOut(Schema):
    id: int
    decision: str = Field(..., alias="decision.reference")
    organisation: str = Field(..., alias="organisation.slug")
    state: AdoptionState
    state_since: datetime.date
    overdue: bool

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue()


class DecisionFilter(Schema):
    q: str = ""
    year: int | None = Field(None, ge=1900, le=2200)
    organisation: str = ""
    status: str = Field("", pattern="^(|in_progress|overdue|done)$")


class ReportIn(Schema):
    state: AdoptionState
    seen_state: AdoptionState = Field(..., description="The state you saw; refused if someone reported since.")
    comment: str = ""
    evidence: str = ""
    date: IsoDate | None = None


@router.get("/meetings", response=list[MeetingOut], summary="The council's meetings")
@paginate
def list_meetings(request):
    return Meeting.objects.order_by("-starts_at")


class DecisionPagination(BoundedPagination):
    """Counts each decision's adoption records for the page returned only."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page[self.items_attribute] = selectors.progress(list(page[self.items_attribute]))
        return page


@router.get("/decisions", response=list[DecisionOut], summary="The council's decisions")
@paginate(DecisionPagination)
def list_decisions(request, filters: Query[DecisionFilter]):
    return selectors.decision_log(**filters.dict())


@router.get("/decisions/{reference}", response=DecisionOut, summary="One decision")
def get_decision(request, reference: str):
    found = selectors.decision_log().filter(reference=reference).first()
    if found is None:
        raise Http404
    return selectors.progress([found])[0]


@router.get("/adoptions", response=list[AdoptionOut], summary="Each organisation's progress on each decision")
@paginate
def list_adoptions(request, decision: str = "", organisation: str = "", state: AdoptionState | None = None):
    qs = Adoption.objects.select_related("decision", "organisation").order_by(
        "decision__reference", "organisation__name"
    )
    if decision:
        qs = qs.filter(decision__reference=decision)
    if organisation:
        qs = qs.filter(organisation__slug=organisation)
    if state:
        qs = qs.filter(state=state)
    return qs


@router.post(
    "/adoptions/{adoption_id}/reports", response={201: AdoptionOut}, auth=council_key, summary="Report progress"
)
def report(request, adoption_id: int, payload: ReportIn):
    adoption = Adoption.objects.select_related("decision", "organisation").filter(pk=adoption_id).first()
    if adoption is None:
        raise Http404
    services.adoption_report(actor=request.auth, adoption=adoption, **payload.dict())
    adoption.refresh_from_db()
    return Answer(201, adoption)


# Cluster forum: the clusters' proposals to the council are public, like the agenda they lead to. The threads are
# the members' own and are not in the API.


class ProposalOut(Schema):
    id: int
    cluster: str = Field(..., alias="cluster.slug")
    title: str
    title_en: str
    background: str
    background_en: str
    state: ProposalState
    raised_on: datetime.date
    decided_on: datetime.date | None
    meeting: int | None = Field(None, description="The council meeting it is on the agenda of, when scheduled.")
    decline_reason: str

    @staticmethod
    def resolve_raised_on(obj) -> datetime.date:
        return timezone.localdate(obj.created_at)

    @staticmethod
    def resolve_decided_on(obj) -> datetime.date | None:
        return timezone.localdate(obj.decided_at) if obj.decided_at else None

    @staticmethod
    def resolve_meeting(obj) -> int | None:
        return obj.agenda_item.meeting_id if obj.agenda_item_id else None


@router.get("/proposals", response=list[ProposalOut], summary="The clusters' proposals to the council")
@paginate
def list_proposals(request, cluster: str = "", state: ProposalState | None = None):
    return selectors.proposals(cluster=cluster, state=state or "")


@router.get("/proposals/{proposal_id}", response=ProposalOut, summary="One proposal")
def get_proposal(request, proposal_id: int):
    found = selectors.proposals().filter(pk=proposal_id).first()
    if found is None:
        raise Http404
    return found
