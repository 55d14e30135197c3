"""A reseller's receipts through the real bot: /recibos paging and filtering, /recibo,
🔁 Repetir and 📤 Compartir, and that nobody reaches a receipt that isn't theirs."""

from __future__ import annotations

import pytest

from bot.callback_data import ShareReceipt
from bot.domain.drafts import Step
from bot.domain.formatting import format_datetime
from bot.domain.purchases import Status
from bot.domain.sharing import new_token
from bot.i18n import plain
from storage.shares import ShareRepository
from tests.e2e.receipt_steps import LINK, folios, labels, text
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, STRANGER, Harness
from tests.receipts_seed import add_purchases

SHOP = "3312345678"


async def test_history_lines_show_time_number_product_amount_and_status(bot: Harness) -> None:
    await bot.buy(RESELLER, amount="100")
    await bot.buy(RESELLER, phone="33 1234 5678", amount="50")
    await bot.buy(RESELLER, phone="55 1234 9905", amount="30")  # declined (code 05)
    [page] = await bot.say(RESELLER, "/recibos")
    declined, shop, home = (p for p in reversed(await bot.purchases()))
    assert folios(page) == [declined.id, shop.id, home.id]
    lines = text(page).split("\n\n")
    assert lines[0] == "🧾 Tus recibos"
    when = format_datetime(home.completed_at or home.created_at, bot.settings.zone, "es")
    assert lines[3] == (
        f"{when} · ✅ Exitosa\n📱 55 3768 6660 · Tiempo aire · $100 MXN · /recibo_{home.folio}"
    )
    assert "❌ Rechazada\n📱 55 1234 9905 · Tiempo aire · $30 MXN" in lines[1]
    assert page.buttons == []  # one page only


async def test_ten_a_page_with_arrows_both_ways(bot: Harness) -> None:
    mine = await add_purchases(bot.database, 23, reseller_id=RESELLER)
    await add_purchases(bot.database, 3, reseller_id=ENGLISH_RESELLER)
    newest_first = mine[::-1]
    [page] = await bot.say(RESELLER, "/recibos")
    assert folios(page) == newest_first[:10]
    assert labels(page) == ["Anteriores ▶"]

    await bot.tap(RESELLER, "Anteriores", page.message_id)
    second = bot.telegram.message(RESELLER, page.message_id)  # the same message, edited
    assert folios(second) == newest_first[10:20]
    assert labels(second) == ["◀ Más recientes", "Anteriores ▶"]
    await bot.tap(RESELLER, "Anteriores", page.message_id)
    third = bot.telegram.message(RESELLER, page.message_id)
    assert folios(third) == newest_first[20:]
    assert labels(third) == ["◀ Más recientes"]
    await bot.tap(RESELLER, "◀", page.message_id)
    assert folios(bot.telegram.message(RESELLER, page.message_id)) == newest_first[10:20]


@pytest.mark.parametrize("typed", ["5537686660", "55-3768-6660", "+52 1 55 3768 6660"])
async def test_history_of_one_number_in_any_spelling(bot: Harness, typed: str) -> None:
    home = await add_purchases(bot.database, 12, reseller_id=RESELLER)
    await add_purchases(bot.database, 2, reseller_id=RESELLER, phone=SHOP)
    [page] = await bot.say(RESELLER, f"/recibos {typed}")
    assert text(page).startswith("🧾 Tus recibos de 55 3768 6660")
    assert folios(page) == home[::-1][:10]
    await bot.tap(RESELLER, "Anteriores", page.message_id)
    assert folios(bot.telegram.message(RESELLER, page.message_id)) == home[::-1][10:]


async def test_a_bad_number_filter_says_what_is_wrong(bot: Harness) -> None:
    [reply] = await bot.say(RESELLER, "/recibos 55 3768")
    assert "10 dígitos" in text(reply) and "55 3768 6660" in text(reply)
    [empty] = await bot.say(RESELLER, "/recibos 3312345678")
    assert "No hay recibos de 33 1234 5678." in text(empty)


