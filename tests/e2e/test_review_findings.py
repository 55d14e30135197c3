"""Regressions found in review: each was a way to mislead a reseller, a customer or an
admin."""

from __future__ import annotations

from bot.domain.drafts import Step
from bot.domain.purchases import Status
from tests.harness import ADMIN, RESELLER, STRANGER, Harness, text_of


async def test_a_customer_hears_of_a_pending_top_up_settled_as_charged(bot: Harness) -> None:
    await bot.say(STRANGER, "/mis_recargas")
    await bot.send_contact(STRANGER, "+52 1 55 1234 9996", STRANGER)
    before = len(bot.telegram.bot_messages(STRANGER))
    await bot.say(ADMIN, "/start")
    await bot.buy(RESELLER, phone="55 1234 9996")
    bot.pace.step(5)
    [page] = await bot.say(ADMIN, "/pendientes")
    [question] = await bot.tap(ADMIN, "✅", page.message_id)
    await bot.reply(ADMIN, question.message_id, "RRN-1")
    [purchase] = await bot.purchases()
    assert purchase.status is Status.APPROVED
    [notice] = bot.telegram.bot_messages(STRANGER)[before:]
    assert "55 1234 9996" in text_of(notice)


async def test_a_reseller_sharing_their_own_card_mid_sale_tops_up_their_phone(
    bot: Harness,
) -> None:
    await bot.reach(RESELLER, Step.PHONE)
    [products] = await bot.send_contact(RESELLER, "+52 55 3768 6660", RESELLER)
    assert "Número: 55 3768 6660" in text_of(products)
    [draft] = [d for d in await bot.drafts(RESELLER) if d.status == "open"]
    assert draft.step is Step.PRODUCT


async def test_a_double_tap_on_the_next_pending_page_edits_once(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    for n in range(6):
        await bot.buy(RESELLER, phone=f"55 12{n:02d} 9996")
        bot.pace.step(5)
    [page] = await bot.say(ADMIN, "/pendientes")
    bot.pace.step()
    next_page = next(
        b for b in page.buttons if b.callback_data and b.callback_data.startswith("pending:newer:")
    )
    assert next_page.callback_data is not None
    bot.telegram.press(ADMIN, page.message_id, next_page.callback_data)
    bot.telegram.press(ADMIN, page.message_id, next_page.callback_data)
    await bot.wait_until_quiet()
    # The conftest fixture fails the test if Telegram refused the second, unchanged edit.
    assert "6" in text_of(bot.telegram.message(ADMIN, page.message_id))
