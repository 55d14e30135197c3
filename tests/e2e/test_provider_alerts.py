"""Admins are alerted once per crossing: the provider's balance below LOW_BALANCE_ALERT
(from each approved sale and the periodic check) and a run of unknown outcomes; a
restart repeats neither, and each is re-armed when it is over, with a short notice."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.jobs import BALANCE_CHECK_JOB
from tests.e2e.settling import sell_pending
from tests.harness import ADMIN, RESELLER, Harness, make_settings, refusals, text_of

THRESHOLD = Decimal("99850")  # the sandbox starts at $100,000: the second $100 sale crosses


@pytest.fixture
async def watched(tmp_path: Path) -> AsyncIterator[Harness]:
    """The `bot` fixture's bot and checks, watching the provider's balance."""
    harness = Harness(make_settings(tmp_path, low_balance_alert=THRESHOLD))
    await harness.start()
    yield harness
    await harness.stop()
    assert refusals(harness.telegram) == []
    assert harness.sandbox.duplicate_transaction_ids == []


def _said(bot: Harness, start: str) -> list[str]:
    return [text_of(m) for m in bot.telegram.bot_messages(ADMIN) if text_of(m).startswith(start)]


async def _sell(bot: Harness, n: int) -> None:
    """An approved $100 sale, a number of its own (no repeat to confirm)."""
    await bot.buy(RESELLER, phone=f"55 3768 66{n:02d}")
    bot.pace.step(5)


async def test_a_low_balance_alerts_once_until_it_recovers(watched: Harness) -> None:
    bot = watched
    await bot.say(ADMIN, "/start")
    await _sell(bot, 1)  # $99,900
    assert _said(bot, "⚠️ Saldo bajo") == []
    await _sell(bot, 2)  # $99,800: below
    await _sell(bot, 3)  # $99,700: still below, told already
    assert _said(bot, "⚠️ Saldo bajo") == [
        "⚠️ Saldo bajo con el proveedor: $99,800 MXN, debajo del aviso de $99,850 MXN.\n"
        "Recarga la cuenta con el distribuidor antes de que las ventas se rechacen por "
        "falta de saldo. Revisa el saldo con /saldo."
    ]

    await bot.restart()  # the start-up check and this one read $99,700: told already
    await bot.services.alerts.check_balance()
    await _sell(bot, 4)
    assert len(_said(bot, "⚠️ Saldo bajo")) == 1

    bot.sandbox.balance = Decimal("150000")  # an admin funded the account
    await bot.services.alerts.check_balance()
    assert _said(bot, "✅ El saldo") == [
        "✅ El saldo con el proveedor volvió a $150,000 MXN, arriba del aviso de $99,850 MXN."
    ]
    await bot.services.alerts.check_balance()
    assert len(_said(bot, "✅ El saldo")) == 1

    bot.sandbox.balance = Decimal("99900")
    await _sell(bot, 5)  # $99,800: below again, a new crossing
    assert len(_said(bot, "⚠️ Saldo bajo")) == 2


async def test_the_periodic_check_alerts_without_a_sale(watched: Harness) -> None:
    bot = watched
    assert bot.application is not None and bot.application.job_queue is not None
    [job] = bot.application.job_queue.get_jobs_by_name(BALANCE_CHECK_JOB)
    assert job.job.trigger.interval == timedelta(minutes=15)
    await bot.say(ADMIN, "/start")
    bot.sandbox.balance = Decimal("1000.50")
    await bot.services.alerts.check_balance()
    [alert] = _said(bot, "⚠️ Saldo bajo")
    assert alert.startswith("⚠️ Saldo bajo con el proveedor: $1,000.50 MXN, debajo del aviso")


async def test_no_threshold_no_balance_alert_nor_check(bot: Harness) -> None:
    assert bot.application is not None and bot.application.job_queue is not None
    assert bot.application.job_queue.get_jobs_by_name(BALANCE_CHECK_JOB) == ()
    await bot.say(ADMIN, "/start")
    bot.sandbox.balance = Decimal("150")
    await _sell(bot, 1)
    await bot.services.alerts.check_balance()
    assert _said(bot, "⚠️ Saldo bajo") == []


async def test_a_run_of_unknown_outcomes_alerts_once_as_an_outage(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    for n in range(4):
        await sell_pending(bot, phone=f"55 12{n:02d} 9996")
    assert _said(bot, "🚨") == []
    await sell_pending(bot, phone="55 1204 9996")  # the fifth in a row
    await sell_pending(bot, phone="55 1205 9996")
    assert _said(bot, "🚨") == [
        "🚨 Posible falla del proveedor: 5 recargas seguidas quedaron sin respuesta clara "
        "(pendientes de verificación).\n"
        "Revisa el estado del proveedor con el distribuidor antes de que se vendan más, y "
        "liquida las pendientes con /pendientes."
    ]
    await bot.restart()
    await sell_pending(bot, phone="55 1206 9996")
    assert len(_said(bot, "🚨")) == 1  # still the same outage

    await _sell(bot, 1)  # a clear answer
    [over] = _said(bot, "✅ El proveedor vuelve a responder")
    folio = (await bot.purchases())[-1].folio
    assert over == (
        f"✅ El proveedor vuelve a responder (folio {folio}: ✅ Exitosa). "
        "Liquida con /pendientes lo que quedó pendiente."
    )
    for n in range(5):
        await sell_pending(bot, phone=f"55 13{n:02d} 9996")
    assert len(_said(bot, "🚨")) == 2  # re-armed by the clear answer


async def test_a_clear_answer_breaks_the_run(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    for n in range(4):
        await sell_pending(bot, phone=f"55 12{n:02d} 9996")
    await bot.buy(RESELLER, phone="55 1299 9905")  # declined: the provider did answer
    bot.pace.step(5)
    for n in range(4):
        await sell_pending(bot, phone=f"55 13{n:02d} 9996")
    assert _said(bot, "🚨") == []
    assert _said(bot, "✅ El proveedor vuelve") == []  # nothing was raised to clear
