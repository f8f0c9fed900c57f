"""The portfolio's JSON API: public reads, and writes with an API key through the same services as the forms."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja import Status as Answer
from ninja.errors import AuthenticationError
from ninja.pagination import paginate

from tvatakt.api.auth import portfolio_key, token_auth
from tvatakt.api.types import IsoDate
from tvatakt.organisation.models import Cluster, Organisation, Person, Unit
from tvatakt.portfolio import selectors, services
from tvatakt.portfolio.choices import GateChoice, Health, Mode, Outcome, OverrunDecision, Status
from tvatakt.portfolio.dates import parse_quarter
from tvatakt.portfolio.filters import InitiativeFilter
from tvatakt.portfolio.models import Benefit, Initiative, ProcessType

router = Router(tags=["portfolio"])


class InitiativeOut(Schema):
    slug: str
    title: str
    title_en: str
    description: str
    mode: Mode
    process_type: str = Field(..., alias="process_type.slug")
    phase: str = Field(..., alias="current_phase.name")
    status: Status
    health: Health
    health_reason: str
    organisation: str = Field(..., alias="organisation.slug")
    unit: str = Field(..., alias="unit.slug")
    lead: str | None
    start_date: datetime.date
    planned_end: datetime.date
    baseline_end: datetime.date
    actual_end: datetime.date | None
    budget_planned: int
    budget_spent: int
    quarter: str
    timebox_end: datetime.date | None
    extended: bool
    hypothesis: str
    outcome: str
    learning: str
    last_check_in_on: datetime.date | None
    overrun: bool
    stale: bool

    @staticmethod
    def resolve_lead(obj) -> str | None:
        return obj.lead.display_name if obj.lead else None

    @staticmethod
    def resolve_quarter(obj) -> str:
        return obj.quarter_label

    @staticmethod
    def resolve_overrun(obj) -> bool:
        return obj.is_overrun()

    @staticmethod
    def resolve_stale(obj) -> bool:
        return obj.is_stale()


class GateOut(Schema):
    sequence: int
    phase: str = Field(..., alias="phase_name")
    decision: GateChoice
    reason: str
    decided_on: datetime.date
    due_on: datetime.date
    decided_by: str

    @staticmethod
    def resolve_decided_by(obj) -> str:
        return obj.decided_by.display_name


class BenefitOut(Schema):
    id: int
    name: str
    name_en: str
    measure: str
    baseline: Decimal
    target: Decimal
    due_on: datetime.date
    latest_value: Decimal | None
    realised: bool

    @staticmethod
    def resolve_realised(obj) -> bool:
        return obj.is_realised


class InitiativeDetailOut(InitiativeOut):
    clusters: list[str]
    gate_decisions: list[GateOut]
    benefits: list[BenefitOut]

    @staticmethod
    def resolve_benefits(obj) -> list:
        return list(obj.benefits.all())

    @staticmethod
    def resolve_clusters(obj) -> list[str]:
        return [cluster.slug for cluster in obj.clusters.all()]

    @staticmethod
    def resolve_gate_decisions(obj) -> list:
        return list(obj.gate_decisions.all())


class InitiativeFilterIn(Schema):
    unit: str = ""
    organisation: str = ""
    cluster: str = ""
    health: Health | None = None
    status: Status | None = None
    mode: Mode | None = None
    q: str = ""
    flag: str = Field("", pattern="^(|stale|overrun)$")


class InitiativeChanges(Schema):
    """The fields a client may change. Slugs name the process type, organisation, unit and clusters."""

    title: str | None = None
    title_en: str | None = None
    description: str | None = None
    description_en: str | None = None
    organisation: str | None = None
    unit: str | None = None
    clusters: list[str] | None = None
    lead: str | None = Field(None, description="The lead's user name.")
    start_date: IsoDate | None = None
    planned_end: IsoDate | None = None
    status: Status | None = None
    health: Health | None = None
    health_reason: str | None = None
    budget_planned: Decimal | None = None
    budget_spent: Decimal | None = None
    is_confidential: bool | None = None
    hypothesis: str | None = None
    quarter: str | None = Field(None, description="For sprints, e.g. '2027 Q1'.")


class InitiativeIn(InitiativeChanges):
    title: str
    process_type: str
    organisation: str
    start_date: IsoDate
    planned_end: IsoDate


class CheckInIn(Schema):
    health: Health
    text: str
    date: IsoDate | None = None


class GateIn(Schema):
    decision: GateChoice
    reason: str
    revision: int = Field(..., description="The initiative's gate revision you saw; refused if someone decided since.")
    decided_on: IsoDate | None = None


class OutcomeIn(Schema):
    outcome: Outcome
    learning: str
    decided_on: IsoDate | None = None


class OverrunIn(Schema):
    decision: OverrunDecision
    reason: str
    new_end: IsoDate | None = Field(None, description="Extend only: at most the end of the next quarter.")
    process_type: str | None = Field(None, description="Convert only: a marathon process type's slug.")


class BenefitIn(Schema):
    name: str
    name_en: str = ""
    measure: str
    owner: str = Field(..., description="The benefit owner's user name.")
    baseline: Decimal
    target: Decimal
    due_on: IsoDate


class FollowUpIn(Schema):
    value: Decimal
    date: IsoDate | None = None
    note: str = ""


def _caller(request):
    """The key's owner if a key was sent (a bad key is refused), else the anonymous public."""
    if getattr(request, "auth", None) is not None:  # a write endpoint has checked the key already
        return request.auth
    if "HTTP_AUTHORIZATION" not in request.META:
        return request.user
    person = token_auth(request)
    if person is None:
        raise AuthenticationError
    request.auth = person
    return person


