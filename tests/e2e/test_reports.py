"""/corte: a reseller's day, to the centavo; admins read any reseller's. /reporte: every
seller's period for admins, in pages within Telegram's limits. Every bad input is one
clear message and nothing else."""

from __future__ import annotations

import re
import sqlite3
from decimal import Decimal

from bot.domain.clock import utcnow
from bot.domain.purchases import Status
from bot.domain.wallets import JoinedHow
from storage.resellers import add_in
from tests.e2e.settling import pending_list, sell_pending
from tests.e2e.wallet_steps import (
    ENGLISH_SHOP,
    OTHER_SHOP,
    SHOP,
    add_prepaid,
    fund,
    set_default_commission,
)
from tests.harness import ADMIN, RESELLER, Harness, text_of

DECLINED_PHONE = "55 1234 9912"  # code 12: declined, nothing charged
FORMS = "Periodos: hoy, ayer, semana, mes"


async def a_day_of_sales(bot: Harness) -> None:
    """$500 deposited, $100 approved ($97 cost), $50 declined, $100 pending, -$10."""
    await bot.say(ADMIN, "/start")
    await set_default_commission(bot, 300, 500)
    await add_prepaid(bot, funds=50_000)
    await bot.buy(SHOP, amount="100")
    await bot.buy(SHOP, phone=DECLINED_PHONE, amount="50")
    await sell_pending(bot, SHOP)
    await fund(bot, SHOP, -1_000, note="Comisión bancaria")


def lines(text: str) -> list[str]:
    return text.split("\n")


async def test_a_resellers_cut_adds_up_to_the_centavo(bot: Harness) -> None:
    await a_day_of_sales(bot)
    [cut] = await bot.say(SHOP, "/corte")
    text = text_of(cut)
    assert re.fullmatch(r"🧾 Tu corte · hoy \(\d\d/\d\d/\d{4}\)", lines(text)[0])
    assert lines(text)[1:] == [
        "",
        "🛒 Ventas: 3",
        "✅ Aprobadas: 1 · $100.00 vendido",
        "❌ Rechazadas: 1 · $50.00",
        "⏳ En verificación: 1 · $100.00",
        "💰 Comisión ganada: $3.00",
        "💳 Costo de lo vendido: $97.00",
        "🔒 Apartado por ventas en verificación: $97.00",
        "",
        "👛 Saldo",
        "Al empezar el día: $0.00",
        "+ Depósitos (1): +$500.00",
        "± Ajustes (1): -$10.00",
        "− Ventas cobradas: -$97.00",
        "= Al terminar el día: $393.00",
        "🔒 Apartado al terminar el día: $97.00",
    ]
    assert cut.buttons == []
    # Yesterday had nothing; an English-speaking reseller reads theirs in English.
    [yesterday] = await bot.say(SHOP, "/corte ayer")
    assert lines(text_of(yesterday))[2] == "Sin ventas este día."
    assert "Al empezar el día: $0.00" in text_of(yesterday)
    assert "= Al terminar el día: $0.00" in text_of(yesterday)
    await add_prepaid(bot, ENGLISH_SHOP, "Corner Shop", lang="en", funds=1_000)
    [english] = await bot.say(ENGLISH_SHOP, "/cashup")
    assert lines(text_of(english))[0].startswith("🧾 Your cash-up · today (")
    assert lines(text_of(english))[2] == "No sales this day."
    assert "+ Deposits (1): +$10.00" in text_of(english)


async def test_a_settled_sale_counts_by_its_final_status(bot: Harness) -> None:
    await a_day_of_sales(bot)
    pending = next(p for p in await bot.purchases() if p.status is Status.PENDING)
    page = await pending_list(bot)
    await bot.tap(ADMIN, f"✅ {pending.folio}", page.message_id)
    await bot.reply(ADMIN, bot.last(ADMIN).message_id, "REF-123")
    [cut] = await bot.say(ADMIN, "/corte abarrotes lupita hoy")
    text = text_of(cut)
    assert lines(text)[0].startswith(f"🧾 Corte de Abarrotes Lupita ({SHOP}) · hoy")
    assert "✅ Aprobadas: 2 · $200.00 vendido" in text
    assert "⏳ En verificación: 0 · $0.00" in text
    assert "💰 Comisión ganada: $6.00" in text
    assert "− Ventas cobradas: -$194.00" in text
    assert "= Al terminar el día: $296.00" in text
    assert "Apartado" not in text
    [by_id] = await bot.say(ADMIN, f"/corte {SHOP}")
    assert text_of(by_id) == text


