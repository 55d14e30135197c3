"""What the start-up asks Telegram again, and what it takes as Telegram's answer."""

from __future__ import annotations

import pytest
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.backoff import hiccup, until_answered


def test_a_refusal_is_no_hiccup_though_ptb_files_it_under_network_errors() -> None:
    assert issubclass(BadRequest, NetworkError)  # why hiccup() must say no explicitly
    assert not hiccup(BadRequest("Chat not found"))
    assert not hiccup(Forbidden("bot was blocked by the user"))
    assert not hiccup(Conflict("terminated by other getUpdates request"))
    assert hiccup(Conflict("terminated by other getUpdates request"), conflicts=True)
    assert hiccup(NetworkError("Bad Gateway")) and hiccup(TimedOut())
    assert hiccup(RetryAfter(3))


async def test_a_refusal_goes_back_to_the_caller_at_once() -> None:
    calls = 0

    async def refused() -> None:
        nonlocal calls
        calls += 1
        raise BadRequest("Chat not found")

    with pytest.raises(BadRequest):
        await until_answered(refused, "setMyCommands")
    assert calls == 1