def _initiative(request, slug: str) -> Initiative:
    try:
        return selectors.initiative_detail(user=_caller(request), slug=slug)
    except Initiative.DoesNotExist as exc:
        raise Http404 from exc


def _resolve(data: dict) -> dict:
    """Slugs and names in the payload → the objects the services take. Unknown ones are a 422 on their field."""
    lookups = {
        "process_type": (ProcessType, "slug"),
        "organisation": (Organisation, "slug"),
        "unit": (Unit, "slug"),
        "lead": (Person, "username"),
    }
    for name, (model, key) in lookups.items():
        if data.get(name) is not None:
            found = model.objects.filter(**{key: data[name]}).first()
            if found is None:
                raise ValidationError({name: _("Nothing is called “%(value)s”.") % {"value": data[name]}})
            data[name] = found
    if data.get("clusters") is not None:
        clusters = list(Cluster.objects.filter(slug__in=data["clusters"]))
        if len(clusters) != len(set(data["clusters"])):
            raise ValidationError({"clusters": _("One of the clusters does not exist.")})
        data["clusters"] = clusters
    if data.get("quarter"):
        quarter = parse_quarter(data["quarter"])
        if quarter is None:
            raise ValidationError({"quarter": _("Write the quarter as 2027 Q1.")})
        data["quarter"] = quarter
    return data


def _nulls(data: dict) -> dict:
    """In an initiative's changes a null clears a field that can be empty: a text becomes "", a nullable field None.
    Any other field cannot be cleared, and says so. (A null hypothesis reached the model's rules as None and was a
    500; found by fuzzing.)"""
    for name in [name for name, value in data.items() if value is None]:
        field = Initiative._meta.get_field(name)
        if field.null:
            continue
        if field.many_to_many:
            data[name] = []
        elif isinstance(field, models.CharField | models.TextField) and field.blank:
            data[name] = ""
        else:
            raise ValidationError({name: _("This cannot be left empty.")})
    return data


@router.get("/initiatives", response=list[InitiativeOut], summary="List initiatives")
@paginate
def list_initiatives(request, filters: Query[InitiativeFilterIn]):
    return selectors.initiative_list(user=_caller(request), filters=InitiativeFilter.from_data(filters.dict()))


