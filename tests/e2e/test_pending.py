"""Settling what is pending: the admins' alert, /pendientes, and each settlement once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.standin import ChatMessage
from storage.models import Purchase, Status, Step, utcnow
from storage.settlements import SETTLED_FAILED
from tests.harness import (
    ADMIN,
    ENGLISH_RESELLER,
    RESELLER,
    STRANGER,
    Harness,
    make_settings,
    text_of,
)

SECOND_ADMIN = 5
PENDING_PHONE = "55 1234 9996"  # charged, then code 96: pending verification


@pytest.fixture
async def two_admins(tmp_path: Path) -> AsyncIterator[Harness]:
    """The `bot` fixture's bot and checks, with a second admin."""
    harness = Harness(make_settings(tmp_path, admin_ids=frozenset({ADMIN, SECOND_ADMIN})))
    harness.telegram.add_user(SECOND_ADMIN, first_name="Beto Admin", language_code="es")
    await harness.start()
    yield harness
    await harness.stop()
    assert [(method, reason) for method, _, reason in harness.telegram.errors] == []
    assert harness.telegram.unanswered_callback_queries() == []


async def sell_pending(
    bot: Harness, user_id: int = RESELLER, phone: str = PENDING_PHONE
) -> Purchase:
    await bot.buy(user_id, phone=phone)
    bot.pace.step(5)  # people take a while between sales: Telegram's flood control
    purchase = (await bot.purchases())[-1]
    assert purchase.status is Status.PENDING
    return purchase


async def pending_list(bot: Harness, admin: int = ADMIN) -> ChatMessage:
    [page] = await bot.say(admin, "/pendientes")
    return page


async def stored(bot: Harness, purchase: Purchase) -> Purchase:
    found = await bot.services.purchases.get(purchase.id)
    assert found is not None
    return found


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
        (f"✅ {first.folio} se cobró", f"s:a:{first.id}"),
        (f"❌ {first.folio} no se cobró", f"s:f:{first.id}"),
        (f"✅ {second.folio} se cobró", f"s:a:{second.id}"),
        (f"❌ {second.folio} no se cobró", f"s:f:{second.id}"),
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
        f"s:{action}:{purchase.id}" for purchase in bought[5:] for action in "af"
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
        f"s:{action}:{purchase.id}" for purchase in bought[5:] for action in "af"
    ]
    [first] = await bot.tap(ADMIN, "◀️ Anteriores", second.message_id)
    assert "(1–2)" in text_of(first)
    assert [b.callback_data for b in first.buttons[:4]] == [
        f"s:{action}:{purchase.id}" for purchase in bought[3:5] for action in "af"
    ]


async def test_nothing_pending(bot: Harness) -> None:
    page = await pending_list(bot)
    assert text_of(page) == "✅ No hay recargas pendientes de verificación."


