"""Reading the periods people type into whole local days, and refusing what cannot be one."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain import DomainError
from bot.domain.periods import MAX_DAYS, Named, Period, parse_period, split_period

TODAY = date(2026, 12, 6)  # a Sunday
MEXICO = ZoneInfo("America/Mexico_City")
YESTERDAY = Period(date(2026, 12, 5), date(2026, 12, 5), Named.YESTERDAY)


@pytest.mark.parametrize(
    ("typed", "first", "last", "named"),
    [
        ("", date(2026, 12, 6), date(2026, 12, 6), Named.TODAY),
        ("hoy", date(2026, 12, 6), date(2026, 12, 6), Named.TODAY),
        ("AYER", date(2026, 12, 5), date(2026, 12, 5), Named.YESTERDAY),
        ("yesterday", date(2026, 12, 5), date(2026, 12, 5), Named.YESTERDAY),
        ("semana", date(2026, 11, 30), date(2026, 12, 6), Named.WEEK),
        ("mes", date(2026, 12, 1), date(2026, 12, 6), Named.MONTH),
        ("semana  pasada", date(2026, 11, 23), date(2026, 11, 29), Named.LAST_WEEK),
        ("last month", date(2026, 11, 1), date(2026, 11, 30), Named.LAST_MONTH),
        ("2026-12-01", date(2026, 12, 1), date(2026, 12, 1), None),
        ("01/12/2026", date(2026, 12, 1), date(2026, 12, 1), None),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28), None),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), None),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 6), None),
        ("2025-12", date(2025, 12, 1), date(2025, 12, 31), None),
        ("2026-11-01 30/11/2026", date(2026, 11, 1), date(2026, 11, 30), None),
        ("2025-12-06 2026-12-06", date(2025, 12, 6), date(2026, 12, 6), None),
    ],
)
def test_what_people_type_reads_as_whole_days(
    typed: str, first: date, last: date, named: Named | None
) -> None:
    assert parse_period(typed, TODAY) == Period(first, last, named)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("mañana", "periods.unknown"),
        ("2026-13-01", "periods.bad_date"),
        ("31/02/2026", "periods.bad_date"),
        ("2026-13", "periods.bad_date"),
        ("2026-11-30 2026-11-01", "periods.reversed"),
        ("2026-12-07", "periods.future"),
        ("2026-12-01 2026-12-31", "periods.future"),
        ("2027-01", "periods.future"),
        ("2025-01-01 2026-12-01", "periods.too_long"),
        ("2026-11-01 2026-11-02 2026-11-03", "periods.unknown"),
        ("1/1", "periods.unknown"),
    ],
)
def test_what_cannot_be_a_period_names_why(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_period(typed, TODAY)
    assert refused.value.key == key


def test_a_year_and_a_day_is_the_most() -> None:
    assert parse_period("2025-12-06 2026-12-06", TODAY).days == MAX_DAYS
    with pytest.raises(DomainError):
        parse_period("2025-12-05 2026-12-06", TODAY)


def test_the_default_is_what_the_command_asks_for() -> None:
    assert parse_period(" ", TODAY, default=Named.MONTH).named is Named.MONTH


def test_bounds_are_local_midnights_in_utc() -> None:
    start, end = Period(date(2026, 12, 1), date(2026, 12, 2)).bounds(MEXICO)
    assert start == datetime(2026, 12, 1, 6, tzinfo=UTC)
    assert end == datetime(2026, 12, 3, 6, tzinfo=UTC)


def test_a_day_with_a_change_of_offset_is_counted_right() -> None:
    start, end = Period(date(2026, 3, 8), date(2026, 3, 8)).bounds(ZoneInfo("America/Tijuana"))
    assert (end - start).total_seconds() == 23 * 3600


@pytest.mark.parametrize(
    ("typed", "period", "rest"),
    [
        ("", None, ""),
        ("Abarrotes Lupita", None, "Abarrotes Lupita"),
        ("ayer", Period(date(2026, 12, 5), date(2026, 12, 5), Named.YESTERDAY), ""),
        (
            "ayer Abarrotes Lupita",
            Period(date(2026, 12, 5), date(2026, 12, 5), Named.YESTERDAY),
            "Abarrotes Lupita",
        ),
        (
            "Abarrotes Lupita ayer",
            Period(date(2026, 12, 5), date(2026, 12, 5), Named.YESTERDAY),
            "Abarrotes Lupita",
        ),
        ("mes pasado 42", Period(date(2026, 11, 1), date(2026, 11, 30), Named.LAST_MONTH), "42"),
        ("42 2026-11-01 2026-11-15", Period(date(2026, 11, 1), date(2026, 11, 15)), "42"),
        ("2026-11-01 Sol", Period(date(2026, 11, 1), date(2026, 11, 1)), "Sol"),
    ],
)
def test_a_period_is_read_before_or_after_a_name(
    typed: str, period: Period | None, rest: str
) -> None:
    assert split_period(typed, TODAY) == (period, rest)


@pytest.mark.parametrize(
    ("typed", "key"),
    [("Lupita 31/02/2026", "periods.bad_date"), ("2026-12-24 Lupita", "periods.future")],
)
def test_a_date_that_cannot_be_is_not_taken_for_a_name(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as refused:
        split_period(typed, TODAY)
    assert refused.value.key == key
