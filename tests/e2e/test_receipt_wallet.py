"""Each receipt a reseller sees ends with their balance after the sale; an admin's own
sales have no wallet; customers never see a balance, a cost or a commission."""

from __future__ import annotations

import re

from bot.domain.purchases import Status
from tests.e2e.receipt_steps import CUSTOMER, LINK, add_customers, verified
from tests.e2e.settling import pending_list, sell_pending, stored
from tests.e2e.wallet_steps import ENGLISH_SHOP, SHOP, add_prepaid, set_default_commission
from tests.harness import ADMIN, Harness, text_of

DECLINED_PHONE = "55 1234 9912"  # code 12: declined, nothing charged


async def _funded(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")  # so that pending alerts reach them
    await set_default_commission(bot, 300, 500)  # $100 airtime costs $97.00
    await add_prepaid(bot, funds=50_000)


async def test_an_approved_receipt_ends_with_the_balance_after_the_debit(bot: Harness) -> None:
    await _funded(bot)
    receipt = await bot.buy(SHOP, amount="100")
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert text_of(receipt).endswith("\n\n💳 Se descontaron $97.00 de tu saldo.\nSaldo: $403.00")
    [again] = await bot.say(SHOP, f"/recibo {(await bot.purchases())[0].folio}")
    assert text_of(again).endswith("💳 Se descontaron $97.00 de tu saldo.\nSaldo: $403.00")
    # The receipt keeps the balance the sale left, not today's.
    await bot.buy(SHOP, phone="33 1234 5678", amount="100")
    [first] = await bot.say(SHOP, "/recibo 1")
    assert text_of(first).endswith("Saldo: $403.00")


async def test_a_declined_receipt_says_the_hold_was_released(bot: Harness) -> None:
    await _funded(bot)
    receipt = await bot.buy(SHOP, phone=DECLINED_PHONE, amount="100")
    assert text_of(receipt).startswith("❌ Recarga rechazada")
    assert text_of(receipt).endswith("💳 No se te cobró: se liberaron $97.00.\nSaldo: $500.00")


async def test_a_pending_receipt_says_the_cost_stays_held_until_verified(bot: Harness) -> None:
    await _funded(bot)
    purchase = await sell_pending(bot, SHOP)
    receipt = text_of(bot.telegram.message(SHOP, purchase.message_id or 0))
    assert receipt.startswith("⏳ Pendiente de verificación")
    assert receipt.endswith(
        "💳 $97.00 quedan apartados de tu saldo hasta que se verifique.\n"
        "Saldo: $500.00 · apartado: $97.00"
    )

    page = await pending_list(bot)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", page.message_id)
    await bot.reply(ADMIN, question.message_id, "REF-9")
    assert (await stored(bot, purchase)).status is Status.APPROVED
    notice = text_of(bot.last(SHOP))
    assert notice.startswith("✅ Recarga confirmada")
    assert notice.endswith("💳 Se descontaron $97.00 de tu saldo.\nSaldo: $403.00")
    refreshed = text_of(bot.telegram.message(SHOP, purchase.message_id or 0))
    assert refreshed.endswith("💳 Se descontaron $97.00 de tu saldo.\nSaldo: $403.00")


async def test_a_receipt_settled_as_not_charged_says_the_hold_was_released(
    bot: Harness,
) -> None:
    await _funded(bot)
    purchase = await sell_pending(bot, SHOP)
    page = await pending_list(bot)
    [question] = await bot.tap(ADMIN, f"❌ {purchase.folio}", page.message_id)
    await bot.tap(ADMIN, "❌ Sí, no se cobró", question.message_id)
    notice = text_of(bot.last(SHOP))
    assert notice.startswith("❌ Recarga no realizada")
    assert notice.endswith("💳 No se te cobró: se liberaron $97.00.\nSaldo: $500.00")


async def test_english_receipt_balance(bot: Harness) -> None:
    await add_prepaid(bot, ENGLISH_SHOP, "Corner Shop", lang="en", funds=10_000)
    receipt = await bot.buy(ENGLISH_SHOP, amount="30")
    assert text_of(receipt).endswith("💳 $30.00 was taken from your balance.\nBalance: $70.00")


async def test_an_admins_own_sale_has_no_wallet_line(bot: Harness) -> None:
    receipt = await bot.buy(ADMIN, amount="100")
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert "💳" not in text_of(receipt) and "Saldo" not in text_of(receipt)
    [again] = await bot.say(ADMIN, "/recibo 1")
    assert "💳" not in text_of(again)


async def test_customers_never_see_a_balance_a_cost_or_a_commission(bot: Harness) -> None:
    await _funded(bot)
    add_customers(bot)
    await verified(bot)  # the customer of 55 3768 6660 wants notices
    receipt = await bot.buy(SHOP, amount="100")  # $97.00 cost, $3.00 commission
    assert "$97.00" in text_of(receipt)  # the reseller's receipt shows it
    notice = text_of(bot.last(CUSTOMER))
    assert notice.startswith("✅ Recarga recibida")

    [purchase] = await bot.purchases()
    [shared] = await bot.say(SHOP, f"/recibo {purchase.folio}")
    [message] = await bot.tap(SHOP, "📤", shared.message_id)
    link = LINK.search(text_of(message))
    assert link is not None
    [copy] = await bot.say(CUSTOMER, f"/start {link[1]}")
    assert text_of(copy).startswith("🧾 Comprobante de recarga")

    for text in (notice, text_of(copy)):
        assert "$100 MXN" in text  # the face amount, and nothing else of money
        assert re.findall(r"\$[\d,.]+", text) == ["$100"]
        for word in ("saldo", "costo", "comisión", "apartad", "💳", "Disponible"):
            assert word not in text.lower() and word not in text
