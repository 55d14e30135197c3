"""What admins type to set a reseller's terms, read from the end of the line."""

from __future__ import annotations

import pytest

from bot.domain import DomainError
from bot.domain.terms import Credit, Limits, parse_commission, parse_credit, parse_limits
from bot.domain.wallets import AccountKind, Commission


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Abarrotes Lupita 500", ("Abarrotes Lupita", Credit(AccountKind.PREPAID, 50_000))),
        ("123 $1,250.50", ("123", Credit(AccountKind.PREPAID, 125_050))),
        ("Lupita 0", ("Lupita", Credit(AccountKind.PREPAID, 0))),
        ("Lupita  sin   límite", ("Lupita", Credit(AccountKind.UNRESTRICTED, 0))),
        ("Lupita SIN LIMITE", ("Lupita", Credit(AccountKind.UNRESTRICTED, 0))),
        ("Ed unlimited", ("Ed", Credit(AccountKind.UNRESTRICTED, 0))),
    ],
)
def test_credit(typed: str, expected: tuple[str, Credit]) -> None:
    assert parse_credit(typed) == expected


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("", "terms.credit.usage"),
        ("500", "terms.credit.usage"),
        ("Lupita -5", "terms.credit.amount"),
        ("Lupita 1.234", "terms.credit.amount"),
        ("Lupita 99999999", "terms.credit.amount"),
    ],
)
def test_credit_refuses(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_credit(typed)
    assert refused.value.key == key


def test_commission_for_everyone_for_one_and_back_to_the_default() -> None:
    assert parse_commission("todos 3 5") == (None, Commission(300, 500))
    assert parse_commission("ALL 3,5% 0.25") == (None, Commission(350, 25))
    assert parse_commission("Abarrotes Lupita 3.33 6") == (
        "Abarrotes Lupita",
        Commission(333, 600),
    )
    assert parse_commission("Abarrotes Lupita normal") == ("Abarrotes Lupita", None)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("todos 3", "terms.commission.usage"),
        ("todos normal", "terms.commission.usage"),
        ("todos 100.01 3", "terms.commission.percent"),
        ("todos 3.333 3", "terms.commission.percent"),
        ("Lupita -1 3", "terms.commission.percent"),
    ],
)
def test_commission_refuses(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_commission(typed)
    assert refused.value.key == key


def test_limits() -> None:
    assert parse_limits("Lupita 500 3000") == ("Lupita", Limits(50_000, 300_000))
    assert parse_limits("Lupita - 3000") == ("Lupita", Limits(None, 300_000))
    assert parse_limits("Lupita sin sin") == ("Lupita", Limits(None, None))
    for typed, key in (
        ("Lupita 500", "terms.limits.usage"),
        ("Lupita 500 100", "terms.limits.order"),
        ("Lupita 0 100", "terms.limits.amount"),
    ):
        with pytest.raises(DomainError) as refused:
            parse_limits(typed)
        assert refused.value.key == key
