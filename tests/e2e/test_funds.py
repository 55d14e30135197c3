"""Admins' own credits (/abonar) and corrections (/ajustar): one ledger movement naming
the admin, the reseller told with their new available balance; bad input changes nothing."""

from __future__ import annotations

import pytest

from bot.domain.wallets import JoinedHow, MovementKind
from storage.resellers import ResellerRepository
from tests.e2e.depositing import PREPAID, add_prepaid, ledger, wallet
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, Harness, text_of


async def test_abonar_credits_the_reseller_named_by_id(bot: Harness) -> None:
    await add_prepaid(bot)
    [done] = await bot.say(ADMIN, "/abonar 6 1,250.50 efectivo en mostrador")

    assert text_of(done) == (
        "✅ Abonaste $1,250.50 a Abarrotes Lupita (6).\n"
        "Saldo: $1,250.50\nDisponible: $1,250.50\nSe le avisó."
    )
    [credit] = await ledger(bot)
    assert (credit.kind, credit.amount, credit.actor_id, credit.note, credit.deposit_id) == (
        MovementKind.DEPOSIT,
        125_050,
        ADMIN,
        "efectivo en mostrador",
        None,
    )
    assert text_of(bot.last(PREPAID)) == (
        "💵 Un administrador abonó $1,250.50 a tu cuenta.\nNota: efectivo en mostrador\n"
        "Disponible: $1,250.50"
    )


async def test_abonar_by_a_shop_name_with_spaces_and_digits(bot: Harness) -> None:
    await add_prepaid(bot, shop="Tienda 24")
    await bot.say(ADMIN, "/add_funds tienda 24 300 pago del lunes 12")
    [credit] = await ledger(bot)
    assert (credit.amount, credit.note) == (30_000, "pago del lunes 12")
    assert text_of(bot.last(PREPAID)).splitlines()[-1] == "Disponible: $300.00"


async def test_the_reseller_is_told_in_their_language(bot: Harness) -> None:
    await bot.say(ENGLISH_RESELLER, "/start")
    await bot.say(ADMIN, "/abonar Ed 100")
    assert text_of(bot.last(ENGLISH_RESELLER)) == (
        "💵 An admin added $100.00 to your account.\nAvailable: $100.00"
    )


async def test_ajustar_books_an_adjustment_with_its_reason(bot: Harness) -> None:
    await add_prepaid(bot)
    await bot.say(ADMIN, "/abonar 6 500")
    [done] = await bot.say(ADMIN, "/ajustar Abarrotes Lupita -50 recarga cobrada dos veces")

    assert text_of(done) == (
        "✅ Ajuste de -$50.00 a Abarrotes Lupita (6).\nMotivo: recarga cobrada dos veces\n"
        "Saldo: $450.00\nDisponible: $450.00\nSe le avisó."
    )
    adjustment = (await ledger(bot))[-1]
    assert (adjustment.kind, adjustment.amount, adjustment.note, adjustment.actor_id) == (
        MovementKind.ADJUSTMENT,
        -5_000,
        "recarga cobrada dos veces",
        ADMIN,
    )
    assert text_of(bot.last(PREPAID)) == (
        "🧾 Ajuste a tu cuenta: -$50.00\nMotivo: recarga cobrada dos veces\nDisponible: $450.00"
    )
    await bot.say(ADMIN, "/adjust 6 +20 bono")
    assert (await wallet(bot)).balance == 47_000
    assert sum(m.amount for m in await ledger(bot)) == 47_000


async def test_an_adjustment_may_leave_a_prepaid_balance_below_zero(bot: Harness) -> None:
    await add_prepaid(bot)
    await bot.say(ADMIN, "/ajustar 6 -100 depósito abonado dos veces")
    assert (await wallet(bot)).available == -10_000
    assert text_of(bot.last(PREPAID)).endswith("Disponible: -$100.00")


USAGE_ADD = (
    "Escribe /abonar, el vendedor (su ID de Telegram o el nombre de su tienda), el monto y, "
    "si quieres, una nota.\nEjemplo: /abonar 123456789 500 efectivo"
)


