"""Telegram's flood limits, kept by the bot: each chat paced on its own, one budget for all.

Telegram takes about one message a second in a chat (short bursts allowed) and about 30
a second from a bot in all. `FloodControl` keeps both, as PTB's rate limiter:

- a chat's messages wait for that chat's allowance only, so a chat someone floods holds
  up nobody else;
- the overall budget goes to replies someone is waiting for first; what can wait
  (notices, alerts, outcomes shown again) is sent with `rate_limit_args=BACKGROUND`
  (bot/messenger.py) and takes what the replies leave;
- a 429 for a request to a chat holds that chat for its `retry_after`, and only that chat;
  a 429 for a request to no chat (answering a button, the command menu) holds everything.

Requests to one chat go out one at a time and in order, so a message held by a 429 is
not overtaken by the next one in the same chat.
"""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import timedelta
from enum import IntEnum
from itertools import count
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

logger = logging.getLogger(__name__)

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
Result = bool | dict[str, Any] | list[dict[str, Any]]

# Telegram's allowance, as the Bot API stand-in models it (devtools/standin/ratelimit.py).
CHAT_BURST = 5
CHAT_PER_SECOND = 1.0
OVERALL_PER_SECOND = 30.0
# Chats remembered past this many only while they still matter (held or recently used).
KEEP_CHATS = 1024


class Priority(IntEnum):
    """How soon a request must go. Only BACKGROUND is ever passed as `rate_limit_args`
    (PTB drops a falsy one), so a request without it is INTERACTIVE."""

    INTERACTIVE = 0  # someone is waiting for it: the answer to what they just did
    BACKGROUND = 1  # nobody is: a notice, an alert, an outcome shown again


def counts_as_message(endpoint: str) -> bool:
    """Sending, editing, copying or forwarding a message: what Telegram paces. Answering a
    button, leaving a chat or a chat action is not a message."""
    name = endpoint.lower()
    return name.startswith(("send", "edit", "copy", "forward")) and name != "sendchataction"


def retry_after_seconds(exc: RetryAfter) -> float:
    # PTB 22 warns when `retry_after` is read as an int unless PTB_TIMEDELTA is set.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Bucket:
    """Tokens refilled at `rate` a second up to `burst`; a message takes one."""

    def __init__(self, burst: float, rate: float, now: float) -> None:
        if burst < 1 or rate <= 0:
            raise ValueError("burst must be at least 1 and rate positive")
        self.burst, self.rate = burst, rate
        self._tokens, self._at = burst, now

    def _refill(self, now: float) -> float:
        self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
        self._at = max(self._at, now)
        return self._tokens

    def wait(self, now: float) -> float:
        """Seconds until a token is there (0 if it is now)."""
        return max(0.0, (1 - self._refill(now)) / self.rate)

    def take(self, now: float) -> None:
        self._refill(now)
        self._tokens -= 1

    def full(self, now: float) -> bool:
        return self._refill(now) >= self.burst


async def sleep_until(moment: float, clock: Clock, sleep: Sleep) -> None:
    while (left := moment - clock()) > 0:
        await sleep(left)


class Budget:
    """The bot's overall allowance, shared out by priority: a waiting INTERACTIVE request
    goes before any BACKGROUND one, and each priority in order of arrival. `held_until`
    (a 429 not about one chat) stops everything until then."""

    def __init__(self, per_second: float | None, clock: Clock, sleep: Sleep) -> None:
        self._bucket = None if per_second is None else Bucket(per_second, per_second, clock())
        self._clock, self._sleep = clock, sleep
        self._waiting: dict[Priority, deque[asyncio.Future[None]]] = {p: deque() for p in Priority}
        self._turns: asyncio.Task[None] | None = None
        self.held_until = 0.0

    def _wait(self) -> float:
        now = self._clock()
        token = 0.0 if self._bucket is None else self._bucket.wait(now)
        return max(self.held_until - now, token)

    async def take(self, priority: Priority) -> None:
        """Return once this request may go (its share of the budget spent)."""
        if self._turns is None and self._wait() <= 0:
            self._spend()
            return
        turn = asyncio.get_running_loop().create_future()
        self._waiting[priority].append(turn)
        if self._turns is None:
            self._turns = asyncio.create_task(self._give_turns(), name="flood-control")
        await turn

    def _spend(self) -> None:
        if self._bucket is not None:
            self._bucket.take(self._clock())

    def _next(self) -> asyncio.Future[None] | None:
        for priority in Priority:
            queue = self._waiting[priority]
            while queue and queue[0].done():  # its request was cancelled meanwhile
                queue.popleft()
            if queue:
                return queue[0]
        return None

    async def _give_turns(self) -> None:
        try:
            # Whoever is first when the budget allows: an interactive request that came
            # in while a background one waited goes first.
            while (turn := self._next()) is not None:
                if (wait := self._wait()) > 0:
                    await self._sleep(wait)
                    continue
                for queue in self._waiting.values():
                    if queue and queue[0] is turn:
                        queue.popleft()
                self._spend()
                turn.set_result(None)
        finally:
            self._turns = None

    async def close(self) -> None:
        if self._turns is not None:
            self._turns.cancel()
            with suppress(asyncio.CancelledError):
                await self._turns
        for queue in self._waiting.values():
            for turn in queue:
                turn.cancel()
            queue.clear()


