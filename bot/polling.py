"""Long polling that loses no update: each batch kept on the disk before it is confirmed.

Telegram takes a batch as received when the next getUpdates asks for what follows it
(its offset). PTB's `Updater` makes that call at once, while a user's later updates may
still wait in memory behind their earlier one; a crash then loses them. Here each batch
goes to the update inbox (bot/usecases/inbox.py: one synced transaction) while the
application starts on it, and the next getUpdates waits for the inbox. At a start, what
the inbox still holds is handed to the application before polling begins. The
per-user processor tells the inbox when each update is handled.

PTB's `Updater` also gives up at start-up after one failed deleteWebhook; this loop asks
Telegram again after every hiccup (bot/backoff.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.backoff import FIRST_PAUSE, hiccup, next_pause, pause_after, until_answered
from bot.processor import PerUserUpdateProcessor
from bot.usecases.inbox import UpdateInbox

logger = logging.getLogger(__name__)

AnyApp = Application[Any, Any, Any, Any, Any, Any]


class Polling:
    """Fetches updates for `application` until stopped, through `inbox`."""

    def __init__(self, application: AnyApp, inbox: UpdateInbox, timeout: float) -> None:
        self._application = application
        self._inbox = inbox
        self._timeout = timedelta(seconds=timeout)
        self._offset: int | None = None  # the next update wanted: confirms those before
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._interruptible = False  # waiting on Telegram, or pausing after a hiccup

    async def start(self) -> None:
        """Hand over what the inbox kept, make sure no webhook is set (as Telegram
        requires for getUpdates), then poll."""
        processor = self._application.update_processor
        if isinstance(processor, PerUserUpdateProcessor):
            processor.when_handled(self._inbox.handled)
        await self._unhandled()
        bot = self._application.bot
        # Updates that arrived while the bot was down are still wanted: a reseller's tap
        # must not vanish because of a restart.
        await until_answered(
            lambda: bot.delete_webhook(drop_pending_updates=False), "deleteWebhook"
        )
        self._task = asyncio.get_running_loop().create_task(self._poll(), name="polling")
        self._task.add_done_callback(_ended)

    async def stop(self) -> None:
        """Stop fetching (a batch being handed over is handed over first), then confirm
        what was fetched, so Telegram does not send it again."""
        self._stopping = True
        if self._task is None:
            return
        if self._interruptible:
            self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):  # logged by `_ended`
            await self._task
        if self._offset is None:
            return
        try:
            await self._application.bot.get_updates(
                offset=self._offset, timeout=timedelta(0), allowed_updates=Update.ALL_TYPES
            )
        except TelegramError as error:
            logger.warning("Could not confirm the last updates (%s): they come again", error)

    async def _poll(self) -> None:
        pause = FIRST_PAUSE
        while not self._stopping:
            self._interruptible = True
            try:
                updates = await self._application.bot.get_updates(
                    offset=self._offset,
                    timeout=self._timeout,
                    allowed_updates=Update.ALL_TYPES,
                )
            except Exception as error:  # logged in `_failed`: polling must go on
                await asyncio.sleep(self._failed(error, pause))
                pause = next_pause(pause)
                continue
            self._interruptible = False
            pause = FIRST_PAUSE
            if updates:
                await self._take(updates)

    async def _unhandled(self) -> None:
        """What was confirmed to Telegram and not handled before the last stop, in order
        (the per-user processor keeps it so for each user)."""
        waiting = await self._inbox.waiting()
        if waiting:
            logger.warning("Handling %d updates received before the last stop", len(waiting))
        bot = self._application.bot
        for payload in waiting:
            self._application.update_queue.put_nowait(Update.de_json(json.loads(payload), bot))

    async def _take(self, updates: Sequence[Update]) -> None:
        """Hand the batch to the application, and keep it meanwhile: the next
        getUpdates, which confirms it, waits until it is on the disk."""
        batch = [(update.update_id, json.dumps(update.to_dict())) for update in updates]
        keeping = asyncio.ensure_future(self._inbox.keep(batch))
        for update in updates:
            self._application.update_queue.put_nowait(update)
        pause = FIRST_PAUSE
        while True:
            try:
                await keeping
                break
            except Exception:
                logger.exception("Could not keep %d updates; trying again", len(batch))
            if self._stopping:
                return  # not confirmed: Telegram sends them again
            await asyncio.sleep(pause)
            pause = next_pause(pause)
            keeping = asyncio.ensure_future(self._inbox.keep(batch))
        self._offset = updates[-1].update_id + 1

    @staticmethod
    def _failed(error: Exception, pause: float) -> float:
        """Log a failed getUpdates; returns how long to wait before the next."""
        if isinstance(error, TelegramError) and hiccup(error, conflicts=True):
            wait = pause_after(error, pause)
            logger.warning("getUpdates failed (%s); trying again in %.0f s", error, wait)
            return wait
        # Not a hiccup (a revoked token, say): a bot that stops polling hears nobody, so
        # it keeps asking, each time a little later, and says so every time.
        logger.error("getUpdates failed; trying again in %.0f s", pause, exc_info=error)
        return pause


def _ended(task: asyncio.Task[None]) -> None:
    """Polling ends only when stopped; anything else leaves the bot deaf, and says so."""
    if not task.cancelled() and task.exception() is not None:
        logger.critical("Polling stopped: no update is fetched", exc_info=task.exception())
