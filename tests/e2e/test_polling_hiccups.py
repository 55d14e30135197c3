"""Telegram failing getUpdates while the bot runs: it asks again, and nobody's message is
lost or handled twice."""

from __future__ import annotations

import pytest

from tests.harness import RESELLER, Harness


async def test_getupdates_failing_for_a_while_only_delays_the_answer(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.telegram.hiccups.fail("getUpdates", 502, times=2)

    replies = await bot.say(RESELLER, "/recarga")

    assert bot.telegram.hiccups.met == ["getUpdates", "getUpdates"]
    assert len(replies) == 1, "asked for the number once"
    assert [r.getMessage() for r in caplog.records if r.name == "bot.polling"] == [
        "getUpdates failed (Bad Gateway); trying again in 1 s",
        "getUpdates failed (Bad Gateway); trying again in 2 s",
    ]
