"""/movimientos: a reseller's movements newest first, with the balance after each, ten a
page; admins read anyone's; nobody else's reads for a reseller."""

from __future__ import annotations

import re

from bot.domain.purchases import Status
from tests.e2e.settling import pending_list, sell_pending
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

DECLINED_PHONE = "55 1234 9912"  # code 12: declined, nothing charged
LINE_START = re.compile(r"^(🧾|⏳|↩️|💵|✏️) ", re.M)


def kinds(text: str) -> list[str]:
    """The movements a page lists, top to bottom, by their mark."""
    return LINE_START.findall(text)


def balances(text: str) -> list[str]:
    return re.findall(r"Saldo: (-?\$[\d,]+\.\d\d)$", text, re.M)


async def test_an_empty_statement_says_so(bot: Harness) -> None:
    await add_prepaid(bot)
    [page] = await bot.say(SHOP, "/movimientos")
    assert text_of(page) == (
        "📒 Tus movimientos\n\nAún no hay movimientos. Tus ventas y depósitos aparecerán aquí."
    )
    assert page.buttons == []


async def test_movements_newest_first_with_the_balance_after_each(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await set_default_commission(bot, 300, 500)
    await add_prepaid(bot, funds=50_000)
    await bot.buy(SHOP, amount="100")  # approved: -$97.00
    await bot.buy(SHOP, phone=DECLINED_PHONE, amount="50")  # declined: $48.50 released
    pending = await sell_pending(bot, SHOP)  # pending: $97.00 held
    await fund(bot, SHOP, -1_000, note="Comisión bancaria")
    [page] = await bot.say(SHOP, "/movimientos")
    text = text_of(page)
    assert kinds(text) == ["✏️", "⏳", "↩️", "🧾", "💵"]
    assert balances(text) == ["$393.00", "$403.00", "$403.00", "$403.00", "$500.00"]
    purchases = await bot.purchases()
    sale, declined = purchases[0], purchases[1]
    blocks = text.split("\n\n")
    assert blocks[0] == "📒 Tus movimientos"
    assert blocks[1].splitlines()[0] == "✏️ Ajuste: Comisión bancaria"
    assert blocks[1].splitlines()[2] == "-$10.00 → Saldo: $393.00"
    assert blocks[2].splitlines()[0] == (
        f"⏳ Apartado, en verificación: se cobra o se libera al saberse · /recibo_{pending.folio}"
    )
    assert blocks[2].splitlines()[1].endswith("· 📱 55 1234 9996 · Tiempo aire $100 MXN")
    assert blocks[2].splitlines()[2] == "$97.00 apartados · Saldo: $403.00"
    assert blocks[3].splitlines()[0] == f"↩️ No se cobró · /recibo_{declined.folio}"
    assert blocks[3].splitlines()[2] == "Se liberaron $48.50 · Saldo: $403.00"
    assert blocks[4].splitlines()[0] == f"🧾 Venta · /recibo_{sale.folio}"
    assert blocks[4].splitlines()[2] == "-$97.00 → Saldo: $403.00"
    assert blocks[5].splitlines()[0] == "💵 Depósito"
    assert blocks[5].splitlines()[2] == "+$500.00 → Saldo: $500.00"
    assert page.buttons == []  # one page

    # The folio opens the sale's receipt, as in /recibos.
    [receipt] = await bot.say(SHOP, f"/recibo_{sale.folio}")
    assert text_of(receipt).startswith("✅ Recarga exitosa")

    # Once verified, the hold reads as what became of it.
    page_of_pending = await pending_list(bot)
    await bot.tap(ADMIN, f"✅ {pending.folio}", page_of_pending.message_id)
    await bot.reply(ADMIN, bot.last(ADMIN).message_id, "REF-123")
    assert next(p for p in await bot.purchases() if p.id == pending.id).status is Status.APPROVED
    [settled] = await bot.say(SHOP, "/movimientos")
    assert kinds(text_of(settled)) == ["🧾", "✏️", "↩️", "🧾", "💵"]
    assert balances(text_of(settled))[0] == "$296.00"


async def test_ten_a_page_with_buttons_keyed_by_ledger_id(bot: Harness) -> None:
    await add_prepaid(bot)
    for n in range(1, 26):
        await fund(bot, SHOP, n * 100)  # $1.00, $2.00 … $25.00
    [first] = await bot.say(SHOP, "/movimientos")
    amounts = re.findall(r"^\+(\$\d+\.00) →", text_of(first), re.M)
    assert amounts == [f"${n}.00" for n in range(25, 15, -1)]
    assert [(b.text, b.callback_data) for b in first.buttons] == [
        ("Anteriores ▶", f"statement:older:16:{SHOP}")
    ]
    [second] = await bot.tap(SHOP, "Anteriores", first.message_id)
    assert second.message_id == first.message_id  # the page turns in place
    assert re.findall(r"^\+(\$\d+\.00) →", text_of(second), re.M) == [
        f"${n}.00" for n in range(15, 5, -1)
    ]
    assert [b.callback_data for b in second.buttons] == [
        f"statement:newer:15:{SHOP}",
        f"statement:older:6:{SHOP}",
    ]
    [third] = await bot.tap(SHOP, "Anteriores", first.message_id)
    assert len(kinds(text_of(third))) == 5
    assert [b.text for b in third.buttons] == ["◀ Más recientes"]
    [back] = await bot.tap(SHOP, "◀", first.message_id)
    assert text_of(back) == text_of(second)
    # A made-up cursor with nothing past it shows the newest page.
    [made_up] = await bot.press_raw(SHOP, first.message_id, f"statement:older:1:{SHOP}")
    assert text_of(made_up) == text_of(first)


async def test_admins_read_any_resellers_statement_by_name_or_id(bot: Harness) -> None:
    await add_prepaid(bot, funds=12_345)
    [by_name] = await bot.say(ADMIN, "/movimientos abarrotes lupita")
    assert text_of(by_name).startswith(f"📒 Movimientos de Abarrotes Lupita ({SHOP})")
    assert "+$123.45 → Saldo: $123.45" in text_of(by_name)
    [by_id] = await bot.say(ADMIN, f"/movimientos {SHOP}")
    assert text_of(by_id) == text_of(by_name)
    [english] = await bot.say(ADMIN, f"/statement {SHOP}")
    assert text_of(english) == text_of(by_name)


async def test_an_admins_statement_pages_turn_too(bot: Harness) -> None:
    await add_prepaid(bot)
    for _ in range(12):
        await fund(bot, SHOP, 100)
    [first] = await bot.say(ADMIN, f"/movimientos {SHOP}")
    [second] = await bot.tap(ADMIN, "Anteriores", first.message_id)
    assert text_of(second).startswith(f"📒 Movimientos de Abarrotes Lupita ({SHOP})")
    assert len(kinds(text_of(second))) == 2


async def test_admins_bad_names_are_answered_and_change_nothing(bot: Harness) -> None:
    await add_prepaid(bot, funds=100)
    await add_prepaid(bot, OTHER_SHOP, "Abarrotes Sol")
    [usage] = await bot.say(ADMIN, "/movimientos")
    assert text_of(usage).startswith("Escribe /movimientos y el vendedor")
    [none] = await bot.say(ADMIN, "/movimientos Ferretería")
    assert text_of(none).startswith("No hay ningún vendedor «Ferretería»")
    [ambiguous] = await bot.say(ADMIN, "/movimientos abarrotes")
    assert text_of(ambiguous).startswith("«abarrotes» puede ser más de un vendedor")
    assert f"Abarrotes Lupita — {SHOP}" in text_of(ambiguous)
    assert f"Abarrotes Sol — {OTHER_SHOP}" in text_of(ambiguous)


async def test_a_reseller_is_refused_anyone_elses_statement(bot: Harness) -> None:
    await add_prepaid(bot, funds=100)
    await add_prepaid(bot, OTHER_SHOP, "Papelería Sol", funds=99_900)
    refusal = "Solo puedes ver tus propios movimientos: escribe /movimientos."
    for asked in (str(OTHER_SHOP), "Papelería Sol", "Nadie", str(RESELLER)):
        [reply] = await bot.say(SHOP, f"/movimientos {asked}")
        assert text_of(reply) == refusal  # the same whether they exist or not
    [own] = await bot.say(SHOP, f"/movimientos {SHOP}")  # naming themselves is fine
    assert text_of(own).startswith("📒 Tus movimientos")

    # A forged button naming another reseller's statement shows nothing of it.
    await fund(bot, SHOP, 100)
    for _ in range(10):
        await fund(bot, SHOP, 100)
    [page] = await bot.say(SHOP, "/movimientos")
    before = text_of(page)
    await bot.press_raw(SHOP, page.message_id, f"statement:older:99:{OTHER_SHOP}")
    assert bot.alerts(SHOP) == ["Solo puedes ver tus propios movimientos."]
    assert text_of(bot.telegram.message(SHOP, page.message_id)) == before
    assert "$999.00" not in "".join(text_of(m) for m in bot.telegram.bot_messages(SHOP))


async def test_a_suspended_reseller_still_reads_their_statement(bot: Harness) -> None:
    await add_prepaid(bot, funds=5_000)
    await change_reseller(bot, SHOP, status="suspended")
    [page] = await bot.say(SHOP, "/movimientos")
    assert "+$50.00 → Saldo: $50.00" in text_of(page)


async def test_english_statement(bot: Harness) -> None:
    await add_prepaid(bot, ENGLISH_SHOP, "Corner Shop", lang="en", funds=2_500)
    await bot.buy(ENGLISH_SHOP, amount="20")
    [page] = await bot.say(ENGLISH_SHOP, "/statement")
    text = text_of(page)
    assert text.startswith("📒 Your movements")
    [sale] = await bot.purchases()
    assert f"🧾 Sale · /receipt_{sale.folio}" in text.splitlines()
    assert "-$20.00 → Balance: $5.00" in text.splitlines()
    assert "+$25.00 → Balance: $25.00" in text.splitlines()
