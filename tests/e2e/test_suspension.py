"""/suspender and /reactivar (issue 14): a suspension takes effect at once, a summary
already on screen places nothing, a suspended reseller still reads their receipts, and
the reseller hears of either; naming a reseller is never a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.drafts import Step
from bot.domain.wallets import JoinedHow, ResellerStatus
from storage.resellers import ResellerRepository
from tests.harness import (
    ADMIN,
    ENGLISH_RESELLER,
    RESELLER,
    Harness,
    make_settings,
    refusals,
    text_of,
)

SUSPENDED_TAP = "Tu cuenta está suspendida; no se envió nada. Habla con un administrador."


async def _status(bot: Harness, user_id: int) -> ResellerStatus:
    reseller = await ResellerRepository(bot.database).get(user_id)
    assert reseller is not None
    return reseller.status


async def test_a_summary_on_screen_places_nothing_once_its_reseller_is_suspended(
    bot: Harness,
) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)

    [done] = await bot.say(ADMIN, "/suspender Rita")
    assert text_of(done).startswith(f"⛔ Rita <Tienda> ({RESELLER}) quedó suspendido")
    assert text_of(done).endswith("Se le avisó.")
    assert bot.last_text(RESELLER).startswith("⛔ Un administrador suspendió tu cuenta")

    await bot.tap(RESELLER, "✅", summary.message_id)
    assert bot.alerts(RESELLER) == [SUSPENDED_TAP]
    assert await bot.purchases() == []
    assert bot.sandbox.received == []
    assert await _status(bot, RESELLER) is ResellerStatus.SUSPENDED


async def test_a_suspended_reseller_starts_nothing_but_reads_their_receipts(
    bot: Harness,
) -> None:
    receipt = await bot.buy(RESELLER)
    await bot.say(ADMIN, f"/suspender {RESELLER}")
    drafts = await bot.drafts(RESELLER)

    [refused] = await bot.say(RESELLER, "/recarga")
    assert text_of(refused).startswith("⛔ Tu cuenta está suspendida: no puedes iniciar recargas")
    [refused_with_number] = await bot.say(RESELLER, "/recarga 55 3768 6660")
    assert text_of(refused_with_number) == text_of(refused)
    assert await bot.drafts(RESELLER) == drafts

    [history] = await bot.say(RESELLER, "/recibos")
    assert "/recibo_000001" in text_of(history)
    [one] = await bot.say(RESELLER, "/recibo 1")
    assert text_of(one) == text_of(receipt)


async def test_a_draft_open_when_its_reseller_is_suspended_goes_no_further(
    bot: Harness,
) -> None:
    receipt = await bot.buy(RESELLER)
    products = await bot.reach(RESELLER, Step.PRODUCT)
    await bot.say(ADMIN, "/suspender Rita")
    before = await bot.drafts(RESELLER)

    await bot.tap(RESELLER, "📱", products.message_id)  # a product: refused in an alert
    assert bot.alerts(RESELLER) == [SUSPENDED_TAP]
    [typed] = await bot.say(RESELLER, "55 1234 5678")  # an answer typed: refused
    assert text_of(typed).startswith("⛔ Tu cuenta está suspendida: no puedes iniciar recargas")
    await bot.tap(RESELLER, "🔁", receipt.message_id)  # selling that again: refused
    assert bot.alerts(RESELLER)[-1].startswith("⛔ Tu cuenta está suspendida: no puedes vender")
    assert await bot.drafts(RESELLER) == before  # nothing moved
    assert len(await bot.purchases()) == 1

    await bot.tap(RESELLER, "❌", products.message_id)  # leaving it is always allowed
    left = text_of(bot.telegram.message(RESELLER, products.message_id))
    assert left.startswith("Recarga cancelada.")
    assert len(bot.alerts(RESELLER)) == 2


async def test_reactivated_the_reseller_sells_again_and_is_told(bot: Harness) -> None:
    await bot.say(RESELLER, "/start")
    await bot.say(ADMIN, "/suspender Rita")
    [done] = await bot.say(ADMIN, "/reactivar rita <tienda>")
    assert text_of(done).startswith(f"✅ Rita <Tienda> ({RESELLER}) puede vender otra vez.")
    assert bot.last_text(RESELLER).startswith("✅ Tu cuenta está activa otra vez")
    assert await _status(bot, RESELLER) is ResellerStatus.ACTIVE

    receipt = await bot.buy(RESELLER)
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert len(bot.sandbox.received) == 1


async def test_suspending_twice_or_reactivating_an_active_one_changes_nothing(
    bot: Harness,
) -> None:
    await bot.say(RESELLER, "/start")
    await bot.say(ADMIN, "/suspender Rita")
    told = len(bot.telegram.bot_messages(RESELLER))

    [again] = await bot.say(ADMIN, "/suspender Rita")
    assert text_of(again) == f"Rita <Tienda> ({RESELLER}) ya estaba suspendido. No cambió nada."
    [active] = await bot.say(ADMIN, "/reactivar Ed")
    assert text_of(active) == f"Ed ({ENGLISH_RESELLER}) ya estaba activo. No cambió nada."
    assert len(bot.telegram.bot_messages(RESELLER)) == told
    assert bot.telegram.bot_messages(ENGLISH_RESELLER) == []
    assert await _status(bot, RESELLER) is ResellerStatus.SUSPENDED
    assert await _status(bot, ENGLISH_RESELLER) is ResellerStatus.ACTIVE


async def test_a_suspension_holds_across_a_restart(bot: Harness) -> None:
    await bot.say(RESELLER, "/start")
    await bot.say(ADMIN, "/suspender Rita")
    await bot.restart()
    [refused] = await bot.say(RESELLER, "/recarga")
    assert "suspendida" in text_of(refused)


async def test_the_reseller_hears_it_in_their_language(bot: Harness) -> None:
    await bot.say(ENGLISH_RESELLER, "/start")
    await bot.say(ADMIN, "/suspend Ed")
    assert bot.last_text(ENGLISH_RESELLER).startswith("⛔ An admin suspended your account")
    [refused] = await bot.say(ENGLISH_RESELLER, "/topup")
    assert text_of(refused).startswith("⛔ Your account is suspended")
    await bot.say(ADMIN, "/resume Ed")
    assert bot.last_text(ENGLISH_RESELLER).startswith("✅ Your account is active again")


async def test_an_ambiguous_name_is_asked_about_never_guessed(bot: Harness) -> None:
    shops = ResellerRepository(bot.database)
    await shops.add(31, "Tienda Sur", JoinedHow.ADMIN)
    await shops.add(32, "Tienda Norte", JoinedHow.ADMIN)
    await bot.restart()  # known to the bot as any reseller added before a start

    [asked] = await bot.say(ADMIN, "/suspender tienda")
    assert "«tienda» puede ser más de un vendedor" in text_of(asked)
    assert "Tienda Norte — 32" in text_of(asked) and "Tienda Sur — 31" in text_of(asked)
    assert await _status(bot, 31) is ResellerStatus.ACTIVE
    assert await _status(bot, 32) is ResellerStatus.ACTIVE
    # By id, as the question says: that one only.
    bot.telegram.add_user(31, first_name="Sur")
    await bot.say(31, "/start")
    [done] = await bot.say(ADMIN, "/suspender 31")
    assert text_of(done).startswith("⛔ Tienda Sur (31) quedó suspendido")
    assert await _status(bot, 32) is ResellerStatus.ACTIVE


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("/suspender", "¿A quién? /suspender <ID o nombre de la tienda>"),
        ("/reactivar", "¿A quién? /reactivar <ID o nombre de la tienda>"),
        ("/suspender Nadie", "No hay ningún vendedor «Nadie»."),
        ("/reactivar 424242", "No hay ningún vendedor «424242»."),
        (f"/suspender {ADMIN}", f"No hay ningún vendedor «{ADMIN}»."),
    ],
)
async def test_no_reseller_named_changes_nothing(bot: Harness, typed: str, said: str) -> None:
    before = await ResellerRepository(bot.database).all()
    [reply] = await bot.say(ADMIN, typed)
    assert text_of(reply).startswith(said)
    assert await ResellerRepository(bot.database).all() == before


async def test_only_admins_suspend(bot: Harness) -> None:
    [reply] = await bot.say(ENGLISH_RESELLER, "/suspend Rita")
    assert text_of(reply) == "Only admins can use this command."
    assert await _status(bot, RESELLER) is ResellerStatus.ACTIVE


async def test_a_reseller_telegram_cannot_reach_is_suspended_all_the_same(
    tmp_path: Path,
) -> None:
    bot = Harness(make_settings(tmp_path))
    await bot.start()
    try:
        [done] = await bot.say(ADMIN, "/suspender Rita")  # Rita never opened the bot
        assert text_of(done).endswith("No se le pudo avisar (quizá nunca abrió el bot).")
        assert await _status(bot, RESELLER) is ResellerStatus.SUSPENDED
    finally:
        await bot.stop()
    assert refusals(bot.telegram) == [
        ("sendMessage", "Forbidden: bot can't initiate conversation with a user")
    ]
