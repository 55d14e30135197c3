"""Settling what is pending: the admins' alert, /pendientes, and each settlement once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.purchases import Status
from bot.domain.settlement import SETTLED_FAILED
from tests.e2e.settling import PENDING_PHONE, pending_list, sell_pending, stored
from tests.harness import (
    ADMIN,
    ENGLISH_RESELLER,
    RESELLER,
    STRANGER,
    Harness,
    make_settings,
    refusals,
    text_of,
)

SECOND_ADMIN = 5


@pytest.fixture
async def two_admins(tmp_path: Path) -> AsyncIterator[Harness]:
    """The `bot` fixture's bot and checks, with a second admin."""
    harness = Harness(make_settings(tmp_path, admin_ids=frozenset({ADMIN, SECOND_ADMIN})))
    harness.telegram.add_user(SECOND_ADMIN, first_name="Beto Admin", language_code="es")
    await harness.start()
    yield harness
    await harness.stop()
    assert refusals(harness.telegram) == []
    assert harness.telegram.unanswered_callback_queries() == []


async def test_admins_are_alerted_with_what_they_need_to_check_it(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    alert = text_of(bot.last(ADMIN))
    assert alert.startswith("⚠️ Recarga pendiente de verificación")
    for fact in (
        f"Folio: {purchase.folio}",
        f"ID de transacción: {purchase.distributor_transaction_id}",
        "Vendedor: Rita <Tienda> (2)",
        "📱 55 1234 9996 · Tiempo aire · $100 MXN",
        "Motivo: el proveedor respondió HTTP 500, código 96: «Error de sistema»",
    ):
        assert fact in alert.splitlines()


async def test_pendientes_lists_them_oldest_first_with_settle_buttons(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    first = await sell_pending(bot)
    await bot.buy(RESELLER)  # approved: not listed
    second = await sell_pending(bot, ENGLISH_RESELLER, "33 1234 9973")
    page = await pending_list(bot)
    text = text_of(page)

    assert text.startswith("⏳ Pendientes de verificación: 2")
    assert text.index(f"Folio {first.folio}") < text.index(f"Folio {second.folio}")
    assert first.distributor_transaction_id in text
    assert "Vendedor: Ed (4)" in text
    assert "📱 33 1234 9973 · Tiempo aire · $100 MXN" in text
    assert [(b.text, b.callback_data) for b in page.buttons] == [
        (f"✅ {first.folio} se cobró", f"settle:charged:{first.id}"),
        (f"❌ {first.folio} no se cobró", f"settle:not_charged:{first.id}"),
        (f"✅ {second.folio} se cobró", f"settle:charged:{second.id}"),
        (f"❌ {second.folio} no se cobró", f"settle:not_charged:{second.id}"),
    ]
    [english] = await bot.say(ADMIN, "/pending")
    assert text_of(english) == text


async def test_pendientes_pages_through_many(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    bought = [await sell_pending(bot, phone=f"55 12{n:02d} 9996") for n in range(7)]
    page = await pending_list(bot)
    assert text_of(page).startswith("⏳ Pendientes de verificación: 7")
    assert "(1–5)" in text_of(page)
    assert page.buttons[-1].text == "Siguientes ▶️"
    [second] = await bot.tap(ADMIN, "Siguientes", page.message_id)
    assert "(6–7)" in text_of(second)
    assert [b.callback_data for b in second.buttons[:4]] == [
        f"settle:{outcome}:{purchase.id}"
        for purchase in bought[5:]
        for outcome in ("charged", "not_charged")
    ]
    assert second.buttons[-1].text == "◀️ Anteriores"


async def test_settling_from_a_page_skips_nobody_on_the_next(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    bought = [await sell_pending(bot, phone=f"55 12{n:02d} 9996") for n in range(8)]
    page = await pending_list(bot)
    for purchase in bought[:3]:  # settled from the first page, which stays on screen
        [question] = await bot.tap(ADMIN, f"❌ {purchase.folio}", page.message_id)
        await bot.tap(ADMIN, "❌ Sí, no se cobró", question.message_id)

    [second] = await bot.tap(ADMIN, "Siguientes", page.message_id)

    assert text_of(second).startswith("⏳ Pendientes de verificación: 5")
    assert "(3–5)" in text_of(second)
    assert [b.callback_data for b in second.buttons[:6]] == [
        f"settle:{outcome}:{purchase.id}"
        for purchase in bought[5:]
        for outcome in ("charged", "not_charged")
    ]
    [first] = await bot.tap(ADMIN, "◀️ Anteriores", second.message_id)
    assert "(1–2)" in text_of(first)
    assert [b.callback_data for b in first.buttons[:4]] == [
        f"settle:{outcome}:{purchase.id}"
        for purchase in bought[3:5]
        for outcome in ("charged", "not_charged")
    ]


async def test_nothing_pending(bot: Harness) -> None:
    page = await pending_list(bot)
    assert text_of(page) == "✅ No hay recargas pendientes de verificación."


async def test_settled_as_not_charged_tells_the_reseller_to_sell_it_again(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot, ENGLISH_RESELLER)
    page = await pending_list(bot)
    [question] = await bot.tap(ADMIN, f"❌ {purchase.folio}", page.message_id)
    assert "no se cobró" in text_of(question)
    assert (await stored(bot, purchase)).status is Status.PENDING  # not before confirming

    [*_, done] = await bot.tap(ADMIN, "❌ Sí, no se cobró", question.message_id)
    assert bot.telegram.message(ADMIN, question.message_id).buttons == []  # used up
    assert text_of(done) == (
        f"❌ Folio {purchase.folio} quedó como no cobrado.\nSe avisó al vendedor."
    )
    settled = await stored(bot, purchase)
    assert (settled.status, settled.response_code) == (Status.DECLINED, SETTLED_FAILED)
    told = text_of(bot.last(ENGLISH_RESELLER))
    assert told.startswith("❌ Top-up not made")
    assert "nothing was charged" in told
    assert "You can sell it again with /topup." in told
    # The receipt it settles says the same, not "try again in a few minutes".
    receipt = text_of(bot.telegram.message(ENGLISH_RESELLER, purchase.message_id or 0))
    assert "👉 You can sell it again with /topup." in receipt.splitlines()
    assert receipt.endswith("💳 Not charged: $100.00 released.\nBalance: $0.00")
    # Nothing was charged, so selling it again is no repeat.
    again = await bot.buy(ENGLISH_RESELLER, phone="55 1234 9996")
    assert text_of(again).startswith("⏳ Pending verification")


async def test_a_settled_purchase_cannot_be_settled_again(two_admins: Harness) -> None:
    bot = two_admins
    for admin in (ADMIN, SECOND_ADMIN):
        await bot.say(admin, "/start")
    purchase = await sell_pending(bot)
    first_page, second_page = await pending_list(bot), await pending_list(bot, SECOND_ADMIN)
    # The second admin starts settling it as charged, and is asked for the reference…
    [ask] = await bot.tap(SECOND_ADMIN, f"✅ {purchase.folio}", second_page.message_id)
    # …while the first settles it as not charged, tapping the confirmation twice.
    [question] = await bot.tap(ADMIN, f"❌ {purchase.folio}", first_page.message_id)
    bot.telegram.press_button(ADMIN, "❌ Sí", question.message_id)
    bot.telegram.press_button(ADMIN, "❌ Sí", question.message_id)
    await bot.wait_until_quiet()

    settled = await stored(bot, purchase)
    assert (settled.status, settled.settled_by) == (Status.DECLINED, ADMIN)
    [refusal] = bot.alerts(ADMIN)
    assert refusal.startswith("Esta recarga ya la liquidó Ana Admin el ")
    assert refusal.endswith(" como no cobrada.")
    [late] = await bot.reply(SECOND_ADMIN, ask.message_id, "RRN-1")
    assert text_of(late) == refusal
    await bot.tap(SECOND_ADMIN, f"✅ {purchase.folio}", second_page.message_id)
    assert bot.alerts(SECOND_ADMIN) == [refusal]
    assert (await stored(bot, purchase)).reference is None
    told = [m for m in bot.telegram.bot_messages(RESELLER) if "no realizada" in text_of(m)]
    assert len(told) == 1


async def test_the_receipt_a_settlement_settles_stops_saying_pending(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    pending_receipt = await bot.buy(RESELLER, phone=PENDING_PHONE)
    assert "No vuelvas a vender esta recarga todavía" in text_of(pending_receipt)
    purchase = (await bot.purchases())[-1]
    page = await pending_list(bot)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", page.message_id)
    seller_before = len(bot.telegram.bot_messages(RESELLER))

    await bot.reply(ADMIN, question.message_id, "RRN-9")

    [news] = bot.telegram.bot_messages(RESELLER)[seller_before:]  # one new message…
    assert text_of(news).startswith("✅ Recarga confirmada")
    now = text_of(bot.telegram.message(RESELLER, pending_receipt.message_id))
    assert now.startswith("✅ Recarga exitosa")  # …and the old receipt says what it is
    assert "Referencia: RRN-9" in now.splitlines()
    assert "No vuelvas a vender" not in now


async def test_the_other_admins_hear_of_a_settlement(two_admins: Harness) -> None:
    bot = two_admins
    for admin in (ADMIN, SECOND_ADMIN):
        await bot.say(admin, "/start")
    purchase = await sell_pending(bot)
    before = len(bot.telegram.bot_messages(SECOND_ADMIN))
    [question] = await bot.tap(ADMIN, f"❌ {purchase.folio}", (await pending_list(bot)).message_id)
    await bot.tap(ADMIN, "❌ Sí, no se cobró", question.message_id)

    [heard] = bot.telegram.bot_messages(SECOND_ADMIN)[before:]
    assert text_of(heard) == (
        f"ℹ️ Ana Admin liquidó el folio {purchase.folio} (55 1234 9996 · $100 MXN) como no cobrado."
    )
    assert not any("liquidó el folio" in text_of(m) for m in bot.telegram.bot_messages(ADMIN))


async def test_an_admin_can_settle_from_the_receipt_itself(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    [shown] = await bot.say(ADMIN, f"/recibo {purchase.folio}")
    assert text_of(shown).startswith("⚠️ Recarga pendiente de verificación")  # the admins'
    assert "Motivo: el proveedor respondió HTTP 500" in text_of(shown)
    assert "te avisaremos" not in text_of(shown)
    assert [b.callback_data for b in shown.buttons[:2]] == [
        f"settle:charged:{purchase.id}",
        f"settle:not_charged:{purchase.id}",
    ]
    [question] = await bot.tap(ADMIN, f"❌ {purchase.folio}", shown.message_id)
    await bot.tap(ADMIN, "❌ Sí, no se cobró", question.message_id)
    assert (await stored(bot, purchase)).status is Status.DECLINED
    # The reseller's own copy has no such buttons; a settled one has none for anyone.
    [own] = await bot.say(RESELLER, f"/recibo {purchase.folio}")
    [again] = await bot.say(ADMIN, f"/recibo {purchase.folio}")
    for receipt in (own, again):
        assert not any((b.callback_data or "").startswith("settle:") for b in receipt.buttons)


async def test_only_admins_list_or_settle(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    [reseller_reply] = await bot.say(RESELLER, "/pendientes")
    [stranger_reply] = await bot.say(STRANGER, "/pendientes")
    assert "administradores" in text_of(reseller_reply)
    assert text_of(stranger_reply).startswith("🚫 No tienes acceso")
    mine = bot.last(RESELLER)
    for data in (
        f"settle:charged:{purchase.id}",
        f"settle:not_charged:{purchase.id}:sure",
        f"s:F:{purchase.id}",  # a button drawn before the current encoding
        "pending:newer:0",
    ):
        await bot.press_raw(RESELLER, mine.message_id, data)
    await bot.say(RESELLER, "/omitir")
    assert (await stored(bot, purchase)).status is Status.PENDING
    assert all("administradores" in answer for answer in bot.answers(RESELLER)[-4:])


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
