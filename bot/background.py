"""Work that outlives the update that started it, such as a purchase in flight.

The tasks go through `Application.create_task`, so the application waits for them on
shutdown; the count lets tests and the console know when everything is done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from telegram.ext import Application


class Background:
    def __init__(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        self._application = application
        self._tasks: set[asyncio.Task[Any]] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    def spawn(self, coroutine: Coroutine[Any, Any, Any], name: str) -> None:
        task = self._application.create_task(coroutine, name=name)
        self._tasks.add(task)
        self._idle.clear()
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self._idle.set()

    async def wait_idle(self) -> None:
        await self._idle.wait()

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    def cancel_all(self) -> None:
        """Stop whatever is still running (the bot is stopping and cannot wait longer)."""
        for task in self._tasks:
            task.cancel()
