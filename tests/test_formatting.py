"""How money, phone numbers and times are shown."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.domain.phones import parse_phone
from tests.test_phones import is_valid_mx

MEXICO_CITY = ZoneInfo("America/Mexico_City")


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (1234, "MXN", "$1,234 MXN"),
        (10, "MXN", "$10 MXN"),
        (0, "MXN", "$0 MXN"),
        (-5, "MXN", "-$5 MXN"),
        (1_000_000, "MXN", "$1,000,000 MXN"),
        (Decimal("1234.50"), "USD", "$1,234.50 USD"),
        (Decimal("1234.5"), "USD", "$1,234.50 USD"),
        (Decimal("990.00"), "USD", "$990 USD"),
        (Decimal("990"), "USD", "$990 USD"),
        (Decimal("0.05"), "USD", "$0.05 USD"),
        (Decimal("0.005"), "USD", "$0.01 USD"),
        (Decimal("0.004"), "USD", "$0 USD"),
        (Decimal("-0.001"), "USD", "$0 USD"),
        (Decimal("-12.30"), "USD", "-$12.30 USD"),
        (Decimal("1E+3"), "USD", "$1,000 USD"),
        # Past 28 significant digits, Decimal's default precision would refuse to round.
        (Decimal("1E+30"), "MXN", "$1,000,000,000,000,000,000,000,000,000,000 MXN"),
        (
            Decimal("123456789012345678901234567890.125"),
            "MXN",
            "$123,456,789,012,345,678,901,234,567,890.13 MXN",
        ),
    ],
)
def test_format_money(amount: int | Decimal, currency: str, expected: str) -> None:
    assert format_money(amount, currency) == expected


def test_format_money_defaults_to_pesos() -> None:
    assert format_money(50) == "$50 MXN"


@pytest.mark.parametrize("amount", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_format_money_refuses_non_finite_decimals(amount: Decimal) -> None:
    with pytest.raises(ValueError, match="non-finite"):
        format_money(amount, "USD")


@pytest.mark.parametrize(
    ("ten_digits", "expected"),
    [
        ("5537686660", "55 3768 6660"),
        ("3312345678", "33 1234 5678"),
        ("8112345678", "81 1234 5678"),
        ("2221234567", "222 123 4567"),
        ("5012345678", "501 234 5678"),
    ],
)
def test_format_phone_groups_by_area_code(ten_digits: str, expected: str) -> None:
    assert format_phone(ten_digits) == expected


@pytest.mark.parametrize(
    "bad", ["", "553768666", "55376866600", "55 3768 66", "５５３７６８６６６０"]
)
def test_format_phone_refuses_anything_but_ten_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="ten-digit"):
        format_phone(bad)


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_format_phone_only_inserts_spaces(ten_digits: str) -> None:
    assert format_phone(ten_digits).replace(" ", "") == ten_digits


@given(st.text(alphabet="0123456789", min_size=10, max_size=10).filter(is_valid_mx))
def test_formatted_valid_phones_parse_back(ten_digits: str) -> None:
    assert parse_phone(format_phone(ten_digits)) == ten_digits


def test_format_datetime_in_spanish_and_english() -> None:
    moment = datetime(2026, 11, 28, 20, 5, tzinfo=UTC)  # 14:05 in Mexico City (UTC-6)
    assert format_datetime(moment, MEXICO_CITY, "es") == "28/11/2026 14:05"
    assert format_datetime(moment, MEXICO_CITY, "en") == "28 Nov 2026, 14:05"
    assert format_datetime(moment, MEXICO_CITY, "fr") == "28/11/2026 14:05"


def test_format_datetime_converts_to_the_local_day() -> None:
    moment = datetime(2026, 3, 6, 3, 7, tzinfo=UTC)
    assert format_datetime(moment, MEXICO_CITY, "es") == "05/03/2026 21:07"
    assert format_datetime(moment, MEXICO_CITY, "en") == "5 Mar 2026, 21:07"


def test_format_datetime_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="aware"):
        format_datetime(datetime(2026, 11, 28, 14, 5), MEXICO_CITY, "es")  # noqa: DTZ001
