"""Strangers (no role, no verified number) cost the others nothing: one answer now and
then, and nothing more while they write on."""

from __future__ import annotations

from tests.e2e.receipt_steps import CUSTOMER, add_customers, share_contact, text
from tests.harness import STRANGER, Harness, text_of

REFUSAL = "🚫 No tienes acceso a este bot."


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
