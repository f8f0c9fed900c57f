"""Date arithmetic for timeboxes (quarters) and the LOU standstill period (avtalsspärr)."""

import datetime
import functools

import holidays


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_end(day: datetime.date) -> datetime.date:
    start = quarter_start(day)
    return add_quarters(start, 1) - datetime.timedelta(days=1)


def add_quarters(start: datetime.date, quarters: int) -> datetime.date:
    """The first day of the quarter `quarters` after the one starting on `start`."""
    months = start.year * 12 + start.month - 1 + 3 * quarters
    return datetime.date(months // 12, months % 12 + 1, 1)


def extension_limit(timebox_end: datetime.date) -> datetime.date:
    """The latest a timebox may be extended to: the end of the quarter after the one it ends in."""
    return quarter_end(add_quarters(quarter_start(timebox_end), 1))


def quarter_label(day: datetime.date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def parse_quarter(text: str) -> datetime.date | None:
    """'2026 Q4', '2026-Q4' or '2026q4' → the quarter's first day; anything else → None."""
    cleaned = text.strip().upper().replace("-", " ").replace("  ", " ")
    if " Q" not in cleaned:
        cleaned = cleaned.replace("Q", " Q")
    year, _, number = cleaned.partition(" Q")
    if not (year.isdigit() and number.isdigit() and 1 <= int(number) <= 4 and 1900 < int(year) < 3000):
        return None
    return datetime.date(int(year), 3 * int(number) - 2, 1)


@functools.cache
def _days_off(year: int) -> frozenset[datetime.date]:
    """Public holidays, plus the three eves that the law on computing statutory time treats as holidays."""
    public = holidays.country_holidays("SE", years=year)
    # Midsummer eve is the Friday between 19 and 25 June. Computed, not looked up by its name, which
    # the holidays package gives in the server's language.
    june_19 = datetime.date(year, 6, 19)
    midsummer_eve = june_19 + datetime.timedelta(days=(4 - june_19.weekday()) % 7)
    return frozenset(public) | {midsummer_eve, datetime.date(year, 12, 24), datetime.date(year, 12, 31)}


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _days_off(day.year)


def next_working_day(day: datetime.date) -> datetime.date:
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def standstill_end(sent_on: datetime.date, *, electronically: bool) -> datetime.date:
    """The last day of the standstill period after an award decision is sent (LOU 12 kap. 3 §).

    Ten days when the decision was sent electronically, otherwise fifteen, counted from the day after
    it was sent. A period that would end on a Saturday, Sunday or public holiday ends on the next
    working day instead; so does one ending on midsummer eve, Christmas eve or New Year's eve (lagen
    1930:173 om beräkning av lagstadgad tid, 2 §).
    """
    days = 10 if electronically else 15
    return next_working_day(sent_on + datetime.timedelta(days=days))
