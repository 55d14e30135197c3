"""Who gets the daily summary and who got it for which day (migration 0013)."""

from __future__ import annotations

import sqlite3
from datetime import date

from bot.domain.clock import utcnow
from storage.db import Database


class SummaryRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def toggle(self, user_id: int) -> bool:
        """Subscribe the reseller, or unsubscribe one who is; True if now subscribed."""

        def run(conn: sqlite3.Connection) -> bool:
            gone = conn.execute(
                "DELETE FROM summary_subscribers WHERE user_id = ?", (user_id,)
            ).rowcount
            if gone:
                return False
            conn.execute(
                "INSERT INTO summary_subscribers (user_id, since) VALUES (?, ?)",
                (user_id, utcnow().isoformat()),
            )
            return True

        return await self._db.write(run)

    async def subscribers(self) -> list[int]:
        found = await self._db.read("SELECT user_id FROM summary_subscribers ORDER BY user_id")
        return [int(row[0]) for row in found]

    async def sent(self, day: date) -> set[int]:
        found = await self._db.read(
            "SELECT user_id FROM summaries_sent WHERE day = ?", (day.isoformat(),)
        )
        return {int(row[0]) for row in found}

    async def record(self, day: date, user_id: int) -> None:
        await self._db.write(
            lambda conn: conn.execute(
                "INSERT OR IGNORE INTO summaries_sent (day, user_id, sent_at) VALUES (?, ?, ?)",
                (day.isoformat(), user_id, utcnow().isoformat()),
            )
        )
