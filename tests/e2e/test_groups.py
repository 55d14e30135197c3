"""The bot works in private chats only: in a group it says so once and leaves, and
nothing about money or receipts is ever posted there."""

from __future__ import annotations

from bot.domain.drafts import Step
from bot.domain.purchases import Status
from tests.harness import ADMIN, PHONE, RESELLER, Harness, text_of

GROUP = -1001


async def _in_group(bot: Harness, user_id: int, *texts: str) -> None:
    for text in texts:
        bot.pace.step()
        bot.telegram.send_in_group(GROUP, user_id, text)
    await bot.wait_until_quiet()


async def test_in_a_group_the_bot_says_once_it_works_in_private_and_leaves(
    bot: Harness,
) -> None:
    await bot.buy(RESELLER)  # a receipt that must never reach the group
    await bot.say(ADMIN, "/start")
    bot.telegram.add_group(GROUP, "Tienda y amigos", RESELLER)

    await _in_group(bot, RESELLER, "/recibos", "/recibo 1", "/recarga")
    await _in_group(bot, ADMIN, "/saldo", "/recibos", "/pendientes")

    [said] = bot.telegram.bot_messages(GROUP)
    assert "Solo funciono en chats privados" in text_of(said)
    assert "@recargas_sandbox_bot" in text_of(said)
    assert [e.kind for e in bot.events if e.chat_id == GROUP] == ["sent", "left"]


async def test_a_top_up_started_in_a_group_by_mistake_posts_nothing_there(
    bot: Harness,
) -> None:
    bot.telegram.add_group(GROUP, "Tienda", RESELLER)
    await _in_group(bot, RESELLER, "/recarga", PHONE)
    assert await bot.services.topup.current(RESELLER) is None  # nothing was started there

    summary = await bot.reach(RESELLER, Step.CONFIRM)
    await bot.tap(RESELLER, "✅", summary.message_id)
    [purchase] = await bot.purchases()
    assert purchase.status is Status.APPROVED and purchase.chat_id == RESELLER
    [said] = bot.telegram.bot_messages(GROUP)  # only that it works in private chats
    assert "Solo funciono en chats privados" in text_of(said)
