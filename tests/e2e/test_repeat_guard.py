"""The same top-up to the same number within 10 minutes, or while an earlier one is
pending verification, needs a second, explicit confirm."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.drafts import Step
from bot.domain.purchases import Status
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, Harness, text_of

WARNING = "⚠️ ¿Recargar de nuevo?"
AGAIN = "⚠️ Sí, recargar de nuevo"
ALREADY_PLACED = "Esta recarga ya se envió; no se vuelve a cobrar."
CHANGED = "Este botón es de un resumen anterior. Usa el resumen más reciente."


async def _age_all_purchases(bot: Harness, by: timedelta) -> None:
    aged = [
        (
            (purchase.created_at - by).isoformat(),
            purchase.completed_at and (purchase.completed_at - by).isoformat(),
            purchase.id,
        )
        for purchase in await bot.purchases()
    ]
    await bot.database.write(
        lambda conn: conn.executemany(
            "UPDATE purchases SET created_at = ?, completed_at = ? WHERE id = ?", aged
        )
    )


async def test_repeat_warns_in_place_and_needs_a_second_confirmation(bot: Harness) -> None:
    await bot.buy(RESELLER)
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    [warning] = await bot.tap(RESELLER, "✅", summary.message_id)

    assert warning.message_id == summary.message_id
    text = text_of(warning)
    assert text.startswith(WARNING)
    assert "ya se le vendió Tiempo aire de $100 MXN hace un momento (" in text
    assert "y fue aprobada" in text
    assert "📱 Número: 55 3768 6660" in text
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None
    assert [(b.text, b.callback_data) for b in warning.buttons] == [
        (AGAIN, f"confirm:{draft.id}:{draft.version}:repeat"),
        ("❌ Cancelar", f"cancel:{draft.id}:{draft.version}"),
    ]
    assert bot.answers(RESELLER)[-1] == "Esta recarga ya se vendió: revisa el aviso."
    assert len(bot.sandbox.charges) == 1

    [receipt] = await bot.tap(RESELLER, AGAIN, summary.message_id)
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert len(bot.sandbox.charges) == 2
    assert [p.status for p in await bot.purchases()] == [Status.APPROVED] * 2


async def test_double_taps_on_either_button_place_one_purchase(bot: Harness) -> None:
    await bot.buy(RESELLER)
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    bot.pace.step()
    bot.telegram.press_button(RESELLER, "✅", summary.message_id)
    bot.telegram.press_button(RESELLER, "✅", summary.message_id)
    await bot.wait_until_quiet()
    assert text_of(bot.telegram.message(RESELLER, summary.message_id)).startswith(WARNING)
    assert len(bot.sandbox.charges) == 1
    # The warning is a newer version of the draft than the summary the second tap saw.
    assert bot.alerts(RESELLER) == [CHANGED]

    bot.pace.step()
    for _ in range(3):
        bot.telegram.press_button(RESELLER, AGAIN, summary.message_id)
    await bot.wait_until_quiet()
    assert len(bot.sandbox.charges) == 2
    assert len(bot.sandbox.received) == 2
    assert bot.alerts(RESELLER) == [CHANGED, ALREADY_PLACED, ALREADY_PLACED]


async def test_cancel_on_the_warning_places_nothing(bot: Harness) -> None:
    await bot.buy(RESELLER)
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    await bot.tap(RESELLER, "✅", summary.message_id)
    [cancelled] = await bot.tap(RESELLER, "❌", summary.message_id)
    assert text_of(cancelled).startswith("Recarga cancelada")
    assert cancelled.buttons == []
    assert len(bot.sandbox.charges) == 1
    assert await bot.services.topup.current(RESELLER) is None


async def test_a_sale_by_another_reseller_counts(bot: Harness) -> None:
    await bot.buy(RESELLER)
    summary = await bot.reach(ENGLISH_RESELLER, Step.CONFIRM)
    [warning] = await bot.tap(ENGLISH_RESELLER, "✅", summary.message_id)
    assert text_of(warning).startswith("⚠️ Top up again?")
    assert "already got Airtime for $100 MXN moments ago (" in text_of(warning)
    assert "and that top-up was approved" in text_of(warning)
    assert len(bot.sandbox.charges) == 1
    await bot.tap(ENGLISH_RESELLER, "⚠️ Yes, top up again", summary.message_id)
    assert len(bot.sandbox.charges) == 2


async def test_a_pending_sale_counts(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")  # so the pending purchase's alert can reach them
    await bot.buy(RESELLER, phone="55 1234 9996")
    summary = await bot.reach(RESELLER, Step.CONFIRM, phone="55 1234 9996")
    [warning] = await bot.tap(RESELLER, "✅", summary.message_id)
    assert "y está pendiente de verificación" in text_of(warning)
    assert len(bot.sandbox.received) == 1


async def test_a_pending_sale_holds_a_repeat_back_at_any_age(bot: Harness) -> None:
    # Its receipt says not to sell it again yet: hours later that is still true.
    await bot.say(ADMIN, "/start")
    await bot.buy(RESELLER, phone="55 1234 9996")
    await _age_all_purchases(bot, timedelta(hours=3, minutes=5))
    summary = await bot.reach(RESELLER, Step.CONFIRM, phone="55 1234 9996")
    [warning] = await bot.tap(RESELLER, "✅", summary.message_id)
    text = text_of(warning)
    assert text.startswith(WARNING)
    assert "hace 3 horas" in text and "y está pendiente de verificación" in text
    assert len(bot.sandbox.received) == 1

    await _age_all_purchases(bot, timedelta(days=2))
    summary = await bot.reach(RESELLER, Step.CONFIRM, phone="55 1234 9996")
    [warning] = await bot.tap(RESELLER, "✅", summary.message_id)
    assert "hace 2 días" in text_of(warning)
    await bot.tap(RESELLER, AGAIN, warning.message_id)  # the explicit second confirm
    assert len(bot.sandbox.received) == 2


async def test_a_sale_older_than_ten_minutes_is_no_repeat(bot: Harness) -> None:
    await bot.buy(RESELLER)
    await _age_all_purchases(bot, timedelta(minutes=10, seconds=1))
    receipt = await bot.buy(RESELLER)
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert len(bot.sandbox.charges) == 2


async def test_a_sale_within_ten_minutes_is_a_repeat(bot: Harness) -> None:
    await bot.buy(RESELLER)
    await _age_all_purchases(bot, timedelta(minutes=9, seconds=30))
    warning = await bot.buy(RESELLER)
    assert "hace 9 min" in text_of(warning)
    assert len(bot.sandbox.charges) == 1


async def test_a_declined_sale_or_another_amount_is_no_repeat(bot: Harness) -> None:
    declined = await bot.buy(RESELLER, phone="55 1234 9905")
    assert text_of(declined).startswith("❌ Recarga rechazada")
    again = await bot.buy(RESELLER, phone="55 1234 9905")
    assert text_of(again).startswith("❌ Recarga rechazada")
    await bot.buy(RESELLER)
    other_amount = await bot.buy(RESELLER, amount="150")
    assert text_of(other_amount).startswith("✅ Recarga exitosa")
    assert len(bot.sandbox.received) == 4


async def test_a_repeated_package_is_named_once(bot: Harness) -> None:
    for _ in range(2):
        summary = await bot.reach(RESELLER, Step.CONFIRM, product="📦 Paquete $50")
        [shown] = await bot.tap(RESELLER, "✅", summary.message_id)
    text = text_of(shown)
    assert "A este número ya se le vendió Paquete $50 hace un momento" in text
    assert "de $50 MXN" not in text