async def test_settled_as_charged_with_the_providers_reference(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    page = await pending_list(bot)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", page.message_id)
    assert "Escribe la referencia del proveedor, o /omitir" in text_of(question)
    assert question.reply_keyboard is not None and question.reply_keyboard["force_reply"]
    seller_before = len(bot.telegram.bot_messages(RESELLER))

    [done] = await bot.reply(ADMIN, question.message_id, "RRN-777")
    assert text_of(done) == (
        f"✅ Folio {purchase.folio} quedó como cobrado (referencia: RRN-777).\n"
        "Se avisó al vendedor."
    )
    settled = await stored(bot, purchase)
    assert (settled.status, settled.reference, settled.settled_by) == (
        Status.APPROVED,
        "RRN-777",
        ADMIN,
    )
    assert settled.settled_by_name == "Ana Admin" and settled.settled_at is not None
    assert settled.notified_at is not None
    [told] = bot.telegram.bot_messages(RESELLER)[seller_before:]
    assert text_of(told).startswith("✅ Recarga confirmada")
    assert "Referencia: RRN-777" in text_of(told).splitlines()
    assert f"Folio: {purchase.folio}" in text_of(told).splitlines()
    # The admin's next text is theirs again.
    [reply] = await bot.say(ADMIN, "hola")
    assert text_of(reply) == "Para vender una recarga escribe /recarga."
    # Its receipt, looked up later, shows what is known and no empty lines.
    [receipt] = await bot.say(RESELLER, f"/recibo {purchase.folio}")
    lines = text_of(receipt).splitlines()
    assert "✅ Recarga exitosa" in lines and "Referencia: RRN-777" in lines
    assert not any(line.startswith(("Transacción", "Autorización")) for line in lines)


async def test_settled_as_charged_without_a_reference(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)
    [too_long] = await bot.reply(ADMIN, question.message_id, "x" * 65)
    assert text_of(too_long).startswith("La referencia va en una sola línea")
    assert too_long.reply_keyboard is not None and too_long.reply_keyboard["force_reply"]
    assert (await stored(bot, purchase)).status is Status.PENDING

    [done] = await bot.say(ADMIN, "/omitir")
    assert f"Folio {purchase.folio} quedó como cobrado (sin referencia)." in text_of(done)
    settled = await stored(bot, purchase)
    assert settled.status is Status.APPROVED and settled.reference is None
    assert "Referencia" not in text_of(bot.last(RESELLER))
    [nothing] = await bot.say(ADMIN, "/omitir")
    assert text_of(nothing) == "No hay ninguna referencia por escribir."


async def test_cancelar_in_reply_to_the_question_settles_nothing(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)
    assert "/cancelar la deja pendiente" in text_of(question)
    seller_before = len(bot.telegram.bot_messages(RESELLER))

    [done] = await bot.reply(ADMIN, question.message_id, "/cancelar")

    assert text_of(done) == (
        f"Listo: no se liquidó; el folio {purchase.folio} sigue pendiente de verificación."
    )
    assert (await stored(bot, purchase)).status is Status.PENDING
    [nothing] = await bot.say(ADMIN, "/omitir")  # the question is closed: nothing to skip
    assert text_of(nothing) == "No hay ninguna referencia por escribir."
    assert (await stored(bot, purchase)).status is Status.PENDING
    assert len(bot.telegram.bot_messages(RESELLER)) == seller_before
    # A /cancelar that answers no question is the top-up's, as before.
    [top_up] = await bot.say(ADMIN, "/cancelar")
    assert text_of(top_up).startswith("No hay ninguna recarga en curso")


async def test_cancelar_tapped_in_the_question_text_closes_it_first(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    await bot.reach(ADMIN, Step.AMOUNT, phone="55 3768 6660")  # the admin's own sale, open
    await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)

    [closed] = await bot.say(ADMIN, "/cancelar")  # a tap on the link: no reply

    assert text_of(closed).startswith("Listo: no se liquidó")
    assert (await stored(bot, purchase)).status is Status.PENDING
    assert (await bot.services.drafts.current(ADMIN)) is not None  # their sale is intact
    [cancelled] = await bot.say(ADMIN, "/cancelar")  # no question left: the sale's
    assert text_of(cancelled).startswith("Recarga cancelada")


async def test_a_reference_after_the_question_expired_settles_nothing(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)
    await bot.reach(ADMIN, Step.AMOUNT, phone="55 3768 6660")  # the admin's own sale, open
    later = utcnow() + timedelta(minutes=16)
    monkeypatch.setattr("handlers.pending.utcnow", lambda: later)

    [expired] = await bot.reply(ADMIN, question.message_id, "100")

    assert text_of(expired) == (
        "Esa pregunta venció a los 15 minutos y no se liquidó nada. "
        "Para liquidar la recarga, vuelve a tocar ✅ en /pendientes."
    )
    assert (await stored(bot, purchase)).status is Status.PENDING
    [draft] = await bot.drafts(ADMIN)
    assert draft.step is Step.AMOUNT and draft.amount is None  # "100" was not the amount
    # /omitir says so too (to the handler, this new question is 16 minutes old as well).
    await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)
    [skipped] = await bot.say(ADMIN, "/omitir")
    assert text_of(skipped).startswith("Esa pregunta venció")
    assert (await stored(bot, purchase)).status is Status.PENDING


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
    await bot.settle()

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


