"""What the fault suite puts on the wires: a closed port, a counting provider transport,
a slow in-process Telegram, and the bot's rate limiter without its global ceiling."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Mapping
from typing import Any

import httpx
import pytest
from telegram.request import BaseRequest, RequestData

from bot.ratelimit import OVERALL_PER_SECOND, FloodControl
from devtools.standin import FakeTelegram, StandInRequest

Delay = Callable[[str, Mapping[str, Any]], float]


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class Pacing:
    """How the bot's rate limiter paces Telegram in this suite: no chat is paced (the
    stand-in here keeps no flood control for a chat, and these machines write faster
    than people); the overall budget is kept unless a test lifts it."""

    overall_per_second: float | None = OVERALL_PER_SECOND


def rate_limiter() -> FloodControl:
    return FloodControl(chat_per_second=None, overall_per_second=Pacing.overall_per_second)


def without_global_rate_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build the bot with its rate limiter minus the 30 requests/s ceiling for the whole
    bot.

    That ceiling makes 500 purchases (about 2,700 messages) last 90 s or more; what is
    tested is money, not pacing. Retrying after a 429 is kept."""
    monkeypatch.setattr(Pacing, "overall_per_second", None)


class SlowRequest(StandInRequest):
    """The in-process stand-in, answering each Bot API call after `delay(method, params)`
    seconds: handlers that overlap then finish in a different order than they started."""

    __slots__ = ("_delay",)

    def __init__(self, fake: FakeTelegram, delay: Delay) -> None:
        super().__init__(fake)
        self._delay = delay

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        params = request_data.parameters if request_data is not None else {}
        await asyncio.sleep(self._delay(url.rsplit("/", 1)[-1], params))
        return await super().do_request(url, method, request_data, read_timeout)


class CountingTransport(httpx.AsyncBaseTransport):
    """Real HTTP to the provider, remembering every attempt and how it ended."""

    def __init__(self) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self.attempts: list[tuple[str, str]] = []  # (path, "answered" | exception name)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.rsplit("/", 1)[-1]
        try:
            response = await self._inner.handle_async_request(request)
        except Exception as exc:
            self.attempts.append((path, type(exc).__name__))
            raise
        self.attempts.append((path, "answered"))
        return response

    def sent(self, path: str) -> list[str]:
        return [outcome for name, outcome in self.attempts if name == path]

    async def aclose(self) -> None:
        await self._inner.aclose()
