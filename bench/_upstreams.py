"""What the benchmarked bot talks to, served by the benchmark: Telegram and the provider.

The Bot API stand-in and the sandbox provider are served over HTTP on 127.0.0.1; the
bot runs as its own process (`bench._serve_bot`, or `bench._echo` for the yardstick).
Every reply the bot gives is stamped the moment the stand-in receives it, and every
purchase the provider handles is timed, so the bot's own share of a step can be told
apart from the provider's.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections import defaultdict
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.latcom.sandbox import Sandbox
from bot.latcom.sandbox_wire import SandboxReply
from devtools.sandbox_server import serve_provider
from devtools.standin import BotEvent, FakeTelegram
from devtools.standin.server import StandInServer
from devtools.web import WebServer

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Seen:
    """A reply of the bot, as the stand-in received it."""

    at: float  # time.perf_counter()
    event: BotEvent

    @property
    def message_id(self) -> int:
        if self.event.message is None:
            raise LookupError(f"a {self.event.kind!r} event carries no message")
        return self.event.message.message_id


# When the request being answered reached the stand-in: the reply's arrival, before the
# stand-in spends any time on it (that time is Telegram's, not the bot's).
_received_at: ContextVar[float | None] = ContextVar("received_at", default=None)


class StampedStandIn(StandInServer):
    """The stand-in server, noting when each request arrived."""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        # Arrived means its body too. aiohttp calls the handler once the head is parsed,
        # and the echo bot's httpx sends the body in a write of its own, after a turn of
        # its event loop: stamped at the head, its replies looked 0.8 ms faster at p50.
        # The body is kept for the stand-in's own read.
        await request.read()
        _received_at.set(time.perf_counter())
        return await super().handle(request)


class Inbox:
    """Each chat's replies in order, for the simulated user of that chat to wait on."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self._queues: dict[int, asyncio.Queue[Seen]] = defaultdict(asyncio.Queue)
        telegram.on_bot_message = self._seen

    def _seen(self, event: BotEvent) -> None:
        at = _received_at.get() or time.perf_counter()
        self._queues[event.chat_id].put_nowait(Seen(at, event))

    async def next(
        self, chat_id: int, kinds: tuple[str, ...], opening: tuple[str, ...] = ("",)
    ) -> Seen:
        """The chat's next reply of one of `kinds` whose text starts with one of `opening`."""
        queue = self._queues[chat_id]
        async with asyncio.timeout(60):
            while True:
                seen = await queue.get()
                message = seen.event.message
                text = message.text if message is not None else seen.event.text
                if seen.event.kind in kinds and (text or "").startswith(opening):
                    return seen


@dataclass
class Upstreams:
    """The stand-in Telegram, the sandbox provider and the time the provider took."""

    workdir: Path
    telegram: FakeTelegram = field(default_factory=lambda: FakeTelegram(rate_capacity=None))
    sandbox: Sandbox = field(
        default_factory=lambda: Sandbox(
            customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY
        )
    )
    provider_seconds: dict[str, float] = field(default_factory=dict)  # phone -> seconds
    standin: StandInServer | None = None
    provider: WebServer | None = None

    def __post_init__(self) -> None:
        self.inbox = Inbox(self.telegram)
        self.arrived: set[str] = set()  # phones whose purchase reached the provider
        self._arrival = asyncio.Event()

    async def wait_arrived(self, phones: set[str], within: float = 10.0) -> None:
        """Until a purchase to each of `phones` has reached the provider (and, as the
        sandbox charges before it answers, has been charged)."""
        async with asyncio.timeout(within):
            while not phones <= self.arrived:
                arrival = self._arrival
                await arrival.wait()

    async def open(self) -> None:
        self.standin = StampedStandIn(self.telegram)
        await self.standin.start()
        self.provider = await serve_provider(self._timed_provider)

    async def close(self) -> None:
        for server in (self.standin, self.provider):
            if server is not None:
                await server.close()

    async def _timed_provider(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> SandboxReply | None:
        started = time.perf_counter()
        phone = ""
        if target.endswith("/product_purchase"):
            phone = json.loads(body).get("phone_number", "")
            self.arrived.add(phone)
            self._arrival.set()
            self._arrival = asyncio.Event()
        reply = await self.sandbox.handle(method, target, headers, body)
        if phone:
            self.provider_seconds[phone] = time.perf_counter() - started
        return reply

    def polls(self) -> int:
        return sum(method == "getUpdates" for method, _ in self.telegram.calls)

    def environment(self, admins: list[int], resellers: list[int]) -> dict[str, str]:
        """The production settings of the bot process, pointed at these servers."""
        if self.standin is None or self.provider is None:
            raise RuntimeError("open() first")
        database = self.workdir / "bench.sqlite3"
        return self.standin.bot_environment(self.provider.url, database, admins, resellers) | {
            "LOG_LEVEL": "INFO",
            # The bot runs in a scratch directory (no stray .env) but imports `bench`.
            "PYTHONPATH": os.pathsep.join(
                [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
            ),
        }
