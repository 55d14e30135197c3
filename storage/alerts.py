"""The provider alerts' state (migration 0014): read, decided by the domain
(bot/domain/alerts.py) and written back in one transaction, so two purchases finishing
at once cannot both raise an alert."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from bot.domain.alerts import AlertState, Change, after_balance, after_outcome
from bot.domain.clock import utcnow
from bot.domain.purchases import Purchase
from storage.db import Database

_Decide = Callable[[AlertState], tuple[AlertState, Change | None]]


class AlertRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def balance_seen(
        self, balance: Decimal, threshold: Decimal, seen_at: datetime
    ) -> tuple[AlertState, Change | None]:
        return await self._db.write(
            _deciding("low_balance", lambda s: after_balance(s, balance, threshold, seen_at))
        )

    async def outcome_seen(
        self, purchase: Purchase, limit: int
    ) -> tuple[AlertState, Change | None]:
        return await self._db.write(
            _deciding("outage", lambda s: after_outcome(s, purchase, limit))
        )


def _deciding(
    kind: str, decide: _Decide
) -> Callable[[sqlite3.Connection], tuple[AlertState, Change | None]]:
    """The alert's state after `decide`, and what changed; written only if it did."""

    def write(conn: sqlite3.Connection) -> tuple[AlertState, Change | None]:
        raised, run, seen_at = conn.execute(
            "SELECT raised, run, seen_at FROM provider_alerts WHERE kind = ?", (kind,)
        ).fetchone()
        before = AlertState(
            bool(raised), run, None if seen_at is None else datetime.fromisoformat(seen_at)
        )
        after, change = decide(before)
        if after != before:
            conn.execute(
                "UPDATE provider_alerts SET raised = ?, run = ?, seen_at = ?, changed_at = ? "
                "WHERE kind = ?",
                (
                    int(after.raised),
                    after.run,
                    None if after.seen_at is None else after.seen_at.isoformat(),
                    utcnow().isoformat(),
                    kind,
                ),
            )
        return after, change

    return write
