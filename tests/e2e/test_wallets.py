"""A reseller sells from their wallet: the hold at ✅, its resolution by the outcome or the
settlement, commission, credit and limits — through the real bot."""

from __future__ import annotations

from bot.domain.drafts import Step
from bot.domain.purchases import Status
from bot.domain.wallets import MovementKind, Wallet
from storage.resellers import ResellerRepository
from storage.wallets import WalletRepository
from tests.e2e.settling import pending_list, sell_pending
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, Harness, text_of

DECLINED_PHONE = "55 1234 9905"


async def wallet(bot: Harness, user_id: int = RESELLER) -> Wallet:
    found = await WalletRepository(bot.database).wallet(user_id)
    assert found is not None
    return found


async def fund(bot: Harness, pesos: int, user_id: int = RESELLER) -> None:
    await WalletRepository(bot.database).credit(
        user_id, MovementKind.DEPOSIT, pesos * 100, actor_id=ADMIN, note="test"
    )


async def kinds(bot: Harness, purchase_id: int) -> list[MovementKind]:
    movements = await WalletRepository(bot.database).movements_of_purchase(purchase_id)
    return [movement.kind for movement in movements]


async def prepaid(bot: Harness, user_id: int = RESELLER, credit: str = "0") -> None:
    await bot.say(user_id, "/start")  # so the bot may tell them of the change
    await bot.say(ADMIN, f"/credito {user_id} {credit}")
    assert bot.last_text(ADMIN).startswith("✅ Listo.")


async def test_resellers_listed_in_the_settings_keep_selling_unrestricted(bot: Harness) -> None:
    receipt = await bot.buy(RESELLER)
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    [purchase] = await bot.purchases()
    assert (purchase.cost, purchase.commission) == (10_000, 0)
    assert await kinds(bot, purchase.id) == [MovementKind.HOLD, MovementKind.SALE]
    assert (await wallet(bot)).balance == -10_000  # booked, though nothing stops it


async def test_a_prepaid_wallet_short_of_the_cost_places_nothing(bot: Harness) -> None:
    await prepaid(bot)
    await fund(bot, 60)
    summary = await bot.reach(RESELLER, Step.CONFIRM, amount="100")

    [told] = await bot.tap(RESELLER, "✅", summary.message_id)

    assert "Saldo insuficiente" in text_of(told)
    assert "Esta recarga te cuesta $100.00." in text_of(told)
    assert "Disponible: $60.00" in text_of(told).splitlines()
    assert "/deposito" in text_of(told)
    assert bot.answers(RESELLER)[-1] == "Saldo insuficiente; no se envió nada."
    assert await bot.purchases() == []
    assert bot.sandbox.received == []
    # The summary stays: once funds arrive, the same ✅ sells.
    await fund(bot, 40)
    await bot.tap(RESELLER, "✅", summary.message_id)
    assert text_of(bot.telegram.message(RESELLER, summary.message_id)).startswith("✅ Recarga")
    assert (await wallet(bot)).available == 0


async def test_an_approved_sale_debits_the_cost_less_commission(bot: Harness) -> None:
    await bot.say(ADMIN, "/comision todos 3.5 5")
    assert "tiempo aire 3.5 %, paquetes 5 %" in bot.last_text(ADMIN)
    await prepaid(bot)
    await fund(bot, 500)

    await bot.buy(RESELLER, amount="100")
    [purchase] = await bot.purchases()

    assert (purchase.status, purchase.cost, purchase.commission) == (Status.APPROVED, 9650, 350)
    assert await kinds(bot, purchase.id) == [MovementKind.HOLD, MovementKind.SALE]
    after = await wallet(bot)
    assert (after.balance, after.held, after.available) == (50_000 - 9650, 0, 50_000 - 9650)


async def test_a_package_takes_the_package_commission(bot: Harness) -> None:
    await bot.say(ADMIN, "/comision todos 3 5")
    summary = await bot.reach(RESELLER, Step.CONFIRM, product="📦 Paquete $50")
    await bot.tap(RESELLER, "✅", summary.message_id)
    [purchase] = await bot.purchases()
    assert (purchase.amount, purchase.commission, purchase.cost) == (50, 250, 4750)


async def test_a_declined_sale_releases_its_hold(bot: Harness) -> None:
    await prepaid(bot)
    await fund(bot, 100)
    await bot.buy(RESELLER, phone=DECLINED_PHONE)
    [purchase] = await bot.purchases()
    assert purchase.status is Status.DECLINED
    assert await kinds(bot, purchase.id) == [MovementKind.HOLD, MovementKind.RELEASE]
    after = await wallet(bot)
    assert (after.balance, after.held, after.available) == (10_000, 0, 10_000)


