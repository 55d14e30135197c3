"""What nobody is waiting for waits its turn: through the real ExtBot and rate limiter,
a reply goes before an alert queued earlier when Telegram's overall budget is short."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from telegram.ext import ExtBot

from bot.messenger import Messenger
from bot.ratelimit import FloodControl, Priority
from devtools.standin import FakeTelegram, StandInRequest
from tests.harness import HumanPace

ADMIN, RESELLER, OTHER = 1, 2, 3


@pytest.fixture
def pace() -> HumanPace:
    clock = HumanPace()
    clock.waits_move_time = False
    return clock


@pytest.fixture
async def messenger(pace: HumanPace) -> AsyncIterator[tuple[Messenger, FakeTelegram]]:
    telegram = FakeTelegram(clock=pace)
    for user_id in (ADMIN, RESELLER, OTHER):
        telegram.add_user(user_id)
        telegram.send_text(user_id, "/start")
    limiter = FloodControl(overall_per_second=1, clock=pace, sleep=pace.sleep)
    bot: ExtBot[Priority] = ExtBot(
        "123:ABC",
        request=StandInRequest(telegram),
        get_updates_request=StandInRequest(telegram),
        rate_limiter=limiter,
    )
    async with bot:
        yield Messenger(bot), telegram


async def _settle() -> None:
    for _ in range(50):
        await asyncio.sleep(0)


async def test_a_reply_goes_before_an_alert_that_was_waiting(
    messenger: tuple[Messenger, FakeTelegram], pace: HumanPace
) -> None:
    sender, telegram = messenger
    await sender.show(OTHER, None, "the budget's one for this second")
    alert = asyncio.ensure_future(sender.tell(ADMIN, "alert"))
    await _settle()
    reply = asyncio.ensure_future(sender.show(RESELLER, None, "reply"))
    await _settle()
    assert not alert.done() and not reply.done()

    pace.step(1)
    await _settle()
    assert reply.done() and not alert.done()
    pace.step(1)
    await _settle()
    assert await alert
    order = [m.text for m in (*telegram.bot_messages(RESELLER), *telegram.bot_messages(ADMIN))]
    assert order == ["reply", "alert"]
    assert [
        (params["chat_id"], params["text"])
        for method, params in telegram.calls
        if method == "sendMessage"
    ] == [(OTHER, "the budget's one for this second"), (RESELLER, "reply"), (ADMIN, "alert")]
