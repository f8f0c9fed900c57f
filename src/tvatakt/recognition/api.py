"""The recognition JSON API: events and balances to read. Nothing here makes an event."""

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from tvatakt.api.types import IsoDate
from tvatakt.portfolio.dates import quarter_start
from tvatakt.recognition import selectors
from tvatakt.recognition.choices import EventKind, Tempo

router = Router(tags=["recognition"])

# -- Recognition events and balances ---------------------------------------------------------------------------


class RecognitionEventOut(Schema):
    id: int
    kind: EventKind
    subject: str
    tempo: Tempo
    points: int
    policy: int = Field(..., alias="policy.version")
    occurred_on: datetime.date
    quarter: datetime.date
    initiative: str | None
    organisation: str | None
    unit: str | None

    @staticmethod
    def resolve_initiative(obj) -> str | None:
        return obj.initiative.slug if obj.initiative_id else None

    @staticmethod
    def resolve_organisation(obj) -> str | None:
        return obj.organisation.slug if obj.organisation_id else None

    @staticmethod
    def resolve_unit(obj) -> str | None:
        return obj.unit.slug if obj.unit_id else None


class RecognitionEventFilter(Schema):
    kind: EventKind | None = None
    organisation: str = ""
    unit: str = ""
    quarter: IsoDate | None = Field(None, description="Any day of the quarter, e.g. 2026-04-01.")


class BalanceOut(Schema):
    slug: str
    name: str
    stability: int
    exploration: int
    balance_index: float | None = Field(..., description="min ÷ max of the two; null when both are 0.")


class BalanceFilter(Schema):
    level: str = Field("organisation", pattern="^(unit|organisation|cluster)$")
    quarter: IsoDate | None = Field(None, description="Any day of the quarter; by default the latest.")
    quarters: int = Field(1, ge=1, le=8, description="How many quarters up to it to add up: 4 for a year.")


@router.get("/recognition/events", response=list[RecognitionEventOut], summary="Recognition events, newest first")
@paginate
def list_events(request, filters: Query[RecognitionEventFilter]):
    quarter = quarter_start(filters.quarter) if filters.quarter else None
    return selectors.events(
        None, kind=filters.kind or "", organisation=filters.organisation, unit=filters.unit, quarter=quarter
    )


@router.get("/recognition/balances", response=list[BalanceOut], summary="Stability, exploration and balance")
def list_balances(request, filters: Query[BalanceFilter]):
    quarters = selectors.quarters_with_events()
    quarter = quarter_start(filters.quarter) if filters.quarter else (quarters[0] if quarters else None)
    if quarter is None:
        return []
    return [
        {
            "slug": subject.slug,
            "name": str(subject),
            "stability": balance.stability,
            "exploration": balance.exploration,
            "balance_index": balance.index,
        }
        for subject, balance in selectors.balances(filters.level, quarter, filters.quarters)
    ]


# -- Lessons -------------------------------------------------------------------------------------------------------
# Only published lessons of public initiatives: a draft is its writers' and reviewers' own.


class LessonOut(Schema):
    id: int
    title: str
    initiative: str = Field(..., alias="initiative.slug")
    organisation: str = Field(..., alias="initiative.organisation.slug")
    tried: str
    expected: str
    happened: str
    learned: str
    advice: str
    tags: list[str]
    published_on: datetime.date
    url: str

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.slug for tag in obj.tags.all()]

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


@router.get("/recognition/lessons", response=list[LessonOut], summary="Published lessons, searchable")
@paginate
def list_lessons(request, q: str = "", tag: str = ""):
    """Full text over the title, the five parts and the tags (with Swedish stemming on PostgreSQL)."""
    return selectors.lesson_list(q=q, tag=tag)


@router.get("/recognition/lessons/{lesson_id}", response=LessonOut, summary="One published lesson")
def get_lesson(request, lesson_id: int):
    found = selectors.lesson_list().filter(pk=lesson_id).first()
    if found is None:
        raise Http404
    return found
