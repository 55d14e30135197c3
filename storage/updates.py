"""Telegram updates already handled, so one delivered twice is handled once.

Replays come from long polling after a restart: the last batch fetched before the stop
was never confirmed, so Telegram sends it again. The most recent ids are kept in memory,
so telling a replay costs no trip to the database on the hot path, and in SQLite, so they
survive a restart. The ids claimed meanwhile are stored together a moment later, in one
statement: the write stays off the path of the update that was just claimed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import deque
from datetime import datetime

from storage.db import Database
from storage.models import utcnow

logger = logging.getLogger(__name__)

# Far more than one getUpdates batch (at most 100 updates): every possible replay.
REMEMBERED = 10_000
# How long claims wait to be stored together (see `claim`).
SAVE_AFTER_SECONDS = 0.05


class UpdateLog:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._recent: set[int] = set()
        self._order: deque[int] = deque()
        self._unsaved: list[int] = []
        self._saving: asyncio.Task[None] | None = None

    async def load(self) -> None:
        """Remember the ids recorded before the last stop."""
        rows = await self._db.execute(
            "SELECT update_id FROM processed_updates ORDER BY update_id DESC LIMIT ?",
            (REMEMBERED,),
        )
        for row in reversed(rows):
            self._remember(int(row[0]))

    def claim(self, update_id: int) -> bool:
        """True the first time an update is seen, False for a replay.

        The claim holds in memory at once. It is stored a moment later, with the claims
        made meanwhile, in one statement: one write for a burst of updates, and out of
        the way of the update just claimed, whose handler is about to use the database.
        """
        if update_id in self._recent:
            return False
        self._remember(update_id)
        self._unsaved.append(update_id)
        if self._saving is None:
            self._saving = asyncio.get_running_loop().create_task(
                self._save_soon(), name="save-update-ids"
            )
        return True

    async def close(self) -> None:
        """Store what is still unsaved now; call before closing the database."""
        if self._saving is not None:
            self._saving.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._saving
            self._saving = None
        await self.save()

    async def _save_soon(self) -> None:
        await asyncio.sleep(SAVE_AFTER_SECONDS)
        self._saving = None  # claims from here on are for the next save
        try:
            await self.save()
        except Exception:
            logger.exception("Could not store %d update ids; will retry", len(self._unsaved))

    async def save(self) -> None:
        """Store every claim not stored yet, in one statement."""
        if not self._unsaved:
            return
        claims, self._unsaved = self._unsaved, []
        try:
            await self._db.execute(
                "INSERT INTO processed_updates (update_id, seen_at) "
                "SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT (update_id) DO NOTHING",
                (utcnow().isoformat(), json.dumps(claims)),
            )
        except BaseException:
            self._unsaved[:0] = claims  # kept for the next save
            raise

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