async def test_bad_cuts_are_one_clear_message_each(bot: Harness) -> None:
    await a_day_of_sales(bot)
    await add_prepaid(bot, OTHER_SHOP, "Abarrotes Sol")
    asked = {
        # A reseller asking for someone else's, existing or not, is refused the same.
        (SHOP, "/corte Abarrotes Sol"): "❌ «Abarrotes Sol» no es un día que entienda",
        (SHOP, f"/corte {OTHER_SHOP} ayer"): f"❌ «{OTHER_SHOP} ayer» no es un día",
        (SHOP, "/corte Nadie"): "❌ «Nadie» no es un día que entienda",
        (SHOP, "/corte semana"): "❌ Un corte es de un día",
        (SHOP, "/corte 2099-01-01"): "❌ El 2099-01-01 todavía no llega",
        (SHOP, "/corte 31/02/2026"): "❌ «31/02/2026» no es una fecha que exista",
        (SHOP, "/corte 2026-12-05 2026-12-01"): "❌ El periodo termina (2026-12-01) antes",
        (ADMIN, "/corte"): "Di de qué vendedor: /corte <vendedor> [día]",
        (ADMIN, "/corte ayer"): "Di de qué vendedor",
        (ADMIN, "/corte Nadie"): "No hay ningún vendedor «Nadie».",
        (ADMIN, "/corte Abarrotes"): "«Abarrotes» puede ser más de un vendedor:",
        (ADMIN, "/corte Lupita 2099-01-01"): "❌ El 2099-01-01 todavía no llega",
        (ADMIN, "/corte Lupita mes"): "❌ Un corte es de un día",
    }
    for (who, command), starts in asked.items():
        replies = await bot.say(who, command)
        assert len(replies) == 1, command
        assert text_of(replies[0]).startswith(starts), (command, text_of(replies[0]))
        assert replies[0].buttons == []
    # A reseller's own shop name is theirs to type.
    [own] = await bot.say(SHOP, "/corte Lupita ayer")
    assert text_of(own).startswith("🧾 Tu corte · ayer")


async def test_the_report_for_admins(bot: Harness) -> None:
    await a_day_of_sales(bot)
    await bot.buy(ADMIN, amount="20")  # an admin's own sale: cost = face, no commission
    [report] = await bot.say(ADMIN, "/reporte")
    text = text_of(report)
    assert re.fullmatch(r"📊 Reporte · hoy \(\d\d/\d\d/\d{4}\)", lines(text)[0])
    for expected in (
        "🛒 Ventas: 4",
        "✅ Aprobadas: 2 · $120.00 vendido",
        "❌ Rechazadas: 1 · $50.00",
        "⏳ En verificación: 1 · $100.00",
        "💰 Comisión ganada: $3.00",
        "💳 Costo para los vendedores: $117.00",
        "🔒 Apartado por ventas en verificación: $97.00",
        "💵 Depósitos (1): +$500.00 · ✏️ Ajustes (1): -$10.00",
        "🏦 Saldo con el proveedor: $99,780 MXN",
        "🔒 Apartado ahora en sus carteras: $97.00",
        "Por vendedor",
        f"• Abarrotes Lupita ({SHOP}): ✅ 1 · $100.00 · ❌ 1 · ⏳ 1 $100.00 · comisión $3.00",
        f"• Ana Admin ({ADMIN}): ✅ 1 · $20.00 · ❌ 0 · ⏳ 0 $0.00 · comisión $0.00",
        "• Tiempo aire: ✅ 2 · $120.00 · ❌ 1 · ⏳ 1 $100.00",
    ):
        assert expected in lines(text), expected
    assert re.search(
        r"^👛 Saldos de los \d+ vendedores \(lo que se les debe\): \$393\.00$", text, re.M
    )
    [week] = await bot.say(ADMIN, "/report week")
    assert lines(text_of(week))[0].startswith("📊 Reporte · esta semana (")
    assert "✅ Aprobadas: 2 · $120.00 vendido" in text_of(week)


async def test_bad_reports_are_one_clear_message_each(bot: Harness) -> None:
    asked = {
        (RESELLER, "/reporte"): "Solo los administradores pueden usar este comando.",
        (ADMIN, "/reporte mañana"): "❌ No entiendo «mañana» como periodo.",
        (ADMIN, "/reporte 2026-12-05 2026-12-01"): "❌ El periodo termina (2026-12-01) antes",
        (ADMIN, "/reporte 2099-01-01"): "❌ El 2099-01-01 todavía no llega",
        (ADMIN, "/reporte 2024-01-01 2025-12-31"): "❌ Son 731 días; un periodo puede tener",
        (ADMIN, "/reporte 2026-02-30"): "❌ «2026-02-30» no es una fecha que exista.",
    }
    for (who, command), starts in asked.items():
        replies = await bot.say(who, command)
        assert len(replies) == 1, command
        assert text_of(replies[0]).startswith(starts), (command, text_of(replies[0]))
        if who == ADMIN:
            assert FORMS in text_of(replies[0])