@pytest.mark.parametrize("invisible", ["\u200b", "\u200b\u00a0\u200b", "RRN\n1"])
async def test_a_reference_of_invisible_characters_is_asked_again(
    bot: Harness, invisible: str
) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)

    [again] = await bot.reply(ADMIN, question.message_id, invisible)

    assert text_of(again).startswith("La referencia va en una sola línea")
    assert (await stored(bot, purchase)).status is Status.PENDING


async def test_an_admin_can_settle_from_the_receipt_itself(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    [shown] = await bot.say(ADMIN, f"/recibo {purchase.folio}")
    assert [b.callback_data for b in shown.buttons[:2]] == [
        f"s:a:{purchase.id}",
        f"s:f:{purchase.id}",
    ]
    [question] = await bot.tap(ADMIN, f"❌ {purchase.folio}", shown.message_id)
    await bot.tap(ADMIN, "❌ Sí, no se cobró", question.message_id)
    assert (await stored(bot, purchase)).status is Status.DECLINED
    # The reseller's own copy has no such buttons; a settled one has none for anyone.
    [own] = await bot.say(RESELLER, f"/recibo {purchase.folio}")
    [again] = await bot.say(ADMIN, f"/recibo {purchase.folio}")
    for receipt in (own, again):
        assert not any((b.callback_data or "").startswith("s:") for b in receipt.buttons)


@pytest.mark.parametrize(
    ("typed", "stored_as"),
    [("RRN\u200b-1", "RRN-1"), ("RRN\u00a0123", "RRN 123"), ("  RRN\t 9 ", "RRN 9")],
)
async def test_a_reference_is_kept_as_it_reads(bot: Harness, typed: str, stored_as: str) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)

    await bot.reply(ADMIN, question.message_id, typed)

    settled = await stored(bot, purchase)
    assert (settled.status, settled.reference) == (Status.APPROVED, stored_as)


async def test_only_admins_list_or_settle(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    [reseller_reply] = await bot.say(RESELLER, "/pendientes")
    [stranger_reply] = await bot.say(STRANGER, "/pendientes")
    assert "administradores" in text_of(reseller_reply)
    assert text_of(stranger_reply).startswith("🚫 No tienes acceso")
    mine = bot.last(RESELLER)
    for data in (f"s:a:{purchase.id}", f"s:f:{purchase.id}", f"s:F:{purchase.id}", "s:n:0"):
        await bot.press_raw(RESELLER, mine.message_id, data)
    await bot.say(RESELLER, "/omitir")
    assert (await stored(bot, purchase)).status is Status.PENDING
    assert all("administradores" in answer for answer in bot.answers(RESELLER)[-4:])


async def test_only_a_reply_to_the_question_is_taken_for_the_reference(bot: Harness) -> None:
    """An admin who leaves the question open and sells a top-up keeps selling: their
    typed number is the sale's, and the purchase stays pending."""
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)
    await bot.say(ADMIN, "/recarga")
    [products] = await bot.say(ADMIN, "55 3768 6660")
    assert "Número: 55 3768 6660" in text_of(products)
    assert (await stored(bot, purchase)).status is Status.PENDING


async def test_each_question_settles_its_own_purchase(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    first = await sell_pending(bot)
    second = await sell_pending(bot, phone="55 1299 9996")
    page = await pending_list(bot)
    [ask_first] = await bot.tap(ADMIN, f"✅ {first.folio}", page.message_id)
    await bot.tap(ADMIN, f"✅ {second.folio}", page.message_id)

    [done] = await bot.reply(ADMIN, ask_first.message_id, "RRN-FIRST")
    assert f"Folio {first.folio} quedó como cobrado (referencia: RRN-FIRST)" in text_of(done)
    assert (await stored(bot, first)).reference == "RRN-FIRST"
    assert (await stored(bot, second)).status is Status.PENDING
