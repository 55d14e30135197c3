"""Telegram's hiccups, on demand: the next calls of a method fail, or are answered late.

Telegram answers a 502 now and then, and sometimes takes longer than a client waits. A
test plans that here (`fail("getMe", 502, times=2)`, `delay("sendMessage", 30)`); the
stand-in meets the plan before it answers a call. A failed call reaches nothing; a late
one is then answered as usual, as Telegram does with a request it received. Neither
counts as a refusal in `FakeTelegram.errors`, which lists what Telegram would refuse.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any

DESCRIPTIONS = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


@dataclass
class _Plan:
    method: str  # lower case: method names are case-insensitive
    times: int
    status: int | None  # a failure, or
    seconds: float  # a late answer


class Hiccups:
    """What the next calls of chosen methods meet; `release()` ends every wait at once."""

    def __init__(self) -> None:
        self._plans: list[_Plan] = []
        self._released = asyncio.Event()
        self.met: list[str] = []  # the methods that met a hiccup, in order
        self.waiting = 0  # calls being answered late right now

    def fail(self, method: str, status: int = 502, *, times: int = 1) -> None:
        """The next `times` calls of `method` fail with HTTP `status`."""
        self._plans.append(_Plan(method.lower(), times, status, 0.0))

    def delay(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next `times` calls of `method` are answered `seconds` late."""
        self._plans.append(_Plan(method.lower(), times, None, seconds))

    def release(self) -> None:
        """Answer every late call now, and plan nothing more."""
        self._plans.clear()
        self._released.set()

    async def meet(self, method: str) -> tuple[int, dict[str, Any]] | None:
        """The failure this call meets (HTTP status, envelope), or None to answer it,
        after waiting if it is to be late."""
        plan = next((p for p in self._plans if p.method == method.lower() and p.times), None)
        if plan is None:
            return None
        plan.times -= 1
        self.met.append(method)
        if plan.status is not None:
            description = DESCRIPTIONS.get(plan.status, "Internal Server Error")
            return plan.status, {
                "ok": False,
                "error_code": plan.status,
                "description": description,
            }
        self.waiting += 1
        try:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(plan.seconds):
                    await self._released.wait()
        finally:
            self.waiting -= 1
        return None