@dataclass
class _Chat:
    bucket: Bucket
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    held_until: float = 0.0
    users: int = 0  # requests for this chat in progress or waiting


class FloodControl(BaseRateLimiter[Priority]):
    """The bot's rate limiter (see the module's docstring). `chat_per_second=None` paces no
    chat and `overall_per_second=None` sets no overall budget (an ablation); retry_after
    is honoured either way. `clock` and `sleep` measure and spend the same time, so a test
    can run it on a clock of its own."""

    def __init__(
        self,
        *,
        chat_burst: float = CHAT_BURST,
        chat_per_second: float | None = CHAT_PER_SECOND,
        overall_per_second: float | None = OVERALL_PER_SECOND,
        max_retries: int = 3,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._chat_burst, self._chat_rate = chat_burst, chat_per_second
        self._max_retries = max_retries
        self._clock, self._sleep = clock, sleep
        self._budget = Budget(overall_per_second, clock, sleep)
        self._chats: dict[int | str, _Chat] = {}
        self._next_sweep = 0.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        await self._budget.close()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Priority | None,
    ) -> Result:
        priority = rate_limit_args or Priority.INTERACTIVE
        chat_id = _chat_id(data.get("chat_id"))
        if chat_id is None:
            return await self._unpaced(callback, args, kwargs)
        chat = self._chat(chat_id)
        chat.users += 1
        try:
            async with chat.lock:
                return await self._paced(chat, chat_id, endpoint, priority, callback, args, kwargs)
        finally:
            chat.users -= 1
            self._forget_idle_chats()

    async def _unpaced(
        self, callback: Callable[..., Coroutine[Any, Any, Result]], args: Any, kwargs: Any
    ) -> Result:
        for attempt in count():
            await sleep_until(self._budget.held_until, self._clock, self._sleep)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = retry_after_seconds(exc)
                self._budget.held_until = max(self._budget.held_until, self._clock() + seconds)
                logger.warning("Telegram asks the bot to wait %.0f s before any request", seconds)
                if attempt >= self._max_retries:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def _paced(
        self,
        chat: _Chat,
        chat_id: int | str,
        endpoint: str,
        priority: Priority,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: Any,
    ) -> Result:
        message = counts_as_message(endpoint)
        for attempt in count():
            await sleep_until(
                max(chat.held_until, self._budget.held_until), self._clock, self._sleep
            )
            if message:
                if self._chat_rate is not None:
                    await self._sleep_for(chat.bucket)
                    chat.bucket.take(self._clock())
                await self._budget.take(priority)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = retry_after_seconds(exc)
                chat.held_until = max(chat.held_until, self._clock() + seconds)
                logger.warning(
                    "Telegram asks to wait %.0f s before writing to chat %s", seconds, chat_id
                )
                if attempt >= self._max_retries:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def _sleep_for(self, bucket: Bucket) -> None:
        while (wait := bucket.wait(self._clock())) > 0:
            await self._sleep(wait)

    def _chat(self, chat_id: int | str) -> _Chat:
        chat = self._chats.get(chat_id)
        if chat is None:
            rate = self._chat_rate or 1.0
            chat = self._chats[chat_id] = _Chat(Bucket(self._chat_burst, rate, self._clock()))
        return chat

    def _forget_idle_chats(self) -> None:
        """A chat nobody is writing to, not held, with its whole burst back is as good as
        new: past KEEP_CHATS such chats are forgotten, looked for at most once in the time
        a burst takes to come back (a chat still held or pacing is kept)."""
        now = self._clock()
        if len(self._chats) <= KEEP_CHATS or now < self._next_sweep:
            return
        for chat_id, chat in list(self._chats.items()):
            if chat.users == 0 and chat.held_until <= now and chat.bucket.full(now):
                del self._chats[chat_id]
        self._next_sweep = now + self._chat_burst / (self._chat_rate or 1.0)

    @property
    def chats_remembered(self) -> int:
        return len(self._chats)


def _chat_id(raw: object) -> int | str | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, int):
        return raw
    try:
        return int(str(raw))
    except ValueError:
        return str(raw)  # "@channelusername"
