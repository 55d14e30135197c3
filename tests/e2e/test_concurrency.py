"""Nobody waits for someone else: behaviour under overlap, asserted by order, not by timings.

A purchase hanging at the provider delays no other reseller's replies, nor its own
reseller's new draft; a user whose replies are slow to deliver delays nobody else; and
one user's updates are handled strictly in the order they were sent, even when Telegram
answers the bot's calls with random delays that would reorder overlapping handlers.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from bot.domain.purchases import Status
from bot.i18n import CATALOGS
from tests.faults.chat import RECEIPTS, opening
from tests.faults.live import LiveBot, MakeLive, live_bots

SELLER, OTHER = 100, 101
HANGING = "55 1234 9971"


@pytest.fixture
async def make_live(tmp_path: Path) -> AsyncIterator[MakeLive]:
    async with live_bots(tmp_path) as make:
        yield make


def status_of(live: LiveBot, phone: str) -> Status | None:
    shown = live.chats.outcome(SELLER, phone)
    return None if shown is None else shown[0]


async def test_a_purchase_hanging_upstream_delays_nobody(make_live: MakeLive) -> None:
    live = await make_live(purchase_timeout=30)
    live.sandbox.hang_seconds = 60
    summary = await live.chats.to_confirm(SELLER, HANGING)
    live.chats.press_confirm(SELLER, summary)
    await live.chats.until(lambda: live.sandbox.charges, poll=0.005)

    others = await live.chats.say(OTHER, "/recarga")
    own_new_draft = await live.chats.say(SELLER, "/recarga")
    own_cancel = await live.chats.say(SELLER, "/cancelar")
    [purchase] = await live.purchases()
    still_hanging = purchase.status is Status.SENDING and status_of(live, HANGING) is None
    await live.crash()  # no need to wait out the hang

    assert still_hanging, "everything above was answered while the purchase hung"
    assert (others.text or "").startswith(opening("topup.ask_phone"))
    assert (own_new_draft.text or "").startswith(opening("topup.ask_phone"))
    assert own_cancel.text == CATALOGS["es"]["topup.cancelled"]


async def test_a_user_with_slow_replies_delays_nobody_else(make_live: MakeLive) -> None:
    def slow_for_seller(method: str, params: Mapping[str, Any]) -> float:
        return 0.5 if str(params.get("chat_id")) == str(SELLER) else 0.0

    live = await make_live(over_http=False, telegram_delay=slow_for_seller)
    order: list[int] = []
    live.chats.telegram.on_bot_message = lambda event: order.append(event.chat_id)
    live.chats.telegram.send_text(SELLER, "/recarga")
    live.chats.telegram.send_text(OTHER, "/recarga")
    await live.wait_until_quiet()

    assert order == [OTHER, SELLER], "the second user's reply did not wait for the first's"


async def test_updates_of_one_user_are_handled_in_order(make_live: MakeLive) -> None:
    jitter = random.Random(7)
    live = await make_live(
        over_http=False, telegram_delay=lambda method, params: jitter.uniform(0, 0.02)
    )
    phones = [f"55 1234 {n:04d}" for n in range(6)]
    for phone in phones:  # all queued before the bot sees the first
        for text in ("/recarga", phone, "/cancelar"):
            live.chats.telegram.send_text(SELLER, text)
    await live.wait_until_quiet()

    texts = live.chats.texts(SELLER)
    assert len(texts) == 3 * len(phones)
    for index, phone in enumerate(phones):
        ask, menu, cancelled = texts[3 * index : 3 * index + 3]
        assert ask.startswith(opening("topup.ask_phone"))
        assert menu.startswith(opening("topup.ask_product")) and phone in menu
        assert cancelled == CATALOGS["es"]["topup.cancelled"]
    assert not any(text.startswith(RECEIPTS[Status.APPROVED]) for text in texts)
