"""Wallet rules in plain Python: the commission's rounding, pesos and percentages as people
type them, an available balance, and a reseller named by id."""

from __future__ import annotations

import pytest

from bot.domain.wallets import (
    MAX_CENTAVOS,
    AccountKind,
    Commission,
    Price,
    Wallet,
    as_user_id,
    commission_on,
    format_centavos,
    format_percent,
    parse_percent,
    parse_pesos,
    price,
)


@pytest.mark.parametrize(
    ("face", "basis_points", "commission"),
    [
        (5_000, 333, 167),  # 3.33 % of $50.00 is 166.5 centavos: the half goes up
        (5_000, 300, 150),  # exact
        (1_000, 325, 33),  # 32.5 → 33
        (1_000, 315, 32),  # 31.5 → 32
        (1_000, 314, 31),  # 31.4 → 31
        (1_000, 316, 32),  # 31.6 → 32
        (100, 50, 1),  # 0.5 → 1: the smallest half, up too
        (100, 49, 0),  # 0.49 → 0
        (1_100, 5, 1),  # 0.55 → 1
        (99_900, 1, 10),  # 9.99 → 10
        (42_000, 0, 0),  # no commission
        (42_000, 10_000, 42_000),  # all of it
        (0, 500, 0),
        (MAX_CENTAVOS, 9_999, 99_990_000),  # large amounts stay exact (no floats)
    ],
)
def test_commission_is_to_the_centavo_with_halves_up(
    face: int, basis_points: int, commission: int
) -> None:
    assert commission_on(face, basis_points) == commission


@pytest.mark.parametrize(("face", "basis_points"), [(-1, 100), (100, -1), (100, 10_001)])
def test_commission_of_a_negative_amount_or_outside_0_to_100_is_an_error(
    face: int, basis_points: int
) -> None:
    with pytest.raises(ValueError, match="commission"):
        commission_on(face, basis_points)


def test_a_sale_costs_the_face_amount_less_the_commission_of_its_kind() -> None:
    commission = Commission(airtime_bp=333, package_bp=500)
    assert price(50, "airtime", commission) == Price(face=5_000, commission=167)
    assert price(50, "airtime", commission).cost == 4_833
    assert price(50, "package", commission) == Price(face=5_000, commission=250)
    assert price(50, "package", Commission()).cost == 5_000


def test_a_commission_is_0_to_100_percent() -> None:
    with pytest.raises(ValueError, match="0 to 100"):
        Commission(airtime_bp=10_001)
    with pytest.raises(ValueError, match="0 to 100"):
        Commission(package_bp=-1)


@pytest.mark.parametrize(
    ("text", "centavos"),
    [
        ("1250", 125_000),
        ("$1,250.50", 125_050),
        ("1,250", 125_000),
        ("12,345,678", None),  # over the most one movement may be
        ("1,000,000", MAX_CENTAVOS),  # the most, exactly
        ("1000000.01", None),
        ("99.5", 9_950),
        ("0.01", 1),
        ("  $ 7 ", 700),
        ("$7.05", 705),
        ("0", None),
        ("0.00", None),
        ("0.001", None),  # a third decimal: no such centavo
        (".5", None),
        ("5.", None),
        ("1,25", None),  # a decimal comma reads as a thousands typo: refused, not guessed
        ("1,2345", None),
        ("12,50.00", None),
        ("-5", None),  # a sign only where one is allowed
        ("+5", None),
        ("", None),
        ("   ", None),
        ("$", None),
        ("cien", None),
        ("7e2", None),
        ("1_000", None),
        ("nan", None),
        ("Infinity", None),
        ("5 pesos", None),
        ("$$5", None),
    ],
)
def test_pesos_as_people_type_them(text: str, centavos: int | None) -> None:
    assert parse_pesos(text) == centavos


@pytest.mark.parametrize(
    ("text", "centavos"),
    [
        ("+5", 500),
        ("-5", -500),
        ("−5", -500),  # the minus sign a phone's keyboard types
        ("- $1,250.50", -125_050),
        ("+ 0.01", 1),
        ("1250", 125_000),
        ("-0", None),
        ("--5", None),
        ("+-5", None),
        ("-", None),
        ("$-5", None),
        ("-1000000.01", None),
    ],
)
def test_signed_pesos_for_an_adjustment(text: str, centavos: int | None) -> None:
    assert parse_pesos(text, signed=True) == centavos


@pytest.mark.parametrize(
    ("text", "basis_points"),
    [
        ("3", 300),
        ("3.5", 350),
        ("3,5", 350),
        ("3.05", 305),
        ("3,50 %", 350),
        ("3%", 300),
        (" 3 % ", 300),
        ("0", 0),
        ("0.01", 1),
        ("100", 10_000),
        ("100.00", 10_000),
        ("100.01", None),
        ("101", None),
        ("1000", None),
        ("3.555", None),
        ("-3", None),
        ("+3", None),
        (".5", None),
        ("5.", None),
        ("%", None),
        ("", None),
        ("tres", None),
        ("1e1", None),
        ("3 %%", None),
    ],
)
def test_percentages_as_people_type_them(text: str, basis_points: int | None) -> None:
    assert parse_percent(text) == basis_points


@pytest.mark.parametrize(
    ("centavos", "shown"),
    [
        (0, "$0.00"),
        (5, "$0.05"),
        (125_000, "$1,250.00"),
        (-350, "-$3.50"),
        (MAX_CENTAVOS, "$1,000,000.00"),
    ],
)
def test_pesos_as_mexico_writes_them(centavos: int, shown: str) -> None:
    assert format_centavos(centavos) == shown


@pytest.mark.parametrize(
    ("basis_points", "shown"), [(350, "3.5 %"), (1_000, "10 %"), (25, "0.25 %")]
)
def test_percentages_as_shown(basis_points: int, shown: str) -> None:
    assert format_percent(basis_points) == shown


def test_what_a_prepaid_wallet_may_still_sell_for() -> None:
    wallet = Wallet(balance=10_000, held=4_000, credit_limit=2_000, account=AccountKind.PREPAID)
    assert wallet.available == 8_000
    assert wallet.covers(8_000)
    assert not wallet.covers(8_001)
    overdrawn = Wallet(balance=-2_000, held=0, credit_limit=2_000, account=AccountKind.PREPAID)
    assert overdrawn.available == 0 and not overdrawn.covers(1)
    unrestricted = Wallet(-50_000, 9_000, 0, AccountKind.UNRESTRICTED)
    assert unrestricted.covers(MAX_CENTAVOS)


@pytest.mark.parametrize(
    ("text", "user_id"),
    [
        ("123456789", 123_456_789),
        (" 42 ", 42),
        ("1234567890123456", None),  # longer than any Telegram id
        ("-42", None),
        ("42a", None),
        ("", None),
        ("²", None),  # a digit to str.isdigit(), not to int()
        ("١٢٣", None),  # digits of another script: not an id typed as Telegram shows it
    ],
)
def test_a_telegram_id_as_typed(text: str, user_id: int | None) -> None:
    assert as_user_id(text) == user_id
