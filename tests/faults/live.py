"""A live bot for the fault suite: the real application over real sockets.

The sandbox provider is served over HTTP on 127.0.0.1 (timeouts and dropped connections
are real), and the Bot API stand-in is either served over HTTP too (`over_http`: the
bot's own aiohttp transport, the production path of `build_application`) or plugged
in-process.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bot.app import App, build_application, start_application, stop_application
from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY, Settings, load_settings
from bot.domain.purchases import Purchase
from bot.latcom.sandbox import Sandbox
from bot.services import Services
from devtools.console import wait_until_quiet
from devtools.sandbox_server import serve_sandbox
from devtools.standin import FakeTelegram, StandInRequest
from devtools.standin.server import StandInServer, serve_standin
from devtools.web import WebServer
from storage import rows
from storage.db import Database
from tests.faults.chat import Chats
from tests.faults.wires import Delay, SlowRequest, rate_limiter
from tests.harness import UNREACHABLE_MENU

ADMIN = 1
FIRST_RESELLER = 100


@dataclass
class LiveBot:
    """The real application, its stand-in Telegram and its sandbox provider over HTTP."""

    tmp_path: Path
    over_http: bool = True
    resellers: int = 2
    purchase_timeout: float = 0.5
    latcom_url: str | None = None  # None: the sandbox server
    transport: Callable[[], httpx.AsyncBaseTransport | None] = lambda: None
    telegram_delay: Delay | None = None  # in-process only: see SlowRequest
    sandbox: Sandbox = field(
        default_factory=lambda: Sandbox(
            customer_id=SANDBOX_CUSTOMER_ID,
            secret_key=SANDBOX_SECRET_KEY,
            slow_seconds=0.05,
            hang_seconds=2.0,
        )
    )
    telegram: FakeTelegram = field(default_factory=lambda: FakeTelegram(rate_capacity=None))
    application: App | None = None
    _sandbox_server: WebServer | None = None
    _standin: StandInServer | None = None

    def __post_init__(self) -> None:
        self.chats = Chats(self.telegram)
        self.telegram.add_user(ADMIN, "Ana Admin")
        for user_id in self.reseller_ids:
            self.telegram.add_user(user_id, f"Vendedor {user_id}")

    @property
    def reseller_ids(self) -> list[int]:
        return list(range(FIRST_RESELLER, FIRST_RESELLER + self.resellers))

    async def open(self) -> None:
        """Serve the sandbox (and the stand-in), start the bot, let the admin say hello."""
        self._sandbox_server = await serve_sandbox(self.sandbox, port=0)
        if self.over_http:
            self._standin = await serve_standin(self.telegram)
        await self.start()
        await self.chats.say(ADMIN, "/start")

    async def close(self) -> None:
        await self.stop()
        for server in (self._standin, self._sandbox_server):
            if server is not None:
                await server.close()

    def settings(self, **overrides: Any) -> Settings:
        assert self._sandbox_server is not None
        settings = load_settings(
            admin_ids=frozenset({ADMIN}),
            reseller_ids=frozenset(self.reseller_ids),
            database_path=self.database_path,
            purchase_timeout_seconds=self.purchase_timeout,
            latcom_api_base_url=self.latcom_url or f"{self._sandbox_server.url}/api/distributor",
            latcom_customer_id=SANDBOX_CUSTOMER_ID,
            latcom_secret_key=SANDBOX_SECRET_KEY,
            **overrides,
        )
        return settings if self._standin is None else self._standin.bot_settings(settings)

    async def start(self) -> None:
        """A new application over the same database, chats and sandbox."""
        if self._standin is not None:  # the production path: bot/telegram_http.py
            self.application = build_application(
                self.settings(), latcom_transport=self.transport(), rate_limiter=rate_limiter()
            )
        else:
            delay = self.telegram_delay
            self.application = build_application(
                self.settings(),
                request=StandInRequest(self.telegram)
                if delay is None
                else SlowRequest(self.telegram, delay),
                get_updates_request=StandInRequest(self.telegram),
                latcom_transport=self.transport(),
                rate_limiter=rate_limiter(),
            )
        await start_application(self.application, poll_timeout=1)

    async def stop(self) -> None:
        """A clean stop: every update handled, every purchase in flight settled."""
        if self.application is None:
            return
        await self.wait_until_quiet()
        await stop_application(self.application)
        self.application = None

    async def crash(self) -> None:
        """Stop without letting purchases in flight finish: their tasks are cancelled
        wherever they are, as a killed process would leave them."""
        assert self.application is not None
        in_flight = [t for t in asyncio.all_tasks() if t.get_name().startswith("purchase-")]
        for task in in_flight:
            task.cancel()
        await asyncio.gather(*in_flight, return_exceptions=True)
        await stop_application(self.application)
        self.application = None

    async def restart(self, *, crash: bool = False) -> None:
        await (self.crash() if crash else self.stop())
        await self.start()

    @property
    def database_path(self) -> Path:
        return self.tmp_path / "topup.sqlite3"

    @property
    def database(self) -> Database:
        assert self.application is not None
        resources = self.application.bot_data.resources
        assert resources is not None
        return resources.database

    @property
    def services(self) -> Services:
        assert self.application is not None
        services = self.application.bot_data.services
        assert services is not None
        return services

    async def wait_until_quiet(self, within: float = 10.0) -> None:
        """Wait until every update was handled and every purchase in flight is done."""
        assert self.application is not None
        async with asyncio.timeout(within):
            await wait_until_quiet(self.application, self.telegram)

    async def purchases(self) -> list[Purchase]:
        """Every stored purchase, oldest first."""
        async with self.database.reading() as conn:
            cursor = await conn.execute("SELECT * FROM purchases ORDER BY id")
            return [rows.purchase(row) for row in await cursor.fetchall()]

    async def stop_provider(self) -> None:
        """The provider goes away: nothing listens at its address any more."""
        assert self._sandbox_server is not None
        await self._sandbox_server.close()

    def refusals(self) -> list[tuple[str, str]]:
        """What Telegram refused the bot, except the long poll a stopped client abandoned
        (over HTTP it is still open when the next poll ends it with 409)."""
        return [
            (method, reason)
            for method, _, reason in self.telegram.errors
            if not (method == "getUpdates" and reason.startswith("Conflict"))
            and (method, reason) != UNREACHABLE_MENU
        ]


MakeLive = Callable[..., Awaitable[LiveBot]]


@asynccontextmanager
async def live_bots(tmp_path: Path) -> AsyncIterator[MakeLive]:
    """`await make(**options)` opens a LiveBot (`prepare(path)` seeds its database file
    first); each is closed on exit and checked: nothing refused by Telegram, every button
    press answered, no transaction id sent twice."""
    opened: list[LiveBot] = []

    async def make(
        prepare: Callable[[Path], Awaitable[None]] | None = None, **options: Any
    ) -> LiveBot:
        live = LiveBot(tmp_path / f"bot{len(opened)}", **options)
        opened.append(live)
        if prepare is not None:  # the database file, before the bot first opens it
            await prepare(live.database_path)
        await live.open()
        return live

    try:
        yield make
    finally:
        for live in opened:
            await live.close()
    for live in opened:
        assert live.refusals() == [], "Telegram would have refused these"
        assert live.telegram.unanswered_callback_queries() == []
        assert live.sandbox.duplicate_transaction_ids == []
        assert len(live.sandbox.received) == len(set(live.sandbox.received))
