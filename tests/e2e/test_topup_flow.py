"""A reseller sells a top-up from /recarga to the receipt, through the real bot."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.domain.drafts import DraftStatus, Step
from bot.domain.formatting import format_datetime
from bot.domain.purchases import Status
from tests.harness import ENGLISH_RESELLER, RESELLER, Harness, text_of

MEXICO_CITY = ZoneInfo("America/Mexico_City")
RECEIPT_TIME = re.compile(r"^🕒 (\d{2}/\d{2}/\d{4} \d{2}:\d{2})$", re.MULTILINE)
CANCELLED = "Recarga cancelada"
CANCELLED_ALERT = "Esta recarga se canceló o la reemplazó otra; no se envió nada."


async def assert_nothing_placed(bot: Harness) -> None:
    assert await bot.purchases() == []
    assert bot.sandbox.received == []


async def test_product_step_offers_airtime_and_packages(bot: Harness) -> None:
    await bot.say(RESELLER, "/recarga")
    [screen] = await bot.say(RESELLER, "5537686660")
    labels = [button.text for button in screen.buttons]
    assert "📱 Número: 55 3768 6660" in text_of(screen)
    assert "Tiempo aire" in labels[0]
    assert "📦 Paquete $50" in labels
    assert "📦 Paquete $420" in labels


async def test_confirm_step_shows_phone_product_and_amount(bot: Harness) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM, amount="100")
    text = text_of(summary)
    assert "📱 Número: 55 3768 6660" in text
    assert "📦 Producto: Tiempo aire" in text
    assert "💵 Monto: $100 MXN" in text
    assert [button.text[0] for button in summary.buttons] == ["✅", "❌"]
    await assert_nothing_placed(bot)


async def test_typed_amount_is_charged_once_and_receipted_in_the_summary(bot: Harness) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM, amount="100")
    changed = await bot.tap(RESELLER, "✅")

    [purchase] = await bot.purchases()
    [charge] = bot.sandbox.charges.values()
    assert bot.sandbox.received == [purchase.distributor_transaction_id]
    assert charge.dtid == purchase.distributor_transaction_id
    assert (charge.phone, charge.product_id, charge.amount) == ("5537686660", "MOVISTAR_TAE", 100)
    assert bot.sandbox.balance == Decimal("99900.00")
    assert purchase.status is Status.APPROVED
    assert (purchase.transaction_id, purchase.reference, purchase.auth_code) == (
        charge.transaction_id,
        charge.reference,
        charge.auth_code,
    )
    # A quick answer turns the summary itself into the receipt, with one edit and nothing
    # else sent; the tap is answered as it shows, without a "processing" toast over it.
    assert [message.message_id for message in changed] == [summary.message_id]
    summary_text, receipt = bot.shown(RESELLER, summary.message_id)[-2:]
    assert summary_text.startswith("Revisa la recarga")
    assert bot.answers(RESELLER)[-1] == ""
    assert [button.text for button in changed[0].buttons] == ["🔁 Repetir", "📤 Compartir"]
    assert receipt.startswith("✅ Recarga exitosa")
    for shown in (
        "📦 Tiempo aire",
        "📱 55 3768 6660",
        "💵 $100 MXN",
        f"Folio: {purchase.folio}",
        f"Transacción: {charge.transaction_id}",
        f"Referencia: {charge.reference}",
        f"Autorización: {charge.auth_code}",
    ):
        assert shown in receipt.splitlines()


async def test_receipt_time_is_mexico_city_local_time(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.CONFIRM)
    before = datetime.now(MEXICO_CITY).replace(second=0, microsecond=0)
    [receipt] = await bot.tap(RESELLER, "✅")
    after = datetime.now(MEXICO_CITY)

    found = RECEIPT_TIME.search(text_of(receipt))
    assert found is not None, text_of(receipt)
    shown = datetime.strptime(found[1], "%d/%m/%Y %H:%M").replace(tzinfo=MEXICO_CITY)
    assert before <= shown <= after
    [purchase] = await bot.purchases()
    assert purchase.completed_at is not None
    assert found[1] == format_datetime(purchase.completed_at, MEXICO_CITY, "es")


async def test_quick_amount_button_buys_that_amount(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.AMOUNT)
    [summary] = await bot.tap(RESELLER, "$200")
    assert "💵 Monto: $200 MXN" in text_of(summary)

    [receipt] = await bot.tap(RESELLER, "✅")
    [charge] = bot.sandbox.charges.values()
    assert (charge.product_id, charge.amount) == ("MOVISTAR_TAE", 200)
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert "💵 $200 MXN" in text_of(receipt)


async def test_package_goes_straight_to_confirm_at_its_price(bot: Harness) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM, product="📦 Paquete $50")
    assert "📦 Producto: Paquete $50" in text_of(summary)
    assert "💵 Monto: $50 MXN" in text_of(summary)

    [receipt] = await bot.tap(RESELLER, "✅")
    [charge] = bot.sandbox.charges.values()
    assert (charge.product_id, charge.amount) == ("MOVISTAR_PAQUETE_17", 50)
    [purchase] = await bot.purchases()
    assert (purchase.product_id, purchase.amount, purchase.status) == (
        "MOVISTAR_PAQUETE_17",
        50,
        Status.APPROVED,
    )
    assert "📦 Paquete $50" in text_of(receipt).splitlines()


@pytest.mark.parametrize("command", ["/cancelar", "/cancel"])
@pytest.mark.parametrize("step", list(Step))
async def test_cancel_leaves_the_topup_from_any_step(
    bot: Harness, step: Step, command: str
) -> None:
    await bot.reach(RESELLER, step)
    replies = await bot.say(RESELLER, command)
    assert text_of(replies[-1]).startswith(CANCELLED)
    assert all(not message.buttons for message in replies)
    assert await bot.services.topup.current(RESELLER) is None

    [after] = await bot.say(RESELLER, "55 3768 6660")
    assert text_of(after) == "Para vender una recarga escribe /recarga."


async def test_confirm_tap_after_cancel_places_nothing(bot: Harness) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    confirm = summary.buttons[0].callback_data
    assert confirm is not None
    await bot.say(RESELLER, "/cancelar")

    await bot.press_raw(RESELLER, summary.message_id, confirm)
    assert bot.alerts(RESELLER) == [CANCELLED_ALERT]
    await assert_nothing_placed(bot)


@pytest.mark.parametrize(
    ("leave", "step", "button", "alert"),
    [
        ("/cancelar", Step.PRODUCT, "📱", CANCELLED_ALERT),
        ("/cancelar", Step.AMOUNT, "$50", CANCELLED_ALERT),
        ("/recarga", Step.AMOUNT, "$50", CANCELLED_ALERT),
        ("/recarga", Step.PRODUCT, "❌", CANCELLED_ALERT),
    ],
)
async def test_a_button_of_a_top_up_left_behind_says_it_was_cancelled(
    bot: Harness, leave: str, step: Step, button: str, alert: str
) -> None:
    screen = await bot.reach(RESELLER, step)
    await bot.say(RESELLER, leave)

    assert await bot.tap(RESELLER, button, screen.message_id) == []
    assert bot.alerts(RESELLER) == [alert]
    await assert_nothing_placed(bot)


async def test_a_button_of_an_earlier_step_says_to_use_the_latest_message(bot: Harness) -> None:
    amounts = await bot.reach(RESELLER, Step.AMOUNT)
    await bot.say(RESELLER, "100")  # typed instead: the summary is the latest message

    assert await bot.tap(RESELLER, "$50", amounts.message_id) == []
    assert bot.alerts(RESELLER) == [
        "Este botón es de un mensaje anterior. Usa el más reciente de esta recarga."
    ]
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None and (draft.step, draft.amount) == (Step.CONFIRM, 100)


async def test_recarga_with_the_number_goes_straight_to_the_product(bot: Harness) -> None:
    [screen] = await bot.say(RESELLER, "/recarga 55 3768-6660")

    assert "📱 Número: 55 3768 6660" in text_of(screen)
    assert any(button.text.startswith("📱") for button in screen.buttons)
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None and (draft.step, draft.phone) == (Step.PRODUCT, "5537686660")


async def test_recarga_with_a_wrong_number_asks_for_it_again(bot: Harness) -> None:
    [error] = await bot.say(RESELLER, "/recarga 55 3768")

    assert "10 dígitos" in text_of(error)
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None and draft.step is Step.PHONE
    [screen] = await bot.say(RESELLER, "5537686660")
    assert "📱 Número: 55 3768 6660" in text_of(screen)


async def test_cancel_removes_the_buttons_of_the_open_summary(bot: Harness) -> None:
    # handlers/topup.py, cancel(): "the old summary loses its buttons".
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    await bot.say(RESELLER, "/cancelar")
    assert bot.telegram.message(RESELLER, summary.message_id).buttons == []


async def test_cancel_button_on_the_summary_cancels_in_place(bot: Harness) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    [changed] = await bot.tap(RESELLER, "❌")
    assert changed.message_id == summary.message_id
    assert text_of(changed).startswith(CANCELLED)
    assert changed.buttons == []
    assert await bot.services.topup.current(RESELLER) is None
    await assert_nothing_placed(bot)


async def test_cancel_with_nothing_open_says_so(bot: Harness) -> None:
    [reply] = await bot.say(RESELLER, "/cancelar")
    assert text_of(reply).startswith("No hay ninguna recarga en curso.")


async def test_new_topup_replaces_the_open_draft(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.CONFIRM)
    old = await bot.services.topup.current(RESELLER)
    [ask] = await bot.say(RESELLER, "/recarga")
    assert text_of(ask).startswith("📱 Escribe el número a recargar")

    new = await bot.services.topup.current(RESELLER)
    assert old is not None and new is not None
    assert new.id != old.id
    assert new.step is Step.PHONE
    [screen] = await bot.say(RESELLER, "33 1234 5678")
    assert "📱 Número: 33 1234 5678" in text_of(screen)


async def test_old_summary_confirm_after_a_new_topup_places_nothing(bot: Harness) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    await bot.say(RESELLER, "/recarga")

    await bot.tap(RESELLER, "✅", summary.message_id)
    assert bot.alerts(RESELLER) == [CANCELLED_ALERT]
    await assert_nothing_placed(bot)
    current = await bot.services.topup.current(RESELLER)
    assert current is not None and current.step is Step.PHONE


async def test_double_tap_on_confirm_charges_once(bot: Harness) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    bot.telegram.press_button(RESELLER, "✅", summary.message_id)
    bot.telegram.press_button(RESELLER, "✅", summary.message_id)
    await bot.wait_until_quiet()

    assert len(bot.sandbox.charges) == 1
    assert len(bot.sandbox.received) == 1
    assert len(await bot.purchases()) == 1
    # The second tap is told it was sent already; the first is answered, quietly, as its
    # receipt shows (with a provider this quick, either may come first).
    answers = bot.answers(RESELLER)[-2:]
    told = [answer for answer in answers if "ya se envió" in answer]
    assert len(told) == 1 and answers.count("") == 1
    assert bot.alerts(RESELLER) == told
    assert text_of(bot.telegram.message(RESELLER, summary.message_id)).startswith(
        "✅ Recarga exitosa"
    )


async def test_draft_survives_a_restart(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.AMOUNT)
    await bot.restart()

    [summary] = await bot.say(RESELLER, "150")
    assert text_of(summary).startswith("Revisa la recarga")
    assert "💵 Monto: $150 MXN" in text_of(summary)
    [receipt] = await bot.tap(RESELLER, "✅")
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert [charge.amount for charge in bot.sandbox.charges.values()] == [150]


async def test_two_resellers_buy_at_once_without_mixing(bot: Harness) -> None:
    mine = await bot.reach(RESELLER, Step.CONFIRM, phone="55 3768 6660", amount="100")
    theirs = await bot.reach(ENGLISH_RESELLER, Step.CONFIRM, phone="33 1234 5678", amount="70")
    bot.telegram.press_button(RESELLER, "✅", mine.message_id)
    bot.telegram.press_button(ENGLISH_RESELLER, "✅", theirs.message_id)
    await bot.wait_until_quiet()

    bought = {(c.phone, c.amount) for c in bot.sandbox.charges.values()}
    assert bought == {("5537686660", 100), ("3312345678", 70)}
    assert {(p.reseller_id, p.phone) for p in await bot.purchases()} == {
        (RESELLER, "5537686660"),
        (ENGLISH_RESELLER, "3312345678"),
    }


async def test_a_slow_provider_turns_the_summary_into_a_processing_notice(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.usecases.purchases.ANSWER_TAP_AFTER_SECONDS", 0.02)
    monkeypatch.setattr("bot.usecases.purchases.PROCESSING_NOTICE_AFTER_SECONDS", 0.05)
    bot.sandbox.slow_seconds = 0.3
    summary = await bot.reach(RESELLER, Step.CONFIRM, phone="55 1234 9970", amount="100")
    await bot.tap(RESELLER, "✅")

    assert bot.answers(RESELLER)[-1] == "Procesando…"  # the toast, while it still is
    processing, receipt = bot.shown(RESELLER, summary.message_id)[-2:]
    assert processing.startswith("⏳ Procesando la recarga de $100 MXN a 55 1234 9970")
    assert receipt.startswith("✅ Recarga exitosa")
    assert len(bot.sandbox.charges) == 1


async def test_a_reseller_sharing_their_own_card_mid_sale_tops_up_their_phone(
    bot: Harness,
) -> None:
    await bot.reach(RESELLER, Step.PHONE)
    [products] = await bot.send_contact(RESELLER, "+52 55 3768 6660", RESELLER)
    assert "Número: 55 3768 6660" in text_of(products)
    [draft] = [d for d in await bot.drafts(RESELLER) if d.status is DraftStatus.OPEN]
    assert draft.step is Step.PRODUCT
