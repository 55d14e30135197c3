"""When a provider alert is raised and cleared (bot/domain/alerts.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from bot.domain.alerts import AlertState, Change, after_balance, after_outcome, failed
from bot.domain.provider import UNREACHABLE
from bot.domain.purchases import Purchase, Status

T0 = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
LIMIT = Decimal("1000")
SALE = Purchase(
    1, "tg-1", 2, 2, None, "es", "5537686660", "MOVISTAR_TAE", 100, Status.APPROVED, T0,
    T0, None, None, None, None, None, None, None, None,
)  # fmt: skip


def test_below_raises_once_and_back_up_clears() -> None:
    state, change = after_balance(AlertState(False), Decimal("999.99"), LIMIT, T0)
    assert change is Change.RAISED
    state, change = after_balance(state, Decimal("500"), LIMIT, T0 + timedelta(seconds=1))
    assert change is None
    state, change = after_balance(state, LIMIT, LIMIT, T0 + timedelta(seconds=2))
    assert change is Change.CLEARED
    assert not state.raised


def test_a_balance_reported_earlier_but_read_later_changes_nothing() -> None:
    state, _ = after_balance(AlertState(False), Decimal("900"), LIMIT, T0)
    later, change = after_balance(state, Decimal("1100"), LIMIT, T0 - timedelta(seconds=1))
    assert (later, change) == (state, None)


def test_failures_count_in_a_row_and_a_clear_answer_resets() -> None:
    pending = replace(SALE, status=Status.PENDING)
    unreachable = replace(SALE, status=Status.DECLINED, response_code=UNREACHABLE)
    declined = replace(SALE, status=Status.DECLINED, response_code="05")
    assert failed(pending) and failed(unreachable)
    assert not failed(declined) and not failed(SALE)
    state = AlertState(False)
    changes = []
    for sale in (pending, unreachable, pending, declined, pending, pending, pending):
        state, change = after_outcome(state, sale, 3)
        changes.append(change)
    assert changes == [None, None, Change.RAISED, Change.CLEARED, None, None, Change.RAISED]
    state, change = after_outcome(state, pending, 3)
    assert (state.run, change) == (4, None)
