"""The services every handler reaches through its context, opened with the application."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.delivery import Delivery
from bot.latcom.client import LatcomClient
from bot.purchasing import PurchaseService
from storage.db import Database
from storage.drafts import DraftRepository
from storage.languages import LanguageRepository
from storage.models import Purchase
from storage.purchases import PurchaseRepository
from storage.settlements import SettlementRepository
from storage.updates import UpdateLog

# Called with every purchase once its outcome is stored (receipts, notifications).
OutcomeListener = Callable[[Any, "Services", Purchase], Awaitable[None]]


class Background:
    """Work that outlives the update that started it, such as a purchase in flight.

    The tasks go through `Application.create_task`, so the application waits for them on
    shutdown; the count lets tests and the console know when everything has settled.
    """

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


@dataclass(slots=True)
class Services:
    settings: Settings
    database: Database
    drafts: DraftRepository
    purchases: PurchaseRepository
    client: LatcomClient
    purchasing: PurchaseService
    background: Background
    updates: UpdateLog  # update ids already handled (handlers/dedupe.py)
    settlements: SettlementRepository  # /pendientes
    delivery: Delivery  # outcomes until the reseller has seen them
    languages: LanguageRepository  # what admins write in, for alerts (handlers/languages.py)
    on_outcome: list[OutcomeListener] = field(default_factory=list)


class BotData:
    """`bot_data` of the application: the services, set in `post_init`."""

    def __init__(self) -> None:
        self.services: Services | None = None


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """The context every handler receives."""

    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("services are opened in post_init; the application is not ready")
        return services
