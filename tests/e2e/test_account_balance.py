"""/saldo as a reseller reads their own account, and as an admin reads everyone's."""

from __future__ import annotations

from tests.e2e.settling import PENDING_PHONE, sell_pending
from tests.e2e.wallet_steps import (
    ENGLISH_SHOP,
    OTHER_SHOP,
    SHOP,
    add_prepaid,
    change_reseller,
    fund,
    set_default_commission,
)
from tests.harness import ADMIN, RESELLER, Harness, text_of


async def test_a_prepaid_reseller_sees_available_on_a_line_of_its_own(bot: Harness) -> None:
    await set_default_commission(bot, 300, 500)  # 3 % airtime, 5 % packages
    await add_prepaid(bot, funds=125_000)
    [account] = await bot.say(SHOP, "/saldo")
    assert text_of(account).splitlines() == [
        "💳 Tu cuenta — Abarrotes Lupita",
        "",
        "Disponible: $1,250.00",
        "Saldo: $1,250.00",
        "Apartado en ventas pendientes: $0.00",
        "Límite de crédito: $0.00",
        "Comisión: tiempo aire 3 % · paquetes 5 %",
        "",
        "Tus movimientos: /movimientos",
    ]
    await bot.buy(SHOP, amount="100")  # costs $97.00
    [after] = await bot.say(SHOP, "/saldo")
    assert "Disponible: $1,153.00" in text_of(after).splitlines()
    assert "Saldo: $1,153.00" in text_of(after).splitlines()


async def test_pending_sales_are_held_and_counted(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")  # so that pending alerts reach them
    await set_default_commission(bot, 300, 500)
    await add_prepaid(bot, funds=50_000)
    await sell_pending(bot, SHOP)
    await sell_pending(bot, SHOP, "55 1235 9996")
    [account] = await bot.say(SHOP, "/saldo")
    lines = text_of(account).splitlines()
    assert "Disponible: $306.00" in lines  # $500 less two holds of $97
    assert "Saldo: $500.00" in lines  # nothing debited until it is verified
    assert "Apartado en 2 ventas pendientes: $194.00" in lines


async def test_credit_limit_and_own_commission(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")  # so that pending alerts reach them
    await set_default_commission(bot, 300, 500)
    await add_prepaid(bot, funds=10_000)
    await change_reseller(bot, SHOP, credit_limit=50_000, airtime_bp=450)
    [account] = await bot.say(SHOP, "/saldo")
    lines = text_of(account).splitlines()
    assert "Disponible: $600.00" in lines  # $100 balance + $500 credit
    assert "Límite de crédito: $500.00" in lines
    assert "Comisión: tiempo aire 4.5 % · paquetes 5 %" in lines  # their own, and the default
    await sell_pending(bot, SHOP, PENDING_PHONE)  # $100 less 4.5 %: $95.50 held
    [held] = await bot.say(SHOP, "/saldo")
    assert "Disponible: $504.50" in text_of(held).splitlines()
    assert "Apartado en 1 venta pendiente: $95.50" in text_of(held).splitlines()


async def test_an_unrestricted_reseller_has_no_limit_but_sees_their_balance(
    bot: Harness,
) -> None:
    await bot.buy(RESELLER, amount="100")
    [account] = await bot.say(RESELLER, "/saldo")
    lines = text_of(account).splitlines()
    assert "Disponible: sin límite" in lines
    assert "Saldo: -$100.00" in lines  # sold without funds: every sale still booked
    assert lines[5].startswith("Límite de crédito: sin límite")


async def test_a_suspended_reseller_still_reads_their_account(bot: Harness) -> None:
    await add_prepaid(bot, funds=20_000)
    await change_reseller(bot, SHOP, status="suspended")
    [account] = await bot.say(SHOP, "/saldo")
    assert "Disponible: $200.00" in text_of(account).splitlines()
    assert "⛔ Cuenta suspendida: no puedes vender." in text_of(account)


async def test_english_balance(bot: Harness) -> None:
    await add_prepaid(bot, ENGLISH_SHOP, "Corner Shop", lang="en", funds=99_950)
    [account] = await bot.say(ENGLISH_SHOP, "/balance")
    assert text_of(account).splitlines()[:7] == [
        "💳 Your account — Corner Shop",
        "",
        "Available: $999.50",
        "Balance: $999.50",
        "Held in pending sales: $0.00",
        "Credit limit: $0.00",
        "Commission: airtime 0 % · packages 0 %",
    ]


async def test_admins_see_what_resellers_hold_beside_the_provider(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")  # so that pending alerts reach them
    await set_default_commission(bot, 300, 500)
    await add_prepaid(bot, funds=125_000)
    await add_prepaid(bot, OTHER_SHOP, "Papelería Sol", funds=30_000)
    await bot.buy(RESELLER, amount="200")  # unrestricted, unfunded: -$194.00
    await sell_pending(bot, SHOP)  # $97 held
    [overview] = await bot.say(ADMIN, "/saldo")
    lines = text_of(overview).splitlines()
    assert lines[0] == "💰 Saldo con el proveedor: $99,700 MXN"
    assert lines[3:] == [
        "👥 Vendedores: 4",  # the two imported at start-up, and two added
        "Suma de sus saldos: $1,356.00",
        "A su favor: $1,550.00 · a crédito: -$194.00",
        "Apartado en ventas pendientes: $97.00",
        "Movimientos de un vendedor: /movimientos <ID o tienda>",
    ]


async def test_admin_totals_follow_every_movement(bot: Harness) -> None:
    await add_prepaid(bot, funds=10_000)
    await fund(bot, SHOP, -2_550, note="Depósito duplicado")
    [overview] = await bot.say(ADMIN, "/saldo")
    lines = text_of(overview).splitlines()
    assert "Suma de sus saldos: $74.50" in lines
    assert not any(line.startswith("A su favor") for line in lines)  # nobody on credit
    [account] = await bot.say(SHOP, "/saldo")
    assert "Disponible: $74.50" in text_of(account).splitlines()