async def test_a_pending_sale_holds_until_settled_charged(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await prepaid(bot)
    await fund(bot, 150)
    purchase = await sell_pending(bot)
    held = await wallet(bot)
    assert (held.balance, held.held, held.available) == (15_000, 10_000, 5_000)
    # Held, the money cannot be sold twice: a second $100 is short.
    summary = await bot.reach(RESELLER, Step.CONFIRM, phone="55 3768 6661", amount="100")
    [told] = await bot.tap(RESELLER, "✅", summary.message_id)
    assert "Disponible: $50.00" in text_of(told)

    page = await pending_list(bot)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", page.message_id)
    await bot.reply(ADMIN, question.message_id, "RRN-1")

    assert await kinds(bot, purchase.id) == [MovementKind.HOLD, MovementKind.SALE]
    after = await wallet(bot)
    assert (after.balance, after.held, after.available) == (5_000, 0, 5_000)


async def test_a_pending_sale_settled_not_charged_gives_the_money_back(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await prepaid(bot)
    await fund(bot, 100)
    purchase = await sell_pending(bot)
    page = await pending_list(bot)
    [question] = await bot.tap(ADMIN, f"❌ {purchase.folio}", page.message_id)
    await bot.tap(ADMIN, "❌ Sí, no se cobró", question.message_id)

    assert await kinds(bot, purchase.id) == [MovementKind.HOLD, MovementKind.RELEASE]
    assert (await wallet(bot)).available == 10_000


async def test_a_hold_survives_a_restart_and_is_resolved_once(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await prepaid(bot)
    await fund(bot, 100)
    purchase = await sell_pending(bot)
    await bot.restart()
    assert (await wallet(bot)).held == 10_000
    page = await pending_list(bot)
    [question] = await bot.tap(ADMIN, f"❌ {purchase.folio}", page.message_id)
    [sure] = [b for b in question.buttons if b.text.startswith("❌ Sí")]
    await bot.tap(ADMIN, "❌ Sí, no se cobró", question.message_id)
    assert sure.callback_data is not None
    await bot.press_raw(ADMIN, question.message_id, sure.callback_data)  # a replayed tap
    assert await kinds(bot, purchase.id) == [MovementKind.HOLD, MovementKind.RELEASE]


async def test_credit_lets_a_prepaid_reseller_sell_below_zero_down_to_the_limit(
    bot: Harness,
) -> None:
    await bot.say(RESELLER, "/start")
    await bot.say(ADMIN, "/credito Rita 150")
    assert "Cuenta: prepago, con crédito de $150.00" in bot.last_text(ADMIN)
    told = bot.last_text(RESELLER)
    assert "Un administrador cambió tu cuenta" in told
    assert "Disponible: $150.00" in told

    await bot.buy(RESELLER, amount="100")
    summary = await bot.reach(RESELLER, Step.CONFIRM, phone="55 3768 6661", amount="100")
    [short] = await bot.tap(RESELLER, "✅", summary.message_id)

    assert "Disponible: $50.00" in text_of(short)
    assert (await wallet(bot)).balance == -10_000
    assert len(await bot.purchases()) == 1


async def test_an_unrestricted_account_can_be_made_prepaid_and_back(bot: Harness) -> None:
    await prepaid(bot)
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    [short] = await bot.tap(RESELLER, "✅", summary.message_id)
    assert "Saldo insuficiente" in text_of(short)

    await bot.say(ADMIN, "/credito Rita sin límite")
    assert "Cuenta: sin límite" in bot.last_text(ADMIN)
    await bot.tap(RESELLER, "✅", summary.message_id)
    assert len(await bot.purchases()) == 1


async def test_a_reseller_s_own_commission_overrides_the_default(bot: Harness) -> None:
    await bot.say(ADMIN, "/comision todos 3 5")
    await bot.say(ENGLISH_RESELLER, "/start")
    await bot.say(ADMIN, "/comision Ed 3.33 6")
    assert "Comisión propia: tiempo aire 3.33 %, paquetes 6 %" in bot.last_text(ADMIN)
    assert "Own commission: airtime 3.33 %, packages 6 %" in bot.last_text(ENGLISH_RESELLER)

    await bot.buy(ENGLISH_RESELLER, amount="50")
    await bot.buy(RESELLER, phone="55 3768 6661", amount="50")
    ed, rita = await bot.purchases()
    assert (ed.commission, ed.cost) == (167, 4833)  # 166.5 centavos, halves up
    assert (rita.commission, rita.cost) == (150, 4850)

    [overview] = await bot.say(ADMIN, "/comision")
    assert "Comisión: tiempo aire 3 %, paquetes 5 % (para todos)" in text_of(overview)
    assert "Ed (" in text_of(overview)
    await bot.say(ADMIN, "/comision Ed normal")
    assert "Comisión: tiempo aire 3 %, paquetes 5 %" in bot.last_text(ADMIN)


async def test_limits_per_sale_and_per_day(bot: Harness) -> None:
    await bot.say(RESELLER, "/start")
    await bot.say(ADMIN, "/limite Rita 150 250")
    assert "Límites: por venta $150.00, por día $250.00" in bot.last_text(ADMIN)

    summary = await bot.reach(RESELLER, Step.CONFIRM, amount="200")
    [told] = await bot.tap(RESELLER, "✅", summary.message_id)
    assert "límite por venta de $150.00" in text_of(told)
    await bot.buy(RESELLER, amount="150")
    summary = await bot.reach(RESELLER, Step.CONFIRM, phone="55 3768 6661", amount="150")
    [told] = await bot.tap(RESELLER, "✅", summary.message_id)
    assert "límite diario de $250.00 (hoy llevas $150.00)" in text_of(told)
    assert len(await bot.purchases()) == 1

    await bot.say(ADMIN, "/limite Rita - -")
    await bot.tap(RESELLER, "✅", summary.message_id)
    assert len(await bot.purchases()) == 2


async def test_terms_refuse_bad_input_and_change_nothing(bot: Harness) -> None:
    before = await ResellerRepository(bot.database).get(RESELLER)
    cases = {
        "/credito": "Escribe: /credito",
        "/credito Rita": "Escribe: /credito",
        "/credito Rita -5": "«-5» no es un monto",
        "/credito Rita cinco": "«cinco» no es un monto",
        "/credito Nadie 100": "No hay ningún vendedor «Nadie»",
        "/comision todos 3": "Escribe: /comision",
        "/comision todos 101 5": "«101» no es un porcentaje",
        "/comision todos normal": "Escribe: /comision",
        "/comision Rita 3 x": "«x» no es un porcentaje",
        "/limite Rita 500": "Escribe: /limite",
        "/limite Rita 500 100": "no puede pasar del límite por día",
        "/limite Rita abc 100": "«abc» no es un monto",
    }
    for command, expected in cases.items():
        [reply] = await bot.say(ADMIN, command)
        assert expected in text_of(reply), command
    assert await ResellerRepository(bot.database).get(RESELLER) == before
    assert bot.telegram.bot_messages(RESELLER) == []  # told of nothing


async def test_a_shop_name_shared_by_two_resellers_is_asked_about(bot: Harness) -> None:
    shops = ResellerRepository(bot.database)
    await shops.rename(RESELLER, "Abarrotes Lupita")
    await shops.rename(ENGLISH_RESELLER, "Abarrotes Lupita Centro")
    for user_id in (RESELLER, ENGLISH_RESELLER):
        await bot.say(user_id, "/start")
    [reply] = await bot.say(ADMIN, "/credito abarrotes 100")
    assert "«abarrotes» puede ser más de un vendedor" in text_of(reply)
    assert f"• Abarrotes Lupita — {RESELLER}" in text_of(reply)
    # An exact name is no ambiguity; an id never is.
    await bot.say(ADMIN, "/credito abarrotes lupita 100")
    assert "<b>Abarrotes Lupita</b>" not in bot.last_text(ADMIN)  # escaped, plain text
    assert bot.last_text(ADMIN).startswith("✅ Listo. Abarrotes Lupita (")
    await bot.say(ADMIN, f"/credito {ENGLISH_RESELLER} 200")
    assert bot.last_text(ADMIN).startswith("✅ Listo. Abarrotes Lupita Centro")


async def test_resellers_cannot_set_terms(bot: Harness) -> None:
    for command in ("/credito Rita 1000", "/comision todos 50 50", "/limite Rita - -"):
        [reply] = await bot.say(RESELLER, command)
        assert "administradores" in text_of(reply)
    assert (await ResellerRepository(bot.database).get(RESELLER)) is not None
    assert (await wallet(bot)).credit_limit == 0
