"""Telegram updates already handled, so one delivered twice is handled once.

Replays come from long polling after a restart: the last batch fetched before the stop
was never confirmed, so Telegram sends it again; and from the update inbox
(bot/usecases/inbox.py), which hands over again what a crash left unfinished. The most
recent ids are kept in memory, so telling a replay costs no trip to the database on the
hot path, and in SQLite, so they survive a restart. The ids claimed meanwhile are stored
together a moment later, in one statement: the write stays off the path of the update
that was just claimed.

Whether the bot dies before or after that, the money path is safe: a replayed ✅ finds
its draft already placed, a replayed step only shows that step again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from datetime import timedelta

from bot.domain.clock import utcnow
from storage.updates import UpdateRepository

logger = logging.getLogger(__name__)

# Far more than one getUpdates batch (at most 100 updates): every possible replay.
REMEMBERED = 10_000
# How long claims wait to be stored together (see `claim`).
SAVE_AFTER_SECONDS = 0.05
# Telegram keeps an unconfirmed update for 24 hours; twice that is a safe memory.
KEEP_UPDATES = timedelta(days=2)


class ReplayGuard:
    def __init__(self, updates: UpdateRepository) -> None:
        self._updates = updates
        self._recent: set[int] = set()
        self._order: deque[int] = deque()
        self._unsaved: list[int] = []
        self._saving: asyncio.Task[None] | None = None

    async def load(self) -> None:
        """Remember the ids recorded before the last stop."""
        for update_id in await self._updates.recent(REMEMBERED):
            self._remember(update_id)

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
            await self._updates.save(claims)
        except BaseException:
            self._unsaved[:0] = claims  # kept for the next save
            raise

    async def prune(self) -> int:
        """Forget updates too old to come again; returns how many."""
        return await self._updates.prune(utcnow() - KEEP_UPDATES)

    def _remember(self, update_id: int) -> None:
        self._recent.add(update_id)
        self._order.append(update_id)
        if len(self._order) > REMEMBERED:
            self._recent.discard(self._order.popleft())
