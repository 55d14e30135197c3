"""/grafica (/chart): a PNG of sales per day with the period's totals, through the real
application and the stand-in; every bad input a message of its own, and no picture."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.clock import utcnow
from bot.domain.periods import local_today
from bot.views.chart import SIZE_PX
from devtools.standin import ChatMessage
from tests.e2e.settling import sell_pending
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, Harness, text_of
from tests.png import png_size

DECLINED_PHONE = "55 1234 9905"  # code 05: declined, nothing charged


def _today(bot: Harness) -> date:
    return local_today(bot.settings.zone, utcnow())


def _es(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


async def _sales(bot: Harness) -> None:
    """Rita: $100 approved, $100 declined, $100 pending; Ed: $200 approved."""
    await bot.say(ADMIN, "/start")  # so that pending alerts reach them
    await bot.buy(RESELLER, amount="100")
    await bot.buy(RESELLER, phone=DECLINED_PHONE, amount="100")
    await sell_pending(bot, RESELLER)
    await bot.buy(ENGLISH_RESELLER, amount="200")


def _picture(bot: Harness, sent: list[ChatMessage]) -> ChatMessage:
    [chart] = sent
    assert chart.photo, text_of(chart)
    assert png_size(bot.telegram.uploaded(chart)) == SIZE_PX
    return chart


async def test_a_reseller_charts_their_own_last_30_days(bot: Harness) -> None:
    await _sales(bot)
    chart = _picture(bot, await bot.say(RESELLER, "/grafica"))
    today = _today(bot)
    assert text_of(chart).splitlines() == [
        f"📊 Ventas del {_es(today - timedelta(days=29))} al {_es(today)}",
        "✅ Vendido: $100 MXN (1)",
        "⏳ Pendientes de verificación: $100 MXN (1)",
        "❌ Rechazadas: $100 MXN (1)",
    ]


async def test_an_admin_charts_everyone_or_one_reseller(bot: Harness) -> None:
    await _sales(bot)
    everyone = _picture(bot, await bot.say(ADMIN, "/grafica mes"))
    assert text_of(everyone).splitlines() == [
        "📊 Ventas este mes",
        "✅ Vendido: $300 MXN (2)",
        "⏳ Pendientes de verificación: $100 MXN (1)",
        "❌ Rechazadas: $100 MXN (1)",
    ]
    one = _picture(bot, await bot.say(ADMIN, "/grafica hoy Ed"))
    assert text_of(one).splitlines() == [
        "📊 Ventas de Ed, hoy",
        "✅ Vendido: $200 MXN (1)",
        "⏳ Pendientes de verificación: $0 MXN (0)",
        "❌ Rechazadas: $0 MXN (0)",
    ]
    by_name_only = _picture(bot, await bot.say(ADMIN, "/grafica Rita <Tienda>"))
    assert text_of(by_name_only).splitlines()[1] == "✅ Vendido: $100 MXN (1)"


async def test_english_chart(bot: Harness) -> None:
    await _sales(bot)
    chart = _picture(bot, await bot.say(ENGLISH_RESELLER, "/chart today"))
    assert text_of(chart).splitlines() == [
        "📊 Sales today",
        "✅ Sold: $200 MXN (1)",
        "⏳ Pending verification: $0 MXN (0)",
        "❌ Declined: $0 MXN (0)",
    ]


async def test_a_period_without_sales_says_so(bot: Harness) -> None:
    await _sales(bot)
    [said] = await bot.say(ADMIN, "/grafica ayer")
    assert not said.photo
    assert text_of(said) == "📊 No hubo ventas ayer: no hay nada que graficar."
    [own] = await bot.say(ADMIN, "/grafica semana pasada Ed")
    assert text_of(own) == "📊 Ed no tuvo ventas la semana pasada: no hay nada que graficar."


@pytest.mark.parametrize(
    ("user_id", "typed", "first_line"),
    [
        (ADMIN, "mez", "❌ «mez» no es un periodo ni un vendedor."),
        (ADMIN, "2026-02-30", "❌ «2026-02-30» no es una fecha que exista."),
        (ADMIN, "2026-12-05 2026-12-01", "❌ El periodo termina (2026-12-01) antes de empezar"),
        (ADMIN, "2099-01-01", "❌ El 2099-01-01 todavía no llega: no hay ventas que contar."),
        (ADMIN, "2024-01-01 2026-01-01", "❌ Son 732 días; un periodo puede tener hasta 366."),
        (ADMIN, "mes Nadie", "No hay ningún vendedor «Nadie»."),
        (RESELLER, "mes Ed", "❌ Solo puedes ver la gráfica de tus propias ventas."),
        (RESELLER, "hoy 999999", "❌ Solo puedes ver la gráfica de tus propias ventas."),
        (RESELLER, "Ed", "❌ No entiendo «Ed» como periodo. Solo puedes ver la gráfica"),
        (RESELLER, "mañana", "❌ No entiendo «mañana» como periodo. Solo puedes ver la"),
    ],
)
async def test_bad_input_sends_no_picture(
    bot: Harness, user_id: int, typed: str, first_line: str
) -> None:
    await _sales(bot)
    [said] = await bot.say(user_id, f"/grafica {typed}")
    assert not said.photo
    assert text_of(said).startswith(first_line), text_of(said)


async def test_a_named_reseller_sees_their_own(bot: Harness) -> None:
    await _sales(bot)
    chart = _picture(bot, await bot.say(RESELLER, "/grafica hoy Rita"))
    assert text_of(chart).splitlines()[0] == "📊 Ventas hoy"


async def test_greetings_and_menus_name_the_chart(bot: Harness) -> None:
    [seller] = await bot.say(RESELLER, "/start")
    assert "/grafica — gráfica de ventas por día" in text_of(seller).splitlines()
    [admin] = await bot.say(ADMIN, "/start")
    assert "/grafica — gráfica de ventas por día" in text_of(admin).splitlines()
    assert "grafica" in bot.telegram.menu(RESELLER)
    assert "chart" in bot.telegram.menu(ADMIN, "en")
