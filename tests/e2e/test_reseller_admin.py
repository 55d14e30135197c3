"""Admins manage resellers in the bot (issue 14): /alta <id> <shop name>, /vendedores
with each one's account, balance and today's sales, page by page; and what an admin
sees of the commands in /start and their menu."""

from __future__ import annotations

import pytest

from bot.domain.wallets import AccountKind, JoinedHow
from storage.resellers import ResellerRepository
from tests.e2e.receipt_steps import labels
from tests.e2e.settling import sell_pending
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, STRANGER, Harness, text_of

NEW = 777000111
USAGE = "Para dar de alta directamente: /alta <ID de Telegram> <nombre de la tienda>"


async def test_an_admin_adds_a_reseller_by_id_prepaid_at_zero(bot: Harness) -> None:
    [reply] = await bot.say(ADMIN, "/alta 777000111 Abarrotes   Lupita")
    assert text_of(reply).startswith("✅ Abarrotes Lupita (ID 777000111) ya es vendedor")
    reseller = await ResellerRepository(bot.database).get(NEW)
    assert reseller is not None
    assert reseller.shop_name == "Abarrotes Lupita"
    assert reseller.account is AccountKind.PREPAID and reseller.credit_limit == 0
    assert reseller.joined_how is JoinedHow.ADMIN
    # They sell at once: their first /start shows them a seller's greeting.
    bot.telegram.add_user(NEW, first_name="Lupita")
    [greeting] = await bot.say(NEW, "/start")
    assert "/recarga" in text_of(greeting)


async def test_adding_a_reseller_again_renames_their_shop_and_says_so(bot: Harness) -> None:
    await bot.say(ADMIN, "/alta 777000111 Abarrotes Lupita")
    [reply] = await bot.say(ADMIN, "/alta 777000111 Súper Lupita")
    assert text_of(reply) == (
        "✏️ 777000111 ya era vendedor: su tienda se llamaba «Abarrotes Lupita» y ahora "
        "Súper Lupita. Nada más cambió."
    )
    reseller = await ResellerRepository(bot.database).get(NEW)
    assert reseller is not None and reseller.shop_name == "Súper Lupita"
    assert reseller.joined_how is JoinedHow.ADMIN


async def test_an_imported_reseller_renamed_keeps_their_account(bot: Harness) -> None:
    [reply] = await bot.say(ADMIN, f"/alta {RESELLER} Tienda Rita")
    assert "ya era vendedor" in text_of(reply) and "«Rita <Tienda>»" in text_of(reply)
    reseller = await ResellerRepository(bot.database).get(RESELLER)
    assert reseller is not None and reseller.account is AccountKind.UNRESTRICTED


async def test_an_admin_is_never_made_a_reseller(bot: Harness) -> None:
    [reply] = await bot.say(ADMIN, f"/alta {ADMIN} Tienda Ana")
    assert "es de un administrador" in text_of(reply) and "No cambió nada" in text_of(reply)
    assert await ResellerRepository(bot.database).get(ADMIN) is None


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("/alta abc Tienda", USAGE),
        ("/alta -5 Tienda", USAGE),
        ("/alta 12.5 Tienda", USAGE),
        ("/alta Tienda 777000111", USAGE),
        ("/alta 777000111", "Falta el nombre de la tienda"),
        ("/alta 777000111 " + "x" * 65, "Falta el nombre de la tienda"),
    ],
)
async def test_bad_input_to_alta_says_how_and_changes_nothing(
    bot: Harness, typed: str, said: str
) -> None:
    before = await ResellerRepository(bot.database).all()
    [reply] = await bot.say(ADMIN, typed)
    assert said in text_of(reply)
    assert await ResellerRepository(bot.database).all() == before


async def test_only_admins_add_resellers(bot: Harness) -> None:
    [reply] = await bot.say(RESELLER, "/alta 777000111 Tienda")
    assert text_of(reply) == "Solo los administradores pueden usar este comando."
    [refusal] = await bot.say(STRANGER, "/alta 777000111 Tienda")
    assert text_of(refusal).startswith("🚫 No tienes acceso")
    assert await ResellerRepository(bot.database).get(NEW) is None


async def test_the_list_shows_each_resellers_account_balance_and_sales_today(
    bot: Harness,
) -> None:
    await bot.buy(RESELLER, amount="100")
    await bot.buy(RESELLER, phone="55 1234 5678", amount="50")
    await bot.say(ADMIN, "/alta 777000111 Abarrotes Lupita")
    bot.telegram.add_user(NEW, first_name="Lupita")
    await bot.say(NEW, "/start")  # so that Telegram takes the news of their suspension
    await bot.say(ADMIN, "/suspender Abarrotes Lupita")

    [listing] = await bot.say(ADMIN, "/vendedores")
    blocks = text_of(listing).split("\n\n")
    assert blocks[0] == "🏪 Vendedores: 3 · página 1 de 1"
    assert blocks[1:] == [
        "Abarrotes Lupita · 777000111 · ⛔ suspendido\n"
        "prepago, crédito $0.00 · saldo $0.00\n"
        "Ventas de hoy: 0 · $0.00",
        f"Ed · {ENGLISH_RESELLER} · ✅ activo\nsin límite · saldo $0.00\nVentas de hoy: 0 · $0.00",
        f"Rita <Tienda> · {RESELLER} · ✅ activo\n"
        "sin límite · saldo -$150.00\n"
        "Ventas de hoy: 2 · $150.00",
    ]
    assert listing.buttons == []


