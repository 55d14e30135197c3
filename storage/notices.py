"""Whether each reseller has seen the outcome of their purchase (`notified_at`), and
whether the admins have heard of each one pending verification (`admins_alerted_at`)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.domain.clock import utcnow
from bot.domain.purchases import Purchase
from storage import rows
from storage.db import Database


class NoticeRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def mark_notified(self, shown: Purchase, message_id: int | None) -> bool:
        """Record that the reseller saw `shown` in `message_id` (None: no message could
        show it, and none will: the purchase keeps the message it had).

        Only if the purchase is still as shown: a settlement that landed meanwhile
        still has to be told, so it is not marked by an older notice.
        """
        settled_at = None if shown.settled_at is None else shown.settled_at.isoformat()

        def mark(conn: sqlite3.Connection) -> bool:
            row = conn.execute(
                "UPDATE purchases SET notified_at = ?, message_id = COALESCE(?, message_id) "
                "WHERE id = ? AND notified_at IS NULL AND status = ? AND settled_at IS ? "
                "RETURNING id",
                (utcnow().isoformat(), message_id, shown.id, shown.status.value, settled_at),
            ).fetchone()
            return row is not None

        return await self._db.write(mark)

    async def unnotified(self, finished_since: datetime, limit: int = 50) -> list[Purchase]:
        """Finished purchases whose reseller has not seen the outcome yet, oldest first."""
        async with self._db.reading(synced=True) as conn:
            cursor = await conn.execute(
                "SELECT * FROM purchases WHERE notified_at IS NULL AND status != 'sending' "
                "AND COALESCE(settled_at, completed_at, created_at) >= ? ORDER BY id LIMIT ?",
                (finished_since.isoformat(), limit),
            )
            found = await cursor.fetchall()
        return [rows.purchase(row) for row in found]

    async def mark_admins_alerted(self, purchase_id: int) -> None:
        await self._db.write(
            lambda conn: conn.execute(
                "UPDATE purchases SET admins_alerted_at = ? WHERE id = ?",
                (utcnow().isoformat(), purchase_id),
            )
        )

    async def unalerted(self, limit: int = 50) -> list[Purchase]:
        """Purchases pending verification no admin has heard of yet, oldest first."""
        async with self._db.reading(synced=True) as conn:
            cursor = await conn.execute(
                "SELECT * FROM purchases WHERE status = 'pending' AND admins_alerted_at IS NULL "
                "ORDER BY id LIMIT ?",
                (limit,),
            )
            found = await cursor.fetchall()
        return [rows.purchase(row) for row in found]