async def many_sellers(bot: Harness, count: int) -> None:
    """`count` resellers with a sale each today, written as the money path would."""
    now = utcnow().isoformat()

    def write(conn: sqlite3.Connection) -> None:
        for n in range(count):
            who = 1_000 + n
            add_in(conn, who, f"Tienda número {n:03d} con un nombre largo", JoinedHow.ADMIN)
            conn.execute(
                "INSERT INTO purchases (distributor_transaction_id, reseller_id, chat_id, "
                "lang, phone, product_id, amount, status, created_at, notified_at, cost, "
                "commission) VALUES (?, ?, ?, 'es', '5537686660', 'MOVISTAR_TAE', ?, "
                "'approved', ?, ?, ?, ?)",
                (f"many-{n}", who, who, 10 + n, now, now, (10 + n) * 97, (10 + n) * 3),
            )

    await bot.database.write(write)


async def test_a_long_report_pages_within_telegrams_limits(bot: Harness) -> None:
    await many_sellers(bot, 150)
    [first] = await bot.say(ADMIN, "/reporte hoy")
    pages = [first]
    assert [b.text for b in first.buttons] == ["Siguiente ▶"]
    while any(b.text == "Siguiente ▶" for b in pages[-1].buttons):
        [shown] = await bot.tap(ADMIN, "Siguiente", first.message_id)
        assert shown.message_id == first.message_id  # the page turns in place
        pages.append(shown)
    texts = [text_of(page) for page in pages]
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert len(text) <= 4_096
        assert lines(text)[1] == f"Página {number} de {len(texts)}"
    assert [b.text for b in pages[-1].buttons] == ["◀ Anterior"]
    assert [b.text for b in pages[1].buttons] == ["◀ Anterior", "Siguiente ▶"]
    # Every seller is on exactly one line, the most sold first; a section going on to
    # the next page says so.
    shops = re.findall(r"^• Tienda número (\d{3})", "\n".join(texts), re.M)
    assert shops == [f"{n:03d}" for n in range(149, -1, -1)]
    assert "Por vendedor (continúa)" in texts[1]
    # Back to the first page; a stale press of a page already shown changes nothing.
    while any(b.text == "◀ Anterior" for b in bot.last(ADMIN).buttons):
        await bot.tap(ADMIN, "◀", first.message_id)
    assert text_of(bot.telegram.message(ADMIN, first.message_id)) == texts[0]
    await bot.press_raw(ADMIN, first.message_id, first.buttons[0].callback_data or "")
    await bot.press_raw(ADMIN, first.message_id, first.buttons[0].callback_data or "")
    assert text_of(bot.telegram.message(ADMIN, first.message_id)) == texts[1]
    # A forged page of days to come, and a reseller's press, are refused in an alert.
    await bot.press_raw(ADMIN, first.message_id, "report:20990101:20990102:0")
    assert bot.alerts(ADMIN)[-1].startswith("Ese reporte ya no se puede mostrar")
    assert text_of(bot.telegram.message(ADMIN, first.message_id)) == texts[1]
    await bot.say(RESELLER, "/start")
    mine = bot.last(RESELLER)
    await bot.press_raw(RESELLER, mine.message_id, first.buttons[0].callback_data or "")
    assert bot.answers(RESELLER)[-1] == "Solo los administradores pueden usar este comando."


async def test_the_pages_of_a_report_show_the_provider_balance_it_read(bot: Harness) -> None:
    await many_sellers(bot, 150)
    [first] = await bot.say(ADMIN, "/reporte hoy")
    read = "🏦 Saldo con el proveedor: $100,000 MXN"
    assert read in lines(text_of(first))
    bot.sandbox.balance = Decimal("4321.00")  # sales elsewhere, meanwhile
    await bot.tap(ADMIN, "Siguiente", first.message_id)
    [back] = await bot.tap(ADMIN, "◀", first.message_id)
    # Turning pages is one report: no round trip to the provider per page.
    assert read in lines(text_of(back))
    [again] = await bot.say(ADMIN, "/reporte hoy")
    assert "🏦 Saldo con el proveedor: $4,321 MXN" in lines(text_of(again))