async def test_a_sale_pending_verification_shows_as_held_not_sold(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")  # so that Telegram takes the admins' alert
    await sell_pending(bot)
    [listing] = await bot.say(ADMIN, "/vendedores")
    rita = next(block for block in text_of(listing).split("\n\n") if "Rita" in block)
    assert "saldo $0.00 (retenido $100.00)" in rita
    assert "Ventas de hoy: 0 · $0.00" in rita


async def test_the_list_in_english(bot: Harness) -> None:
    bot.telegram.add_user(ADMIN, first_name="Ana Admin", language_code="en")
    [listing] = await bot.say(ADMIN, "/resellers")
    assert text_of(listing).startswith("🏪 Resellers: 2 · page 1 of 1")
    assert "unrestricted · balance $0.00\nSales today: 0 · $0.00" in text_of(listing)


async def test_many_resellers_are_paged_and_no_page_is_too_long(bot: Harness) -> None:
    shops = ResellerRepository(bot.database)
    for n in range(23):  # long names: the longest a page can be
        await shops.add(900000000000 + n, f"{n:02d} " + "Ñ" * 61, JoinedHow.ADMIN)

    [first] = await bot.say(ADMIN, "/vendedores")
    assert text_of(first).startswith("🏪 Vendedores: 25 · página 1 de 3")
    assert labels(first) == ["Siguientes ▶"]
    assert text_of(first).count("Ventas de hoy") == 10
    await bot.tap(ADMIN, "Siguientes", first.message_id)
    second = bot.telegram.message(ADMIN, first.message_id)
    assert text_of(second).startswith("🏪 Vendedores: 25 · página 2 de 3")
    assert labels(second) == ["◀ Anteriores", "Siguientes ▶"]
    await bot.tap(ADMIN, "Siguientes", first.message_id)
    third = bot.telegram.message(ADMIN, first.message_id)
    assert text_of(third).startswith("🏪 Vendedores: 25 · página 3 de 3")
    assert labels(third) == ["◀ Anteriores"]
    assert "Ed ·" in text_of(third) and "Rita <Tienda>" in text_of(third)
    for page in bot.shown(ADMIN, first.message_id):
        assert len(page) <= 4096
    assert "00 " + "Ñ" * 61 in text_of(first)  # names in full
    await bot.tap(ADMIN, "◀", first.message_id)
    assert text_of(bot.telegram.message(ADMIN, first.message_id)).startswith(
        "🏪 Vendedores: 25 · página 2 de 3"
    )


async def test_a_stale_or_forged_page_button_shows_a_page_that_exists(bot: Harness) -> None:
    [listing] = await bot.say(ADMIN, "/vendedores")
    await bot.press_raw(ADMIN, listing.message_id, "resellers:999")  # the last page: page 1
    assert text_of(bot.telegram.message(ADMIN, listing.message_id)) == text_of(listing)
    assert bot.answers(ADMIN) == [""]


async def test_only_admins_list_resellers(bot: Harness) -> None:
    [reply] = await bot.say(RESELLER, "/vendedores")
    assert text_of(reply) == "Solo los administradores pueden usar este comando."


async def test_with_no_resellers_the_list_says_how_to_invite_one(bot: Harness) -> None:
    await bot.stop()
    empty = Harness(bot.settings.model_copy(update={"reseller_ids": frozenset()}))
    empty.settings.database_path.unlink()
    await empty.start()
    try:
        [reply] = await empty.say(ADMIN, "/vendedores")
        assert text_of(reply) == "Aún no hay vendedores. Invita a uno con /alta."
    finally:
        await empty.stop()


async def test_an_admins_start_lists_the_commands_for_resellers_in_their_language(
    bot: Harness,
) -> None:
    [spanish] = await bot.say(ADMIN, "/start")
    for command in ("/alta", "/vendedores", "/suspender", "/reactivar"):
        assert command in text_of(spanish)
    [reseller] = await bot.say(RESELLER, "/start")
    assert "/alta" not in text_of(reseller)
    bot.telegram.add_user(ADMIN, first_name="Ana Admin", language_code="en")
    [english] = await bot.say(ADMIN, "/start")
    for command in ("/invite", "/resellers", "/suspend", "/resume"):
        assert command in text_of(english)
