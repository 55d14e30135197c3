"""Strangers (no role, no verified number) cost the others nothing: one answer now and
then, and Telegram holding a stranger's chat (429) holds up nobody else's."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from devtools.standin import ChatMessage
from tests.e2e.receipt_steps import CUSTOMER, add_customers, share_contact, text
from tests.harness import (
    PHONE,
    RESELLER,
    STRANGER,
    UNREACHABLE_MENU,
    Harness,
    refusals,
    text_of,
)

REFUSAL = "🚫 No tienes acceso a este bot."
HELD_SECONDS = 30


async def test_a_stranger_writing_ten_times_is_answered_once(bot: Harness) -> None:
    said = ["/start", "hola", "/recarga", "/ayuda", "55 3768 6660", "/historial"] * 2
    replies = [await bot.say(STRANGER, words) for words in said[:10]]

    assert [len(reply) for reply in replies] == [1] + [0] * 9
    assert text_of(replies[0][0]).startswith(REFUSAL)
    assert len(bot.telegram.bot_messages(STRANGER)) == 1


async def test_a_stranger_turned_away_can_still_verify_as_a_customer(bot: Harness) -> None:
    add_customers(bot)
    [refusal] = await bot.say(CUSTOMER, "/start")
    assert text(refusal).startswith(REFUSAL)
    assert await bot.say(CUSTOMER, "hola") == []

    [ask] = await bot.say(CUSTOMER, "/mis_recargas")
    assert "Compartir mi número" in text(ask)
    done, _listing = await share_contact(bot, CUSTOMER, "525537686660", CUSTOMER)
    assert text(done).startswith("✅")

    [welcome] = await bot.say(CUSTOMER, "/start")  # a customer now: answered every time
    assert "55 3768 6660" in text(welcome)
    [again] = await bot.say(CUSTOMER, "/start")
    assert text(again) == text(welcome)
    [mine] = await bot.say(CUSTOMER, "/mis_recargas")
    assert "55 3768 6660" in text(mine)


async def _answer(bot: Harness, user_id: int, act: Callable[[], object]) -> ChatMessage:
    """The first message sent or edited in `user_id`'s chat after `act`, waiting on that
    chat alone (a stranger's chat may still be held meanwhile)."""

    def shown() -> list[ChatMessage]:
        return [
            e.message
            for e in bot.events
            if e.chat_id == user_id and e.kind in ("sent", "edited") and e.message is not None
        ]

    before = len(shown())
    bot.pace.step()
    act()
    await _until(lambda: len(shown()) > before)
    return shown()[before]


async def _until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(10):
        while not condition():  # noqa: ASYNC110 - the stand-in signals no refusal
            await asyncio.sleep(0.01)


async def test_telegram_holding_a_strangers_chat_holds_up_no_reseller(bot: Harness) -> None:
    bot.pace.waits_move_time = False  # the stranger's retry_after ends when we say so
    telegram = bot.telegram
    held_at = bot.pace.now
    telegram.flood_wait(STRANGER, HELD_SECONDS)
    for n in range(10):
        telegram.send_text(STRANGER, f"hola {n}")
    await _until(lambda: refusals(telegram) != [])  # the bot was told to wait

    greeting = await _answer(bot, RESELLER, lambda: telegram.send_text(RESELLER, "/start"))
    assert "Rita" in text_of(greeting)
    await _answer(bot, RESELLER, lambda: telegram.send_text(RESELLER, "/recarga"))
    menu = await _answer(bot, RESELLER, lambda: telegram.send_text(RESELLER, PHONE))
    await _answer(bot, RESELLER, lambda: telegram.press_button(RESELLER, "📱", menu.message_id))
    summary = await _answer(bot, RESELLER, lambda: telegram.send_text(RESELLER, "100"))
    receipt = await _answer(
        bot, RESELLER, lambda: telegram.press_button(RESELLER, "✅", summary.message_id)
    )

    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert bot.pace.now < held_at + HELD_SECONDS  # the stranger's chat is still held
    assert telegram.bot_messages(STRANGER) == []
    refused = [
        (method, params["chat_id"], why)
        for method, params, why in telegram.errors
        if (method, why) != UNREACHABLE_MENU
    ]
    # Asked once, the bot waits: no second try inside the retry_after.
    assert refused == [("sendMessage", STRANGER, f"Too Many Requests: retry after {HELD_SECONDS}")]

    bot.pace.step(HELD_SECONDS)
    await bot.wait_until_quiet()
    [refusal] = telegram.bot_messages(STRANGER)  # once, after the wait; the rest unanswered
    assert text_of(refusal).startswith(REFUSAL)
    # The 429 was the point; nothing else was refused.
    telegram.errors[:] = [e for e in telegram.errors if (e[0], e[2]) == UNREACHABLE_MENU]
