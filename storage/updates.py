"""Telegram updates already handled, so one delivered twice is handled once."""

from __future__ import annotations

from datetime import datetime

from storage.db import Database
from storage.models import utcnow


class UpdateLog:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def first_time(self, update_id: int) -> bool:
        """Record the update as handled; False if it already was (a replay)."""
        inserted = await self._db.execute(
            "INSERT INTO processed_updates (update_id, seen_at) VALUES (?, ?) "
            "ON CONFLICT (update_id) DO NOTHING RETURNING update_id",
            (update_id, utcnow().isoformat()),
        )
        return bool(inserted)

    async def prune(self, older_than: datetime) -> int:
        """Forget updates seen before `older_than`; returns how many."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM processed_updates WHERE seen_at < ?", (older_than.isoformat(),)
            )
            return cursor.rowcount
