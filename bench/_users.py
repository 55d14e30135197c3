"""Simulated users for the benchmark: resellers doing whole top-ups, echo-bot users.

Each step is timed from the moment its update is in the stand-in's queue (available to
getUpdates) to the moment the stand-in receives the reply the user is waiting for: the
next screen, or for ✅ the receipt, less the time the provider spent on the purchase.
That difference is the bot's own added latency for the step.
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from itertools import count

from bench._upstreams import Seen, Upstreams
from bot.i18n import CATALOGS

STEPS = ("/recarga", "phone", "product", "amount", "✅ → receipt")
_serial = count(1)


def opening(key: str) -> str:
    """The first words of a catalog text as shown (no tags, no parameters)."""
    return re.sub(r"<[^>]+>", "", CATALOGS["es"][key]).split("\n", 1)[0].split("{", 1)[0]


RECEIPTS = tuple(opening(f"receipt.{status}") for status in ("approved", "declined", "pending"))


def new_phone(ending: str = "6660") -> str:
    """A number never sold before in this run: the duplicate guard never applies."""
    return f"55{next(_serial):04d}{ending}"


@dataclass
class Samples:
    """Added latency per step, in seconds."""

    by_step: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))

    def all(self) -> list[float]:
        return [value for values in self.by_step.values() for value in values]


class Pacing:
    """Think time between a user's steps: uniform in [low, high] seconds, seeded."""

    def __init__(self, low: float, high: float, seed: int) -> None:
        self._low, self._high, self._rng = low, high, random.Random(seed)  # noqa: S311 - not a secret

    async def think(self) -> None:
        if self._high > 0:
            await asyncio.sleep(self._rng.uniform(self._low, self._high))


class User:
    """One chat with the bot: act, wait for the reply, record the bot's share."""

    def __init__(self, upstreams: Upstreams, user_id: int, samples: Samples | None) -> None:
        self.upstreams, self.user_id, self.samples = upstreams, user_id, samples
        upstreams.telegram.add_user(user_id, f"Usuario {user_id}")

    async def act(
        self,
        step: str,
        action: Callable[[], object],
        kinds: tuple[str, ...],
        opening: tuple[str, ...] = ("",),
        phone: str | None = None,
    ) -> Seen:
        started = time.perf_counter()
        action()
        seen = await self.upstreams.inbox.next(self.user_id, kinds, opening)
        provider = self.upstreams.provider_seconds.pop(phone, 0.0) if phone else 0.0
        if self.samples is not None:
            self.samples.by_step[step].append(seen.at - started - provider)
        return seen


class Reseller(User):
    """Whole top-ups: /recarga → phone → 📱 airtime → amount → ✅ → receipt."""

    async def to_summary(self, phone: str, pacing: Pacing) -> int:
        """Walk to the summary; returns its message id."""
        telegram, me = self.upstreams.telegram, self.user_id
        await self.act(STEPS[0], lambda: telegram.send_text(me, "/recarga"), ("sent",))
        await pacing.think()
        menu = await self.act(STEPS[1], lambda: telegram.send_text(me, phone), ("sent",))
        await pacing.think()
        menu_id = menu.message_id
        await self.act(STEPS[2], lambda: telegram.press_button(me, "📱", menu_id), ("edited",))
        await pacing.think()
        summary = await self.act(STEPS[3], lambda: telegram.send_text(me, "100"), ("sent",))
        return summary.message_id

    def press_confirm(self, summary_id: int) -> None:
        self.upstreams.telegram.press_button(self.user_id, "✅", summary_id)

    async def receipt(self, summary_id: int, phone: str) -> Seen:
        """Press ✅ and wait for the receipt (shown in place, or sent anew)."""
        return await self.act(
            STEPS[4],
            lambda: self.press_confirm(summary_id),
            ("edited", "sent"),
            RECEIPTS,
            phone=phone.replace(" ", ""),
        )

    async def top_up(self, pacing: Pacing, ending: str = "6660") -> Seen:
        phone = new_phone(ending)
        summary_id = await self.to_summary(phone, pacing)
        await pacing.think()
        receipt = await self.receipt(summary_id, phone)
        await pacing.think()
        return receipt


class Chatter(User):
    """A user of the echo bot: writes, waits for the echo."""

    async def chat(self, messages: int, pacing: Pacing) -> None:
        telegram, me = self.upstreams.telegram, self.user_id
        for number in range(messages):
            text = f"hola {number}"
            await self.act("text → echo", partial(telegram.send_text, me, text), ("sent",))
            await pacing.think()
