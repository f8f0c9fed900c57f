import datetime

from hypothesis import given
from hypothesis import strategies as st

from tvatakt.portfolio.dates import (
    add_quarters,
    extension_limit,
    is_working_day,
    parse_quarter,
    quarter_end,
    quarter_label,
    quarter_start,
    standstill_end,
)

dates = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2090, 12, 31))


def test_standstill_is_ten_days_after_an_electronic_award_on_an_ordinary_week():
    # Monday 2 November 2026 + 10 days = Thursday 12 November, a working day.
    assert standstill_end(datetime.date(2026, 11, 2), electronically=True) == datetime.date(2026, 11, 12)


def test_standstill_is_fifteen_days_when_the_award_was_sent_by_post():
    assert standstill_end(datetime.date(2026, 11, 2), electronically=False) == datetime.date(2026, 11, 17)


def test_standstill_ending_on_christmas_eve_moves_past_the_holidays_and_the_weekend():
    # 14 Dec 2026 + 10 = Thursday 24 Dec (julafton), 25–26 holidays, 27 Sunday.
    assert standstill_end(datetime.date(2026, 12, 14), electronically=True) == datetime.date(2026, 12, 28)


def test_standstill_ending_on_midsummer_eve_moves_to_monday():
    assert standstill_end(datetime.date(2026, 6, 9), electronically=True) == datetime.date(2026, 6, 22)


def test_standstill_ending_on_a_saturday_moves_to_monday():
    assert standstill_end(datetime.date(2026, 11, 4), electronically=True) == datetime.date(2026, 11, 16)


@given(dates, st.booleans())
def test_standstill_ends_on_a_working_day_no_earlier_than_the_statutory_days(sent_on, electronically):
    end = standstill_end(sent_on, electronically=electronically)
    minimum = sent_on + datetime.timedelta(days=10 if electronically else 15)
    assert end >= minimum
    assert is_working_day(end)
    # Every day skipped was a day off: the end is the first working day on or after the minimum.
    day = minimum
    while day < end:
        assert not is_working_day(day)
        day += datetime.timedelta(days=1)


@given(dates)
def test_a_day_lies_within_its_quarter(day):
    start, end = quarter_start(day), quarter_end(day)
    assert start <= day <= end
    assert start.day == 1 and start.month in (1, 4, 7, 10)
    assert (end + datetime.timedelta(days=1)) == add_quarters(start, 1)
    assert parse_quarter(quarter_label(day)) == start


@given(dates, st.integers(min_value=-40, max_value=40))
def test_adding_quarters_moves_three_months_each(day, n):
    start = quarter_start(day)
    moved = add_quarters(start, n)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == 3 * n


def test_parse_quarter_refuses_nonsense():
    assert parse_quarter("2026 Q5") is None
    assert parse_quarter("hello") is None
    assert parse_quarter("") is None
    assert parse_quarter("2026-q2") == datetime.date(2026, 4, 1)


@given(dates, dates)
def test_a_sprint_is_overrun_exactly_when_its_quarter_is_over_without_an_outcome(start, today):
    from tvatakt.portfolio.models import Initiative, ProcessType

    quarter = quarter_start(start)
    sprint = Initiative(
        process_type=ProcessType(mode="sprint"), status="active", quarter=quarter, timebox_end=quarter_end(quarter)
    )
    assert sprint.is_overrun(today) == (today > quarter_end(quarter))
    sprint.outcome = "stopped"
    assert not sprint.is_overrun(today)
    marathon = Initiative(process_type=ProcessType(mode="marathon"), status="active", timebox_end=quarter_end(quarter))
    assert not marathon.is_overrun(today)


@given(dates)
def test_an_extension_reaches_at_most_the_end_of_the_next_quarter(timebox_end):
    limit = extension_limit(timebox_end)
    assert limit > timebox_end
    assert quarter_start(limit) == add_quarters(quarter_start(timebox_end), 1)
    assert limit == quarter_end(limit)
    assert (limit - timebox_end).days <= 92 + 92