@pytest.mark.parametrize(
    ("command", "told"),
    [
        ("/abonar", USAGE_ADD),
        ("/abonar 6", USAGE_ADD),
        ("/abonar 6 0", "El monto debe ser mayor que $0, ej. 1500. No se registró nada."),
        ("/abonar 6 -100", "El monto debe ser mayor que $0, ej. 1500. No se registró nada."),
        ("/abonar 6 cien", "«cien» no es un monto. Escribe pesos, ej. 1500 o 1,500.50. "
         "No se registró nada."),
        ("/abonar 6 5000000", "El monto es de hasta $1,000,000.00. Revisa la cantidad; no se "
         "registró nada."),
        ("/ajustar 6 0 nada", "El monto debe ser mayor que $0, ej. 1500. No se registró nada."),
        ("/ajustar 6 -50", "Un ajuste necesita su motivo; no se registró nada.\n"
         "Ejemplo: /ajustar 123456789 -50 recarga cobrada dos veces"),
        ("/abonar 999 100", "No hay ningún vendedor «999». Escribe su ID de Telegram o el "
         "nombre de su tienda; /vendedores los muestra."),
        ("/abonar Nadie 100", "No hay ningún vendedor «Nadie». Escribe su ID de Telegram o el "
         "nombre de su tienda; /vendedores los muestra."),
        (f"/abonar 6 100 {'x' * 201}", "La nota es de hasta 200 caracteres y la tuya tiene "
         "201. No se registró nada."),
    ],
)  # fmt: skip
async def test_bad_input_records_nothing(bot: Harness, command: str, told: str) -> None:
    await add_prepaid(bot)
    told_before = len(bot.telegram.bot_messages(PREPAID))
    [answer] = await bot.say(ADMIN, command)
    assert text_of(answer) == told
    assert await ledger(bot) == []
    assert len(bot.telegram.bot_messages(PREPAID)) == told_before


async def test_an_ambiguous_shop_name_is_asked_about(bot: Harness) -> None:
    await add_prepaid(bot, shop="Tienda Norte")
    shops = ResellerRepository(bot.database)
    assert await shops.add(7, "Tienda Sur", JoinedHow.ADMIN) is not None
    [answer] = await bot.say(ADMIN, "/abonar Tienda 100")
    assert text_of(answer) == (
        "«Tienda» puede ser más de un vendedor:\n• Rita <Tienda> — 2\n• Tienda Norte — 6\n"
        "• Tienda Sur — 7\n\n"
        "Vuelve a escribirlo con su ID."
    )
    assert await ledger(bot) == [] and await ledger(bot, 7) == []


async def test_only_admins_credit_or_adjust(bot: Harness) -> None:
    for command in ("/abonar 2 100", "/ajustar 2 100 regalo"):
        [answer] = await bot.say(RESELLER, command)
        assert text_of(answer) == "Solo los administradores pueden usar este comando."
    assert await ledger(bot, RESELLER) == []


async def test_greetings_and_help_name_the_new_commands_in_both_languages(bot: Harness) -> None:
    [seller] = await bot.say(RESELLER, "/start")
    assert "/deposito — reportar un depósito" in text_of(seller).splitlines()
    [admin] = await bot.say(ADMIN, "/start")
    assert "/ajustar — corregir el saldo de un vendedor" in text_of(admin).splitlines()
    assert "/deposito — reportar un depósito" not in text_of(admin)
    assert "/abonar — abonar saldo a un vendedor" in text_of(admin).splitlines()
    [english] = await bot.say(ENGLISH_RESELLER, "/help")
    assert "How to add funds" in text_of(english)
    assert "/deposit 1500" in text_of(english)
    [admin_help] = await bot.say(ADMIN, "/ayuda")
    assert "/abonar <vendedor> <monto> [nota] — abonar saldo" in text_of(admin_help)
    assert "/ajustar <vendedor> <±monto> <motivo> — corregirlo" in text_of(admin_help)


async def test_a_forged_deposit_button_is_answered_and_changes_nothing(bot: Harness) -> None:
    [greeting] = await bot.say(ADMIN, "/start")
    await bot.press_raw(ADMIN, greeting.message_id, "deposit:approve:x")
    await bot.press_raw(ADMIN, greeting.message_id, "deposit:approve:77")
    assert bot.alerts(ADMIN) == ["Este depósito no existe. No cambió nada."] * 2