async def test_admins_see_every_reseller_named(bot: Harness) -> None:
    rita = await add_purchases(
        bot.database, 2, reseller_id=RESELLER, reseller_name="Rita <Tienda>"
    )
    ed = await add_purchases(bot.database, 1, reseller_id=ENGLISH_RESELLER)
    [page] = await bot.say(ADMIN, "/recibos")
    assert text(page).startswith("🧾 Recibos de todos los vendedores")
    assert folios(page) == (rita + ed)[::-1]
    entries = text(page).split("\n\n")[1:]
    assert entries[0].endswith(f"👤 {ENGLISH_RESELLER}")
    assert entries[1].endswith(f"👤 Rita <Tienda> ({RESELLER})")
    [only_ed] = await bot.say(RESELLER, "/recibos")
    assert folios(only_ed) == rita[::-1]


async def test_forged_page_buttons_show_only_the_pressers_receipts(bot: Harness) -> None:
    mine = await add_purchases(bot.database, 3, reseller_id=RESELLER)
    await add_purchases(bot.database, 15, reseller_id=ENGLISH_RESELLER, phone=SHOP)
    [page] = await bot.say(RESELLER, "/recibos")
    for data in (f"hist:o:999999:{SHOP}", "hist:n:0:", "hist:o:9999999999999999999:"):
        await bot.press_raw(RESELLER, page.message_id, data)
        shown = bot.telegram.message(RESELLER, page.message_id)
        assert set(folios(shown)) <= set(mine), data
    await bot.press_raw(RESELLER, page.message_id, "hist:x:1:")
    assert bot.alerts(RESELLER)[-1] == plain("es", "history.gone")
    # Someone who sells nothing gets the usual refusal, whatever the button says.
    [refusal] = await bot.say(STRANGER, "/recibos")
    assert "No tienes acceso" in text(refusal)
    await bot.press_raw(STRANGER, refusal.message_id, "hist:o:999999:")
    assert str(STRANGER) in bot.answers(STRANGER)[-1]


async def test_one_receipt_in_full_only_for_its_reseller(bot: Harness) -> None:
    [mine] = await add_purchases(bot.database, 1, reseller_id=RESELLER)
    [eds] = await add_purchases(bot.database, 1, reseller_id=ENGLISH_RESELLER)
    [receipt] = await bot.say(RESELLER, f"/recibo {mine:06d}")
    assert text(receipt).startswith("✅ Recarga exitosa")
    assert f"Folio: {mine:06d}" in text(receipt) and "Autorización: AUTH00" in text(receipt)
    assert labels(receipt) == ["🔁 Repetir", "📤 Compartir"]
    [tapped] = await bot.say(RESELLER, f"/recibo_{mine:06d}")
    assert text(tapped) == text(receipt)

    # Someone else's folio reads exactly like one that does not exist.
    [other] = await bot.say(RESELLER, f"/recibo {eds}")
    [missing] = await bot.say(RESELLER, "/recibo 999")
    assert text(other) == text(missing).replace("000999", f"{eds:06d}")
    assert other.buttons == []
    [usage] = await bot.say(RESELLER, "/recibo")
    assert "/recibo 000012" in text(usage)
    # A folio is written in ASCII digits: "١" (Arabic-Indic one) is no folio 1.
    [foreign_digit] = await bot.say(RESELLER, f"/recibo {chr(0x661)}")
    assert text(foreign_digit) == text(usage)

    [admin_view] = await bot.say(ADMIN, f"/recibo {mine}")
    assert text(admin_view).startswith(f"👤 Vendedor: {RESELLER}")


