"""parse_amount: the issue's examples, package prices, and properties over any text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import DomainError
from bot.domain.amounts import AmountError, parse_amount
from bot.domain.catalog import AIRTIME, CATALOG, PACKAGES, Product
from bot.domain.formatting import format_money

KEYS = {"amount.empty", "amount.not_number", "amount.decimal", "amount.range", "amount.package"}
RANGE = {"min": 10, "max": 5000}


def package(price: int) -> Product:
    product = next((p for p in PACKAGES if p.price == price), None)
    assert product is not None
    return product


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10", 10),
        ("5000", 5000),
        ("$100", 100),
        (" 50 ", 50),
        ("$ 50", 50),
        ("1,000", 1000),
        ("$5,000", 5000),
        ("100.00", 100),
        ("100.0", 100),
        ("0050", 50),
        ("+50", 50),
        ("50 pesos", 50),
        ("10 PESOS", 10),
        ("10 peso", 10),
        ("$1,000 MXN", 1000),
        ("100mxn", 100),
        ("\u00a0200\u00a0", 200),
        ("\u200b100", 100),  # copied with a zero-width space
        ("\u2066$1,000\u2069", 1000),
    ],
)
def test_airtime_accepts_whole_pesos(text: str, expected: int) -> None:
    assert parse_amount(text, AIRTIME) == expected


@pytest.mark.parametrize(
    ("text", "key", "params"),
    [
        ("", "amount.empty", {}),
        ("   ", "amount.empty", {}),
        ("diez", "amount.not_number", {}),
        ("1e3", "amount.not_number", {}),
        ("0x10", "amount.not_number", {}),
        ("５０", "amount.not_number", {}),
        ("٥٠", "amount.not_number", {}),
        ("inf", "amount.not_number", {}),
        ("nan", "amount.not_number", {}),
        ("1,00", "amount.not_number", {}),
        ("1.000", "amount.not_number", {}),
        ("1 000", "amount.not_number", {}),
        ("10.", "amount.not_number", {}),
        (".5", "amount.not_number", {}),
        ("$", "amount.not_number", {}),
        ("50 dólares", "amount.not_number", {}),
        ("50 peſos", "amount.not_number", {}),
        ("USD 50", "amount.not_number", {}),
        ("−5", "amount.not_number", {}),
        ("10.50", "amount.decimal", {}),
        ("10.5", "amount.decimal", {}),
        ("5000.01", "amount.decimal", {}),
        ("0", "amount.range", RANGE),
        ("-5", "amount.range", RANGE),
        ("-0", "amount.range", RANGE),
        ("9", "amount.range", RANGE),
        ("5001", "amount.range", RANGE),
        ("10,000", "amount.range", RANGE),
        ("1" * 30 + " pesos extra", "amount.not_number", {}),
        ("9" * 40, "amount.range", RANGE),
        ("9" * 41, "amount.range", RANGE),  # past what is read, but only digits: too big
        ("9" * 10_000, "amount.range", RANGE),
        ("9" * 41 + "x", "amount.not_number", {}),
    ],
)
def test_airtime_refusals_carry_the_right_key(text: str, key: str, params: dict[str, int]) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text, AIRTIME)
    assert caught.value.key == key
    assert caught.value.params == params


def test_a_package_takes_exactly_its_price() -> None:
    thirty = package(30)
    assert parse_amount("30", thirty) == 30
    assert parse_amount("$30.00", thirty) == 30
    for text in ("50", "10", "0", "-30", "31"):
        with pytest.raises(AmountError) as caught:
            parse_amount(text, thirty)
        assert caught.value.key == "amount.package"
        assert caught.value.params == {"price": 30}


def test_a_package_still_refuses_non_numbers_and_cents() -> None:
    with pytest.raises(AmountError, match=r"amount\.not_number"):
        parse_amount("treinta", package(30))
    with pytest.raises(AmountError, match=r"amount\.decimal"):
        parse_amount("30.50", package(30))


def test_amount_error_is_a_domain_error() -> None:
    assert issubclass(AmountError, DomainError)


def parse_or_error(text: str, product: Product) -> int | AmountError:
    try:
        return parse_amount(text, product)
    except AmountError as error:
        return error


def check_amount(text: str, product: Product) -> None:
    """Anything other than AmountError escapes parse_or_error and fails the test."""
    result = parse_or_error(text, product)
    if isinstance(result, AmountError):
        assert result.key in KEYS
        return
    assert type(result) is int
    if product.price is not None:
        assert result == product.price
    else:
        assert product.min_amount <= result <= product.max_amount


_PRODUCTS = st.sampled_from(CATALOG)


@given(st.text(), _PRODUCTS)
def test_any_text_is_an_accepted_amount_or_raises_amount_error(
    text: str, product: Product
) -> None:
    check_amount(text, product)


_AMOUNT_TOKENS = st.sampled_from(
    ["$", "-", "+", ",", ".", " ", "e", "x", "pesos", "MXN", "00", "000", ",000", "５"]
)
_DIGIT_RUNS = st.text(alphabet="0123456789", max_size=5)


@given(st.lists(st.one_of(_AMOUNT_TOKENS, _DIGIT_RUNS), max_size=10).map("".join), _PRODUCTS)
def test_amount_like_text_is_accepted_or_raises_amount_error(text: str, product: Product) -> None:
    check_amount(text, product)


@given(
    st.integers(min_value=10, max_value=5000),
    st.sampled_from(["{}", "${:,}", "{}.00", "{:,} MXN"]),
)
def test_airtime_amounts_in_range_round_trip(amount: int, template: str) -> None:
    assert parse_amount(template.format(amount), AIRTIME) == amount


@given(st.integers(min_value=10, max_value=5000))
def test_formatted_money_parses_back(amount: int) -> None:
    assert parse_amount(format_money(amount), AIRTIME) == amount


@given(st.integers(min_value=-(10**30), max_value=10**30).filter(lambda n: not 10 <= n <= 5000))
def test_airtime_amounts_out_of_range_are_refused(amount: int) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(str(amount), AIRTIME)
    assert caught.value.key == "amount.range"
    assert caught.value.params == RANGE


@pytest.mark.parametrize("product", PACKAGES, ids=lambda p: p.product_id)
def test_every_package_accepts_its_own_price(product: Product) -> None:
    assert product.price is not None
    assert parse_amount(str(product.price), product) == product.price
