"""The provider's reference an admin is asked for when settling as charged: typed in
reply, /omitir, /cancelar, expiry, and what a reference may hold."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain.clock import utcnow
from bot.domain.drafts import Step
from bot.domain.purchases import Status
from tests.e2e.settling import pending_list, sell_pending, stored
from tests.harness import ADMIN, RESELLER, Harness, text_of


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
    assert (await bot.services.topup.current(ADMIN)) is not None  # their sale is intact
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
    monkeypatch.setattr("bot.usecases.settlement.utcnow", lambda: later)

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


async def test_a_reference_typed_without_replying_answers_the_open_question(
    bot: Harness,
) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot)
    await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)

    [done] = await bot.say(ADMIN, "RRN-777")  # the client's reply box was dismissed

    assert text_of(done).startswith(f"✅ Folio {purchase.folio} quedó como cobrado")
    settled = await stored(bot, purchase)
    assert (settled.status, settled.reference) == (Status.APPROVED, "RRN-777")
    [after] = await bot.say(ADMIN, "hola")  # answered once: the next text is theirs
    assert text_of(after) == "Para vender una recarga escribe /recarga."


async def test_a_sale_of_the_admins_own_keeps_its_text(bot: Harness) -> None:
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