@router.get("/initiatives/{slug}", response=InitiativeDetailOut, summary="One initiative, with its gate decisions")
def get_initiative(request, slug: str):
    return _initiative(request, slug)


@router.post("/initiatives", response={201: InitiativeDetailOut}, auth=portfolio_key, summary="Create an initiative")
def create_initiative(request, payload: InitiativeIn):
    data = _resolve(payload.dict(exclude_none=True))
    data.setdefault("unit", data["process_type"].unit)
    initiative = services.initiative_create(actor=request.auth, **data)
    return Answer(201, _initiative(request, initiative.slug))


@router.patch("/initiatives/{slug}", response=InitiativeDetailOut, auth=portfolio_key, summary="Change an initiative")
def update_initiative(request, slug: str, payload: InitiativeChanges):
    initiative = _initiative(request, slug)
    changes = _nulls(_resolve(payload.dict(exclude_unset=True)))
    services.initiative_update(actor=request.auth, initiative=initiative, **changes)
    return _initiative(request, slug)


@router.post(
    "/initiatives/{slug}/check-ins", response={201: InitiativeDetailOut}, auth=portfolio_key, summary="Check in"
)
def check_in(request, slug: str, payload: CheckInIn):
    initiative = _initiative(request, slug)
    services.initiative_check_in(actor=request.auth, initiative=initiative, **payload.dict())
    return Answer(201, _initiative(request, slug))


@router.post(
    "/initiatives/{slug}/gate-decisions",
    response={201: InitiativeDetailOut},
    auth=portfolio_key,
    summary="Decide the gate of the current phase",
)
def decide_gate(request, slug: str, payload: GateIn):
    initiative = _initiative(request, slug)
    services.gate_decide(actor=request.auth, initiative=initiative, phase=initiative.current_phase, **payload.dict())
    return Answer(201, _initiative(request, slug))


@router.post(
    "/initiatives/{slug}/outcome", response=InitiativeDetailOut, auth=portfolio_key, summary="Decide a sprint's outcome"
)
def decide_outcome(request, slug: str, payload: OutcomeIn):
    initiative = _initiative(request, slug)
    services.sprint_outcome_decide(actor=request.auth, initiative=initiative, **payload.dict())
    return _initiative(request, slug)


@router.post(
    "/initiatives/{slug}/overrun", response=InitiativeDetailOut, auth=portfolio_key, summary="Resolve an overrun sprint"
)
def resolve_overrun(request, slug: str, payload: OverrunIn):
    initiative = _initiative(request, slug)
    data = _resolve(payload.dict())
    if data.get("process_type") is not None and data["process_type"].mode != Mode.MARATHON:
        raise ValidationError({"process_type": _("Choose a marathon process type that is in use.")})
    services.overrun_resolve(actor=request.auth, initiative=initiative, **data)
    return _initiative(request, slug)


@router.post(
    "/initiatives/{slug}/benefits", response={201: BenefitOut}, auth=portfolio_key, summary="Register a benefit"
)
def create_benefit(request, slug: str, payload: BenefitIn):
    initiative = _initiative(request, slug)
    data = payload.dict()
    owner = Person.objects.filter(username=data.pop("owner"), is_active=True).first()
    if owner is None:
        raise ValidationError(
            {"owner": _("No single person has the user name or e-mail “%(value)s”.") % {"value": payload.owner}}
        )
    return Answer(201, services.benefit_create(actor=request.auth, initiative=initiative, owner=owner, **data))


@router.post(
    "/benefits/{benefit_id}/follow-ups", response={201: BenefitOut}, auth=portfolio_key, summary="Follow up a benefit"
)
def follow_up_benefit(request, benefit_id: int, payload: FollowUpIn):
    benefit = Benefit.objects.select_related("initiative").filter(pk=benefit_id).first()
    if benefit is None or not Initiative.objects.visible_to(request.auth).filter(pk=benefit.initiative_id).exists():
        raise Http404
    services.benefit_follow_up(actor=request.auth, benefit=benefit, **payload.dict())
    benefit.refresh_from_db()
    return Answer(201, benefit)
