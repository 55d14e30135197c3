"""Updates of one user in order, different users at once.

The conversation keeps its state in storage and reads it on every update, so two
updates of the same user must not interleave; updates of different users never wait
for each other. Whoever listens (the update inbox, bot/polling.py) hears when an
update's handling is over.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


def _key(update: object) -> int | None:
    if isinstance(update, Update):
        if update.effective_user is not None:
            return update.effective_user.id
        if update.effective_chat is not None:
            return update.effective_chat.id
    return None


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """Serialises updates per user; also tells when nothing is being processed."""

    def __init__(self, max_concurrent_updates: int = 512) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._listeners: list[Callable[[int], None]] = []

    def when_handled(self, listener: Callable[[int], None]) -> None:
        """Call `listener(update_id)` once each update is handled (its error included)."""
        self._listeners.append(listener)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        self._in_flight += 1
        self._idle.clear()
        try:
            await self._in_order(update, coroutine)
            if isinstance(update, Update):
                for listener in self._listeners:
                    listener(update.update_id)
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    async def _in_order(self, update: object, coroutine: Awaitable[Any]) -> None:
        """`coroutine` once the same user's earlier updates are handled."""
        key = _key(update)
        if key is None:
            await coroutine
            return
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    async def wait_idle(self) -> None:
        """Return once no update is being processed."""
        await self._idle.wait()

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""
