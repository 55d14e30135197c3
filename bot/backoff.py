"""Telegram asked again after a hiccup: a growing pause between tries, each try logged.

A 502, a timeout or a dropped connection says nothing about the request: Telegram is
down for a moment, so the bot waits and asks again (1 s, then twice as long each time,
at most 30 s), for as long as it takes, until the call is answered or the task is
cancelled (SIGTERM, SIGINT). Only requests that are safe to repeat come here: the
start-up's (getMe, deleteWebhook, setMyCommands) and getUpdates. What Telegram refuses
(a bad token, a bad request) is no hiccup and goes back to the caller.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

from telegram.error import BadRequest, Conflict, NetworkError, RetryAfter, TelegramError

logger = logging.getLogger(__name__)

FIRST_PAUSE = 1.0
LONGEST_PAUSE = 30.0

T = TypeVar("T")


def hiccup(error: TelegramError, *, conflicts: bool = False) -> bool:
    """Whether asking again may get an answer: a network failure, a timeout, a 5xx
    (PTB's NetworkError), flood control, and with `conflicts` another poller's 409."""
    if isinstance(error, BadRequest):  # PTB's BadRequest is a NetworkError: a refusal
        return False
    return isinstance(error, NetworkError | RetryAfter) or (
        conflicts and isinstance(error, Conflict)
    )


def pause_after(error: TelegramError, pause: float) -> float:
    """How long to wait before the next try: what flood control says, else `pause`."""
    if isinstance(error, RetryAfter):
        wait = error.retry_after
        return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
    return pause


def next_pause(pause: float) -> float:
    return min(pause * 2, LONGEST_PAUSE)


async def until_answered(call: Callable[[], Awaitable[T]], what: str) -> T:
    """`await call()` until Telegram answers it; `what` names it in the log."""
    pause, tries = FIRST_PAUSE, 0
    while True:
        tries += 1
        try:
            return await call()
        except TelegramError as error:
            if not hiccup(error):
                raise
            wait = pause_after(error, pause)
            logger.warning(
                "Telegram did not answer %s (try %d: %s); trying again in %.0f s",
                what,
                tries,
                error,
                wait,
            )
            await asyncio.sleep(wait)
            pause = next_pause(pause)
