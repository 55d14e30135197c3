"""/exportar's rules: what the words ask for, and cells a spreadsheet reads right."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import DomainError
from bot.domain.exports import Asked, LocalTimes, money, read_request, safe
from bot.domain.periods import Named, Period

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("", Asked(Period(date(2026, 12, 1), TODAY, Named.MONTH), "")),
        ("ayer", Asked(Period(date(2026, 12, 4), date(2026, 12, 4), Named.YESTERDAY), "")),
        (
            "mes pasado 12345",
            Asked(Period(date(2026, 11, 1), date(2026, 11, 30), Named.LAST_MONTH), "12345"),
        ),
        (
            "2026-11-01 2026-11-15 Tienda Sol",
            Asked(Period(date(2026, 11, 1), date(2026, 11, 15)), "Tienda Sol"),
        ),
        ("01/12/2026 Sol", Asked(Period(date(2026, 12, 1), date(2026, 12, 1)), "Sol")),
        ("hoy mes", Asked(Period(TODAY, TODAY, Named.TODAY), "mes")),
    ],
)
def test_a_period_first_then_who(typed: str, asked: Asked) -> None:
    assert read_request(typed, TODAY) == asked


def test_no_period_at_all_may_be_a_reseller() -> None:
    assert read_request("Tienda Sol", TODAY) is None
    assert read_request("123456789", TODAY) is None


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("2026-12-10", "periods.future"),
        ("2026-11-10 2026-11-01", "periods.reversed"),
        ("2024-01-01 2026-12-01", "periods.too_long"),
        ("2026-02-30 Sol", "periods.bad_date"),
    ],
)
def test_a_date_that_cannot_be_is_its_error(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as raised:
        read_request(typed, TODAY)
    assert raised.value.key == key


@pytest.mark.parametrize(
    ("centavos", "cell"),
    [
        (0, "0.00"),
        (5, "0.05"),
        (123_450, "1234.50"),
        (-305, "-3.05"),
        (-100_000_000, "-1000000.00"),
    ],
)
def test_money_is_a_plain_decimal(centavos: int, cell: str) -> None:
    assert money(centavos) == cell


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_money_reads_back_to_the_centavo(centavos: int) -> None:
    pesos, cents = money(centavos).lstrip("-").split(".")
    sign = -1 if money(centavos).startswith("-") else 1
    assert sign * (int(pesos) * 100 + int(cents)) == centavos


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+52 55", "'+52 55"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Peñaloza = 1", "Peñaloza = 1"),
        (None, ""),
    ],
)
def test_text_never_runs_as_a_formula(text: str | None, cell: str) -> None:
    assert safe(text) == cell


def test_times_are_local_dates_and_times() -> None:
    times = LocalTimes(ZoneInfo("America/Mexico_City"))
    assert times("2026-12-05T05:30:00.123456+00:00") == ("2026-12-04", "23:30:00")
    assert times.stamp("2026-12-05T06:00:00+00:00") == "2026-12-05 00:00:00"
    assert times(None) == ("", "")


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)))  # noqa: DTZ001
def test_an_hours_offset_looked_up_once_is_the_zones(moment: datetime) -> None:
    """Across daylight saving's changes too, in zones that had them and have them."""
    for name in ("America/Mexico_City", "America/Tijuana", "Australia/Lord_Howe"):
        zone = ZoneInfo(name)
        stamp = moment.replace(tzinfo=UTC).isoformat()
        local = moment.replace(tzinfo=UTC).astimezone(zone)
        expected = (local.date().isoformat(), local.time().isoformat("seconds"))
        times = LocalTimes(zone)
        times(stamp[:13] + ":00:00+00:00")  # the hour's offset, from another row
        assert times(stamp) == expected
