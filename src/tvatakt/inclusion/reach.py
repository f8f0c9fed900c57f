"""Who the events reach: participants by age group and district per quarter, first-timers, the confidence gain,
the no-show rate, and coverage per 1,000 inhabitants, with the districts and age groups under-reached.

Counted from what erasure leaves (age groups, districts, statuses, answers), in a few grouped queries; never from
names. A participant counts when their registration attended an event in the period."""

import dataclasses
import datetime

from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.inclusion.choices import AgeGroup, Status
from tvatakt.inclusion.models import Feedback, Participant, Population, Registration
from tvatakt.organisation.models import Organisation

UNDER = 0.5  # under half the city-wide rate for the age group is under-reached
QUARTERS = 4


@dataclasses.dataclass
class Coverage:
    district: str
    rates: list[tuple[str, float | None, bool]]  # (age group, per 1,000, under-reached)


@dataclasses.dataclass
class Reach:
    quarters: list[str]
    by_age: dict[str, list[int]]  # age group label: participants per quarter
    by_district: list[tuple[str, int]]
    first_time: list[float | None]  # per quarter, percent
    no_show: list[float | None]  # per quarter, percent
    sure: list[tuple[str, float | None, float | None]]  # age group label, mean before, mean after
    coverage: list[Coverage]
    city_rates: list[tuple[str, float | None]]
    population_year: int | None
    estimate: bool
    under: list[str] = dataclasses.field(default_factory=list)


def _quarters(today: datetime.date) -> list[tuple[int, int]]:
    year, quarter = today.year, (today.month - 1) // 3 + 1
    found = []
    for _step in range(QUARTERS):
        found.append((year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return list(reversed(found))


def reach(today: datetime.date | None = None) -> Reach:
    today = today or timezone.localdate()
    quarters = _quarters(today)
    first = datetime.date(quarters[0][0], 3 * quarters[0][1] - 2, 1)
    # Bounds as times, not dates: comparing `starts_at__date` converts every row's time (in Python, on SQLite).
    since, until = _midnight(first), _midnight(today + datetime.timedelta(days=1))
    came = Participant.objects.filter(
        registration__status=Status.ATTENDED, registration__event__starts_at__gte=since,
        registration__event__starts_at__lt=until,
    )  # fmt: skip
    ages = {code: str(label) for code, label in AgeGroup.choices}
    by_age = {label: [0] * len(quarters) for label in ages.values()}
    first_counts = [[0, 0] for _ in quarters]
    # Counted per event's start in SQL and put in quarters here: SQLite extracts a quarter in Python, row by row.
    for row in came.values("registration__event__starts_at", "age_group").annotate(
        n=Count("pk"), new=Count("pk", filter=Q(first_time=True))
    ):
        index = _quarter_index(quarters, row["registration__event__starts_at"])
        if index is None:
            continue
        by_age[ages[row["age_group"]]][index] += row["n"]
        first_counts[index][0] += row["new"]
        first_counts[index][1] += row["n"]
    districts = dict(Organisation.objects.filter(kind="district_administration").values_list("pk", "name"))
    by_district = sorted(
        ((districts.get(row["registration__district"], _("Not given")), row["n"])
         for row in came.values("registration__district").annotate(n=Count("pk"))),
        key=lambda pair: (-pair[1], pair[0]),
    )  # fmt: skip
    seats = Registration.objects.filter(
        status__in=[Status.ATTENDED, Status.NO_SHOW], event__starts_at__gte=since, event__starts_at__lt=until
    )
    shows = [[0, 0] for _ in quarters]
    for row in seats.values("event__starts_at").annotate(
        all=Count("pk"), missed=Count("pk", filter=Q(status=Status.NO_SHOW))
    ):
        index = _quarter_index(quarters, row["event__starts_at"])
        if index is not None:
            shows[index][0] += row["missed"]
            shows[index][1] += row["all"]
    no_show = [_percent(missed, total) for missed, total in shows]
    answers = (
        Feedback.objects.filter(registration__event__starts_at__gte=since)
        .values("registration__participants__age_group")
        .annotate(before=Avg("sure_before"), after=Avg("sure_after"))
    )
    sure_by = {row["registration__participants__age_group"]: row for row in answers}
    sure = [(label, _round(sure_by.get(code, {}).get("before")), _round(sure_by.get(code, {}).get("after")))
            for code, label in ages.items()]  # fmt: skip
    coverage, city_rates, year, estimate = _coverage(came, districts, ages)
    result = Reach(
        quarters=[f"{y} Q{q}" for y, q in quarters], by_age=by_age, by_district=by_district,
        first_time=[_percent(new, total) for new, total in first_counts], no_show=no_show, sure=sure,
        coverage=coverage, city_rates=city_rates, population_year=year, estimate=estimate,
    )  # fmt: skip
    result.under = [f"{row.district}, {age}" for row in coverage for age, _rate, under in row.rates if under]
    return result


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=timezone.get_current_timezone())


def _quarter_index(quarters: list[tuple[int, int]], moment: datetime.datetime) -> int | None:
    local = timezone.localtime(moment)
    key = (local.year, (local.month - 1) // 3 + 1)
    return quarters.index(key) if key in quarters else None


def _coverage(came, districts: dict, ages: dict) -> tuple[list[Coverage], list, int | None, bool]:
    """Participants in the period per 1,000 inhabitants, by district and age group, against the latest figures."""
    year = Population.objects.order_by("-year").values_list("year", flat=True).first()
    if year is None:
        return [], [], None, False
    figures = Population.objects.filter(year=year)
    people = {(row.district_id, row.age_group): row.people for row in figures}
    estimate = figures.filter(estimate=True).exists()
    counts = {
        (row["registration__district"], row["age_group"]): row["n"]
        for row in came.values("registration__district", "age_group").annotate(n=Count("pk"))
    }
    city = {}
    for code in ages:
        total = sum(value for (_district, group), value in people.items() if group == code)
        reached = sum(value for (district, group), value in counts.items() if group == code and district)
        city[code] = 1000 * reached / total if total else None
    rows = []
    for pk, name in sorted(districts.items(), key=lambda item: item[1]):
        rates = []
        for code, label in ages.items():
            inhabitants = people.get((pk, code))
            rate = 1000 * counts.get((pk, code), 0) / inhabitants if inhabitants else None
            under = rate is not None and city[code] is not None and rate < UNDER * city[code]
            rates.append((label, _round(rate, 2), under))
        rows.append(Coverage(name.removesuffix(" stadsdelsförvaltning"), rates))
    return rows, [(ages[code], _round(rate, 2)) for code, rate in city.items()], year, estimate


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _round(value, digits: int = 1):
    return round(value, digits) if value is not None else None
