"""DAILY_SUMMARY_AT: once its hour has come, each admin gets the day's report and each
reseller who asked with /resumen their cut, once a day, restarts included."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.wallet_steps import SHOP, add_prepaid
from tests.harness import ADMIN, RESELLER, Harness, make_settings, refusals, text_of

MEXICO = ZoneInfo("America/Mexico_City")


@pytest.fixture
async def summing(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = Harness(make_settings(tmp_path, daily_summary_at=time(21, 0)))
    await harness.start()
    yield harness
    await harness.stop()
    assert refusals(harness.telegram) == []


def at(hour: int, minute: int = 0) -> datetime:
    """Today at that local time."""
    today = datetime.now(MEXICO).date()
    return datetime(today.year, today.month, today.day, hour, minute, tzinfo=MEXICO)


def summaries_in(bot: Harness, chat_id: int, title: str) -> list[str]:
    return [text_of(m) for m in bot.telegram.bot_messages(chat_id) if text_of(m).startswith(title)]


async def test_admins_and_subscribers_get_the_day_once(summing: Harness) -> None:
    bot = summing
    await bot.say(ADMIN, "/start")
    await bot.say(RESELLER, "/start")
    await add_prepaid(bot, funds=50_000)
    await bot.buy(SHOP, amount="100")
    [on] = await bot.say(SHOP, "/resumen")
    assert text_of(on) == (
        "✅ Cada día a las 21:00 te llegará tu corte. Para dejar de recibirlo: /resumen."
    )
    [admins] = await bot.say(ADMIN, "/resumen")
    assert (
        text_of(admins)
        == "Los administradores reciben el reporte del día a las 21:00, sin pedirlo."
    )
    told_reseller = len(bot.telegram.bot_messages(RESELLER))

    summaries = bot.services.summaries
    assert await summaries.run(at(20, 59)) == 0  # not yet
    assert await summaries.run(at(21, 0)) == 2
    report, cut = bot.last(ADMIN), bot.last(SHOP)
    assert text_of(report).startswith("📊 Reporte · hoy (")
    assert "✅ Aprobadas: 1 · $100.00 vendido" in text_of(report)
    assert text_of(cut).startswith("🧾 Tu corte · hoy (")
    assert "✅ Aprobadas: 1 · $100.00 vendido" in text_of(cut)
    assert len(bot.telegram.bot_messages(RESELLER)) == told_reseller  # never asked

    # Once a day: the next runs, and a restart, send nothing more.
    assert await summaries.run(at(21, 1)) == 0
    await bot.restart()
    assert await bot.services.summaries.run(at(23, 59)) == 0
    assert len(summaries_in(bot, ADMIN, "📊 Reporte")) == 1
    assert len(summaries_in(bot, SHOP, "🧾 Tu corte")) == 1

    [off] = await bot.say(SHOP, "/resumen")
    assert text_of(off).startswith("🔕 Ya no te llegará tu corte cada día.")


async def test_without_an_hour_nobody_gets_one(bot: Harness) -> None:
    await add_prepaid(bot)
    [reply] = await bot.say(SHOP, "/resumen")
    assert text_of(reply) == (
        "El resumen diario está apagado (DAILY_SUMMARY_AT no está configurado)."
    )
    assert await bot.services.summaries.run(at(23, 59)) == 0
