"""The update inbox: no update Telegram was told we received is lost to a crash.

Long polling confirms a batch of updates with the offset of the next getUpdates, while a
user's later updates may still wait in memory behind their earlier one (bot/processor.py
handles one user's updates in order). So each batch is kept on the disk, in one synced
transaction, before that next call (bot/polling.py), and taken out once handled. At a
start, what is still kept was confirmed but never handled: it is handled then, once; an
update whose handling had begun before the crash meets the replay guard
(bot/usecases/replays.py), which stops it once its claim was stored.

Handled updates are taken out as soon as the writer is free, together with whatever was
handled meanwhile: one statement for a burst, off the path of the update just handled.
Dying before that only hands them over again at the next start, where the replay guard
stops them; that window is one write long, not a timer's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

from storage.inbox import InboxRepository

logger = logging.getLogger(__name__)


class UpdateInbox:
    def __init__(self, updates: InboxRepository) -> None:
        self._updates = updates
        self._keeping: asyncio.Future[None] | None = None
        self._handled: list[int] = []
        self._saving: asyncio.Task[None] | None = None

    async def keep(self, updates: Sequence[tuple[int, str]]) -> None:
        """Keep a fetched batch of (update_id, JSON) on the disk; call before confirming
        it to Telegram."""
        keeping = asyncio.ensure_future(self._updates.keep(updates))
        self._keeping = keeping
        try:
            await keeping
        finally:
            if self._keeping is keeping:
                self._keeping = None

    async def waiting(self) -> list[str]:
        """Updates kept and not handled (the bot stopped first), oldest first, as JSON."""
        return await self._updates.waiting()

    def handled(self, update_id: int) -> None:
        """An update's handling is over (done, or its error handled)."""
        self._handled.append(update_id)
        if self._saving is None:
            self._saving = asyncio.get_running_loop().create_task(
                self._save_while_handled(), name="save-handled-updates"
            )

    async def close(self) -> None:
        """Take out what was handled; call before closing the database."""
        if self._saving is not None:
            with contextlib.suppress(Exception):  # logged by the task
                await self._saving
        await self.save()

    async def _save_while_handled(self) -> None:
        try:
            while self._handled:  # those handled during a save go in the next
                await self.save()
        except Exception:
            logger.exception("Could not mark %d updates handled; will retry", len(self._handled))
        finally:
            self._saving = None

    async def save(self) -> None:
        """Take every handled update out of the inbox, in one statement."""
        if self._keeping is not None:
            # An update can be handled before its batch is on the disk; taken out
            # before it is put in, it would stay in for good.
            with contextlib.suppress(Exception):
                await asyncio.shield(self._keeping)
        if not self._handled:
            return
        handled, self._handled = self._handled, []
        try:
            await self._updates.handled(handled)
        except BaseException:
            self._handled[:0] = handled  # kept for the next save
            raise
