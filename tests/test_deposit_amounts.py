"""Amounts as resellers and admins type them for deposits, credits and adjustments, and
how an admin's words are read as reseller, amount and note."""

from __future__ import annotations

import pytest

from bot.domain.deposits import BadAmount, caption_amount, read_amount
from bot.domain.funds import FundsRefusal, NotAnAmount, Split, splits


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("1500", 150_000),
        ("$1,500.50", 150_050),
        ("99.5", 9_950),
        ("1000000", 100_000_000),
        ("", BadAmount.MISSING),
        ("0", BadAmount.NOT_POSITIVE),
        ("0.00", BadAmount.NOT_POSITIVE),
        ("-5", BadAmount.NOT_POSITIVE),
        ("1000000.01", BadAmount.TOO_MUCH),
        ("mil", BadAmount.NOT_A_NUMBER),
        ("12.345", BadAmount.NOT_A_NUMBER),
        ("$", BadAmount.NOT_A_NUMBER),
        ("1e3", BadAmount.NOT_A_NUMBER),
    ],
)
def test_a_deposit_is_a_positive_amount_up_to_the_maximum(typed: str, read: object) -> None:
    assert read_amount(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("-50", -5_000),
        ("+20.5", 2_050),
        ("−3", -300),
        ("20", 2_000),
        ("0", BadAmount.NOT_POSITIVE),
    ],
)
def test_an_adjustment_has_a_sign(typed: str, read: object) -> None:
    assert read_amount(typed, signed=True) == read


@pytest.mark.parametrize(
    ("caption", "read"),
    [
        ("1500", 150_000),
        ("/deposito 1500", 150_000),
        ("/Depósito@recargas_bot $1,500", 150_000),
        ("/deposit 20", 2_000),
        ("/deposito", BadAmount.MISSING),
        (None, BadAmount.MISSING),
        ("comprobante", BadAmount.NOT_A_NUMBER),
        ("/depositos 1500", BadAmount.NOT_A_NUMBER),
    ],
)
def test_a_captions_amount(caption: str | None, read: object) -> None:
    assert caption_amount(caption) == read


def test_words_are_read_longest_name_first() -> None:
    assert splits(["Tienda", "24", "300", "pago", "12"], signed=False) == [
        Split("Tienda 24 300 pago", 1_200, ""),
        Split("Tienda 24", 30_000, "pago 12"),
        Split("Tienda", 2_400, "300 pago 12"),
    ]


def test_words_without_an_amount() -> None:
    assert splits([], signed=False) is FundsRefusal.USAGE
    assert splits(["6"], signed=False) is FundsRefusal.USAGE
    assert splits(["6", "-100"], signed=False) == NotAnAmount(BadAmount.NOT_POSITIVE, "-100")
    assert splits(["6", "cien", "pesos"], signed=False) == NotAnAmount(
        BadAmount.NOT_A_NUMBER, "pesos"
    )
