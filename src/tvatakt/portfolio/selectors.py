"""Reads for the portfolio, shaped so that each page costs a fixed number of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from tvatakt.council.models import AgendaItem
from tvatakt.portfolio.choices import Mode
from tvatakt.portfolio.dates import quarter_end, quarter_start
from tvatakt.portfolio.filters import InitiativeFilter
from tvatakt.portfolio.models import Benefit, CheckIn, GateDecision, Initiative, Phase, ProcessType

BOARD_LIMIT = 60  # rows per lane; the list page shows the rest


def initiative_list(*, user, filters: InitiativeFilter | None = None) -> QuerySet[Initiative]:
    qs = (filters or InitiativeFilter()).apply(Initiative.objects.visible_to(user))
    return qs.select_related("process_type", "current_phase", "organisation", "unit", "lead").order_by(
        "-start_date", "title", "pk"
    )


def initiative_detail(*, user, slug: str) -> Initiative:
    return (
        Initiative.objects.visible_to(user)
        .select_related("process_type__unit", "current_phase", "organisation", "unit", "lead")
        .prefetch_related(
            "clusters",
            "team",
            Prefetch("process_type__phases", queryset=Phase.objects.order_by("order", "pk")),
            Prefetch("gate_decisions", queryset=GateDecision.objects.select_related("decided_by").order_by("sequence")),
            Prefetch("check_ins", queryset=CheckIn.objects.select_related("author").order_by("-date", "-pk")),
            Prefetch("benefits", queryset=Benefit.objects.select_related("owner")),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("meeting", "decision").order_by("-meeting__starts_at"),
            ),
            # Where it came from (a hackathon's winner, an idea from a consultation) and the open data it uses.
            Prefetch("hackathon_submissions", queryset=_origins("team__hackathon", "team__challenge")),
            Prefetch("ideas", queryset=_ideas()),
            Prefetch("datasets_used", queryset=_uses()),
        )
        .get(slug=slug)
    )


def _origins(*related: str):
    from tvatakt.innovation.models import Submission

    return Submission.objects.select_related(*related).order_by("pk")


def _ideas():
    from tvatakt.innovation.models import Idea

    return Idea.objects.filter(state="published").select_related("consultation").order_by("pk")


def _uses():
    from tvatakt.opendata.models import DatasetUse

    return DatasetUse.objects.filter(dataset__state="public").select_related("dataset").order_by("dataset__title")


@dataclass
class Timeline:
    first_year: int
    last_year: int
    rows: list[tuple[Initiative, float, float]]  # initiative, left %, width %
    total: int
    today: float  # where today falls, in % of the axis

    @property
    def years(self) -> list[tuple[int, float]]:
        span = self.last_year - self.first_year + 1
        return [(year, 100 * (year - self.first_year) / span) for year in range(self.first_year, self.last_year + 1)]


def marathon_timeline(*, user, filters: InitiativeFilter, today: datetime.date | None = None) -> Timeline:
    """Open marathon initiatives on a five-year axis: two years back, this year and two ahead."""
    today = today or timezone.localdate()
    first, last = today.year - 2, today.year + 2
    start, end = datetime.date(first, 1, 1), datetime.date(last, 12, 31)
    qs = initiative_list(user=user, filters=filters).open().filter(process_type__mode=Mode.MARATHON)
    qs = qs.filter(start_date__lte=end, planned_end__gte=start).order_by("start_date", "title", "pk")
    total = qs.count()
    span = (end - start).days + 1
    rows = []
    for initiative in qs[:BOARD_LIMIT]:
        left = max(initiative.start_date, start)
        right = min(initiative.planned_end, end)
        rows.append((initiative, 100 * (left - start).days / span, max(100 * ((right - left).days + 1) / span, 1.0)))
    return Timeline(first, last, rows, total, 100 * (today - start).days / span)


@dataclass
class SprintBoard:
    process_type: ProcessType
    columns: list[tuple[Phase, list[Initiative]]]


def sprint_board(
    *, user, filters: InitiativeFilter, today: datetime.date | None = None
) -> tuple[list[SprintBoard], int]:
    """This quarter's open sprints, and overrun ones from earlier quarters, by process type and phase."""
    today = today or timezone.localdate()
    qs = initiative_list(user=user, filters=filters).open().filter(process_type__mode=Mode.SPRINT)
    qs = qs.filter(quarter__lte=quarter_start(today), timebox_end__gte=quarter_start(today)) | qs.overrun(today)
    qs = qs.filter(quarter__lte=quarter_end(today)).order_by("title", "pk")
    initiatives = list(qs[:BOARD_LIMIT])
    total = qs.count() if len(initiatives) == BOARD_LIMIT else len(initiatives)
    by_phase = defaultdict(list)
    for initiative in initiatives:
        by_phase[initiative.current_phase_id].append(initiative)
    types = ProcessType.objects.filter(mode=Mode.SPRINT).prefetch_related(
        Prefetch("phases", queryset=Phase.objects.order_by("order", "pk"))
    )
    boards = []
    for process_type in types:
        columns = [
            (phase, by_phase[phase.pk]) for phase in process_type.phases.all() if phase.is_active or by_phase[phase.pk]
        ]
        if any(items for _, items in columns):
            boards.append(SprintBoard(process_type, columns))
    return boards, total


def process_type_list() -> QuerySet[ProcessType]:
    return (
        ProcessType.objects.select_related("unit")
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.filter(is_active=True).order_by("order", "pk")))
        .order_by("unit__number", "mode", "name")
    )


def process_type_detail(*, slug: str) -> ProcessType:
    return (
        ProcessType.objects.select_related("unit")
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("order", "pk")))
        .get(slug=slug)
    )


def units_managed_by(user) -> QuerySet:
    """The units whose process types `user` may define and edit."""
    from tvatakt.organisation.models import Unit

    units = Unit.objects.all()
    return units.filter(pk__in=[unit.pk for unit in units if user.has_perm("portfolio.manage_process_types", unit)])
