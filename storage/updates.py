"""Telegram update ids already handled (the replay guard's memory across restarts)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from bot.domain.clock import utcnow
from storage.db import Database


class UpdateRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def recent(self, limit: int) -> list[int]:
        """The `limit` highest ids stored, lowest first."""
        found = await self._db.read(
            "SELECT update_id FROM processed_updates ORDER BY update_id DESC LIMIT ?", (limit,)
        )
        return [int(row[0]) for row in reversed(found)]

    async def save(self, update_ids: Iterable[int]) -> None:
        """Store ids, in one statement however many."""
        claims = json.dumps(list(update_ids))
        await self._db.write(
            lambda conn: conn.execute(
                "INSERT INTO processed_updates (update_id, seen_at) "
                "SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT (update_id) DO NOTHING",
                (utcnow().isoformat(), claims),
            )
        )

    async def prune(self, older_than: datetime) -> int:
        """Forget updates seen before `older_than`; returns how many."""
        return await self._db.write(
            lambda conn: (
                conn.execute(
                    "DELETE FROM processed_updates WHERE seen_at < ?", (older_than.isoformat(),)
                ).rowcount
            )
        )
