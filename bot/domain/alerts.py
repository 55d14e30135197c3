"""When admins are alerted about the provider, once per crossing: its balance below the
threshold (LOW_BALANCE_ALERT) and a run of unknown outcomes, a likely outage.

Each alert is raised once when its condition starts and cleared when it ends (told too,
briefly), so a lasting condition is one alert however many sales or checks see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from bot.domain.provider import UNREACHABLE
from bot.domain.purchases import Purchase, Status


class Change(StrEnum):
    RAISED = "raised"
    CLEARED = "cleared"


@dataclass(frozen=True, slots=True)
class AlertState:
    raised: bool
    run: int = 0
    seen_at: datetime | None = None


def after_balance(
    state: AlertState, balance: Decimal, threshold: Decimal, seen_at: datetime
) -> tuple[AlertState, Change | None]:
    """Below the threshold raises the alert once; at or above it again clears it. A
    balance reported before the newest one already considered changes nothing."""
    if state.seen_at is not None and seen_at < state.seen_at:
        return state, None
    below = balance < threshold
    change = None
    if below and not state.raised:
        change = Change.RAISED
    elif not below and state.raised:
        change = Change.CLEARED
    return AlertState(below, state.run, seen_at), change


def failed(purchase: Purchase) -> bool:
    """The provider gave no clear answer: pending verification, or not reached at all."""
    if purchase.status is Status.PENDING:
        return True
    return purchase.status is Status.DECLINED and purchase.response_code == UNREACHABLE


def after_outcome(
    state: AlertState, purchase: Purchase, limit: int
) -> tuple[AlertState, Change | None]:
    """`limit` failures in a row raise the alert once; a clear outcome clears it."""
    if failed(purchase):
        run = state.run + 1
        if run >= limit and not state.raised:
            return AlertState(True, run, state.seen_at), Change.RAISED
        return AlertState(state.raised, run, state.seen_at), None
    change = Change.CLEARED if state.raised else None
    return AlertState(False, 0, state.seen_at), change