async def test_the_receipt_of_a_purchase_carries_its_buttons(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")  # so the pending purchase's alert can reach them
    receipt = await bot.buy(RESELLER)
    assert labels(receipt) == ["🔁 Repetir", "📤 Compartir"]
    pending = await bot.buy(RESELLER, phone="55 1234 9996")  # charged, then HTTP 500
    assert labels(pending) == []  # nothing to repeat while it may be charged, nor to share
    declined = await bot.buy(RESELLER, phone="55 1234 9905")
    assert labels(declined) == ["🔁 Repetir"]  # no customer copy of a top-up that failed


async def test_no_customer_copy_of_a_declined_or_pending_top_up(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    declined = await bot.buy(RESELLER, phone="55 1234 9905")
    pending = await bot.buy(RESELLER, phone="55 1234 9996")
    for receipt in (declined, pending):
        folio = int(text(receipt).split("Folio: ")[1][:6])
        sent = await bot.press_raw(RESELLER, receipt.message_id, ShareReceipt(folio).encode())
        assert sent == []  # no link
        assert bot.alerts(RESELLER)[-1] == (
            "Solo una recarga exitosa tiene comprobante para el cliente."
        )
    # A link made for it anyway (by an older version) shows no receipt either.
    [purchase, *_] = await bot.purchases()
    token = await ShareRepository(bot.database).token_for(purchase.id, RESELLER, new_token())
    [shown] = await bot.say(STRANGER, f"/start {token}")
    assert text(shown).startswith("Esta recarga no tiene comprobante")


async def test_repeat_goes_straight_to_the_confirm_step(bot: Harness) -> None:
    await bot.buy(RESELLER, phone="33 1234 5678", amount="70")
    [purchase] = await bot.purchases()
    [receipt] = await bot.say(RESELLER, f"/recibo {purchase.id}")
    [summary] = await bot.tap(RESELLER, "🔁", receipt.message_id)
    assert "📱 Número: 33 1234 5678" in text(summary)
    assert "$70 MXN" in text(summary) and "Tiempo aire" in text(summary)
    assert labels(summary)[0].startswith("✅")
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None and draft.step is Step.CONFIRM
    assert (draft.phone, draft.product_id, draft.amount) == ("3312345678", "MOVISTAR_TAE", 70)
    assert draft.summary_message_id == summary.message_id
    # The ✅ is the usual one: a repeat this soon needs the duplicate guard's second yes.
    await bot.tap(RESELLER, "✅", summary.message_id)
    assert len(await bot.purchases()) == 1


async def test_repeat_and_share_refuse_receipts_that_are_not_yours(bot: Harness) -> None:
    [eds] = await add_purchases(bot.database, 1, reseller_id=ENGLISH_RESELLER)
    [pending] = await add_purchases(bot.database, 1, reseller_id=RESELLER, status=Status.PENDING)
    [receipt] = await bot.say(RESELLER, f"/recibo {pending}")
    drafts_before = await bot.drafts(RESELLER)
    for data in (f"again:{eds}", f"share:{eds}", "again:x"):
        await bot.press_raw(RESELLER, receipt.message_id, data)
        assert bot.alerts(RESELLER)[-1] == plain("es", "receipt.gone")
    await bot.press_raw(RESELLER, receipt.message_id, f"again:{pending}")
    assert bot.alerts(RESELLER)[-1] == plain("es", "repeat.not_now")
    assert await bot.drafts(RESELLER) == drafts_before
    async with bot.database.reading() as conn:
        shared = await (await conn.execute("SELECT count(*) FROM shares")).fetchone()
    assert shared is not None and shared[0] == 0


async def test_share_gives_one_deep_link_per_receipt(bot: Harness) -> None:
    [folio] = await add_purchases(bot.database, 1, reseller_id=RESELLER)
    [receipt] = await bot.say(RESELLER, f"/recibo {folio}")
    [first] = await bot.tap(RESELLER, "📤", receipt.message_id)
    [second] = await bot.tap(RESELLER, "📤", receipt.message_id)
    match = LINK.search(text(first))
    assert match is not None
    token = match[1]
    assert 22 <= len(token) <= 64  # 128 random bits in Telegram's start-parameter alphabet
    assert text(second) == text(first)  # the same link: the receipt keeps its token
    assert "Solo muestra esta recarga; ni tus datos ni tus otras ventas." in text(first)
    [english] = await bot.say(ENGLISH_RESELLER, "/receipts")
    assert text(english).startswith("🧾 Your receipts")
