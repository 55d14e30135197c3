"""Telegram's own faults, for the stand-in served over HTTP (devtools/standin/server.py).

What Telegram does to a bot on a bad day, drawn at random for a share of the requests
while `enabled`: flood control (429 with `retry_after`, for that chat, as Telegram limits
chats), a server error (500, 502), a request applied but its answer lost (the connection
drops after the stand-in did what was asked: the bot cannot know it was delivered), an
answer slower than the client waits (applied, then answered after the client gave up),
and short outages (every request, getUpdates included, refused for some seconds). Nothing
is drawn for the user's side: only the bot's requests go through the server.

Start-up requests (getMe, deleteWebhook, setMyCommands…) meet faults only with
`at_start_up`: a bot that dies on a start-up hiccup is a separate finding.
"""

from __future__ import annotations

import enum
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from devtools.standin.params import Params, as_int

START_UP_METHODS = frozenset(
    {"getme", "deletewebhook", "setmycommands", "deletemycommands", "getmycommands", "close"}
)


class Fault(enum.Enum):
    RATE_LIMITED = "429 retry_after"
    SERVER_ERROR = "5xx"
    ANSWER_LOST = "applied, answer lost"
    TOO_SLOW = "applied, answered after the client's timeout"
    OUTAGE = "outage: connection refused"


@dataclass
class TelegramFaults:
    """Which fault, if any, meets each request. `injected` counts them by kind."""

    rng: random.Random
    share: float = 0.25  # of the bot's requests that meet a fault, outages aside
    outage_share: float = 0.005  # of requests that start an outage
    outage_seconds: tuple[float, float] = (1.0, 3.0)
    retry_after: tuple[int, int] = (1, 2)
    slow_seconds: float = 6.0  # over the bot's read timeout (5 s)
    enabled: bool = False
    at_start_up: bool = False
    kinds: frozenset[Fault] = frozenset(Fault)  # the faults that may be drawn
    clock: Callable[[], float] = time.monotonic
    injected: Counter[Fault] = field(default_factory=Counter)
    _outage_until: float = 0.0
    _limited_until: dict[int, float] = field(default_factory=dict)

    def draw(self, method: str, params: Params) -> tuple[Fault, int] | None:
        """The fault this request meets and, for a 429, its retry_after; None for none."""
        if not self.enabled or (method.lower() in START_UP_METHODS and not self.at_start_up):
            return None
        now = self.clock()
        fault = self._ongoing(now, params)
        if fault is None:
            fault = self._new(now, method, params)
        if fault is not None:
            self.injected[fault[0]] += 1
        return fault

    def outage(self, seconds: float) -> None:
        """Refuse every request from now on for `seconds`."""
        self._outage_until = self.clock() + seconds

    def _ongoing(self, now: float, params: Params) -> tuple[Fault, int] | None:
        if now < self._outage_until:
            return Fault.OUTAGE, 0
        chat_id = as_int(params.get("chat_id"))
        until = self._limited_until.get(chat_id or 0, 0.0)
        if now < until:
            return Fault.RATE_LIMITED, max(1, round(until - now + 0.5))
        return None

    def _new(self, now: float, method: str, params: Params) -> tuple[Fault, int] | None:
        rng = self.rng
        if Fault.OUTAGE in self.kinds and rng.random() < self.outage_share:
            self.outage(rng.uniform(*self.outage_seconds))
            return Fault.OUTAGE, 0
        if rng.random() >= self.share:
            return None
        kinds = [Fault.SERVER_ERROR, Fault.ANSWER_LOST]
        chat_id = as_int(params.get("chat_id"))
        if method.lower() != "getupdates":
            kinds.append(Fault.TOO_SLOW)  # a long poll is slow by design
            if chat_id is not None:
                kinds.append(Fault.RATE_LIMITED)
        kinds = [kind for kind in kinds if kind in self.kinds]
        if not kinds:
            return None
        fault = rng.choice(kinds)
        if fault is not Fault.RATE_LIMITED or chat_id is None:
            return fault, 0
        retry_after = rng.randint(*self.retry_after)
        self._limited_until[chat_id] = now + retry_after
        return fault, retry_after

    def summary(self) -> str:
        """How many requests met each fault, for a test's output."""
        return ", ".join(f"{fault.value}: {self.injected[fault]}" for fault in Fault)
