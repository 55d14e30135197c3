"""Telegram updates already handled, so one delivered twice is handled once.

Replays come from long polling after a restart: the last batch fetched before the stop
was never confirmed, so Telegram sends it again. The ids are kept in SQLite and the most
recent ones in memory, so telling a replay costs no trip to the database on the hot path.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime

from storage.db import Database
from storage.models import utcnow

# Far more than one getUpdates batch (at most 100 updates): every possible replay.
REMEMBERED = 10_000


class UpdateLog:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._recent: set[int] = set()
        self._order: deque[int] = deque()

    async def load(self) -> None:
        """Remember the ids recorded before the last stop."""
        rows = await self._db.execute(
            "SELECT update_id FROM processed_updates ORDER BY update_id DESC LIMIT ?",
            (REMEMBERED,),
        )
        for row in reversed(rows):
            self._remember(int(row[0]))

    def claim(self, update_id: int) -> bool:
        """True the first time an update is seen, False for a replay."""
        if update_id in self._recent:
            return False
        self._remember(update_id)
        return True

    async def record(self, update_id: int) -> None:
        """Keep the claim across restarts."""
        await self._db.execute(
            "INSERT INTO processed_updates (update_id, seen_at) VALUES (?, ?) "
            "ON CONFLICT (update_id) DO NOTHING",
            (update_id, utcnow().isoformat()),
        )

    async def prune(self, older_than: datetime) -> int:
        """Forget updates seen before `older_than`; returns how many."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM processed_updates WHERE seen_at < ?", (older_than.isoformat(),)
            )
            return cursor.rowcount

    def _remember(self, update_id: int) -> None:
        self._recent.add(update_id)
        self._order.append(update_id)
        if len(self._order) > REMEMBERED:
            self._recent.discard(self._order.popleft())
