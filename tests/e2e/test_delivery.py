"""A Telegram failure while telling the outcome never loses it: stored, retried, shown."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from bot import views
from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.domain.drafts import Step
from bot.domain.provider import PurchaseRequest
from bot.domain.purchases import Purchase, Status
from bot.jobs import REDELIVER_JOB
from bot.latcom.sandbox import Charge, Sandbox
from tests.e2e.outage import (
    BAD_GATEWAY,
    FLOOD,
    NETWORK_DOWN,
    NOT_MODIFIED,
    SERVER_ERROR,
    TOO_LATE,
    Reply,
    TelegramOutage,
)
from tests.harness import ADMIN, RESELLER, Harness, make_settings, refusals, text_of

RECEIPT = "Recarga exitosa"
ALERT = "Recarga pendiente de verificación"
SHOWING = ("editMessageText", "sendMessage")


async def run_job(bot: Harness, name: str) -> None:
    """Run a scheduled job now, as its next tick would."""
    assert bot.application is not None and bot.application.job_queue is not None
    [job] = bot.application.job_queue.get_jobs_by_name(name)
    await job.run(bot.application)


async def only_purchase(bot: Harness) -> Purchase:
    [purchase] = await bot.purchases()
    return purchase


@pytest.mark.parametrize("failure", [SERVER_ERROR, BAD_GATEWAY, NETWORK_DOWN])
async def test_outcome_telegram_refused_is_delivered_by_the_retry_job(
    bot: Harness, monkeypatch: pytest.MonkeyPatch, failure: Reply | str
) -> None:
    outage = TelegramOutage(bot, monkeypatch)
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    outage.fail(SHOWING, failure, chat_id=RESELLER, text=RECEIPT)
    await bot.tap(RESELLER, "✅", summary.message_id)

    purchase = await only_purchase(bot)
    assert purchase.status is Status.APPROVED  # stored, whatever Telegram did
    assert purchase.notified_at is None
    assert outage.failed == list(SHOWING)  # the edit, then a new message instead
    # A quick answer leaves the summary as it was until the receipt replaces it.
    assert text_of(bot.telegram.message(RESELLER, summary.message_id)).startswith("Revisa")

    await run_job(bot, REDELIVER_JOB)  # still down: still waiting
    assert (await only_purchase(bot)).notified_at is None

    outage.heal()
    await run_job(bot, REDELIVER_JOB)
    receipt = bot.telegram.message(RESELLER, summary.message_id)
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert (await only_purchase(bot)).notified_at is not None

    seen = len(bot.events)
    await run_job(bot, REDELIVER_JOB)
    assert len(bot.events) == seen  # shown once
    assert len(bot.sandbox.received) == 1


async def test_flood_control_is_waited_out_by_the_rate_limiter(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    outage = TelegramOutage(bot, monkeypatch)
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    outage.fail(("editMessageText",), FLOOD, chat_id=RESELLER, text=RECEIPT, times=1)
    await bot.tap(RESELLER, "✅", summary.message_id)

    assert outage.failed == ["editMessageText"]
    receipt = bot.telegram.message(RESELLER, summary.message_id)
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert (await only_purchase(bot)).notified_at is not None


async def test_message_not_modified_means_it_is_already_shown(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    outage = TelegramOutage(bot, monkeypatch)
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    outage.fail(("editMessageText",), NOT_MODIFIED, chat_id=RESELLER, text=RECEIPT)
    await bot.tap(RESELLER, "✅", summary.message_id)

    purchase = await only_purchase(bot)
    assert purchase.notified_at is not None and purchase.message_id == summary.message_id
    assert outage.failed == ["editMessageText"]  # no second copy sent


async def test_query_too_old_does_not_stop_the_purchase(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    outage = TelegramOutage(bot, monkeypatch)
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    outage.fail(("answerCallbackQuery",), TOO_LATE, chat_id=None)
    await bot.tap(RESELLER, "✅", summary.message_id)

    assert outage.failed == ["answerCallbackQuery"]
    purchase = await only_purchase(bot)
    assert purchase.status is Status.APPROVED and purchase.notified_at is not None
    assert text_of(bot.telegram.message(RESELLER, summary.message_id)).startswith("✅ Recarga")


async def test_outcome_not_shown_before_a_restart_is_shown_at_start_up(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    outage = TelegramOutage(bot, monkeypatch)
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    outage.fail(SHOWING, SERVER_ERROR, chat_id=RESELLER, text=RECEIPT)
    await bot.tap(RESELLER, "✅", summary.message_id)
    await bot.stop()
    outage.heal()

    await bot.start()
    async with asyncio.timeout(5):
        while (await only_purchase(bot)).notified_at is None:  # noqa: ASYNC110 - polls storage
            await asyncio.sleep(0.02)
    receipt = bot.telegram.message(RESELLER, summary.message_id)
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert len(bot.sandbox.received) == 1


async def test_an_admin_alert_telegram_refused_is_sent_by_the_retry_job(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await bot.say(ADMIN, "/start")
    outage = TelegramOutage(bot, monkeypatch)
    outage.fail(("sendMessage",), SERVER_ERROR, chat_id=ADMIN, text="Recarga pendiente")
    await bot.buy(RESELLER, phone="55 1234 9996")
    [purchase] = await bot.purchases()
    assert purchase.status is Status.PENDING
    assert outage.failed == ["sendMessage"]
    alerts = [m for m in bot.telegram.bot_messages(ADMIN) if ALERT in text_of(m)]
    assert alerts == []

    outage.heal()
    await run_job(bot, REDELIVER_JOB)
    [alert] = [m for m in bot.telegram.bot_messages(ADMIN) if ALERT in text_of(m)]
    assert purchase.distributor_transaction_id in text_of(alert)
    await run_job(bot, REDELIVER_JOB)  # told once
    assert len([m for m in bot.telegram.bot_messages(ADMIN) if ALERT in text_of(m)]) == 1


class LongIdSandbox(Sandbox):
    """A provider that approves with a transaction id thousands of characters long."""

    def _charge(self, request: PurchaseRequest) -> Charge:
        charge = replace(super()._charge(request), transaction_id="TXN-" + "7" * 5000)
        self.charges[charge.dtid] = charge
        return charge


async def test_an_over_long_provider_id_still_makes_a_receipt_telegram_takes(
    tmp_path: Path,
) -> None:
    bot = Harness(
        make_settings(tmp_path),
        sandbox=LongIdSandbox(customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY),
    )
    await bot.start()
    try:
        summary = await bot.reach(RESELLER, Step.CONFIRM)
        await bot.tap(RESELLER, "✅", summary.message_id)
        purchase = await only_purchase(bot)
        receipt = bot.telegram.message(RESELLER, summary.message_id)
    finally:
        await bot.stop()

    assert text_of(receipt).startswith("✅ Recarga exitosa")
    assert receipt.reply_markup is not None and "✅" not in str(receipt.reply_markup)
    assert purchase.notified_at is not None
    assert purchase.transaction_id is not None and len(purchase.transaction_id) == 64


async def test_a_receipt_telegram_refuses_for_good_is_replaced_by_a_short_notice_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever a future change puts in a receipt, a refusal (400) is not retried for
    # two days: the reseller gets the folio and the outcome, the admins hear why.
    monkeypatch.setattr(views, "outcome_notice", lambda purchase, zone, after: ("🧾" * 4097, True))
    bot = Harness(make_settings(tmp_path))
    await bot.start()
    try:
        await bot.say(ADMIN, "/start")
        summary = await bot.reach(RESELLER, Step.CONFIRM)
        await bot.tap(RESELLER, "✅", summary.message_id)
        purchase = await only_purchase(bot)
        notice, alert = bot.last(RESELLER), bot.last_text(ADMIN)
        summary_now = bot.telegram.message(RESELLER, summary.message_id)
        seen = len(bot.events)
        await run_job(bot, REDELIVER_JOB)
        assert len(bot.events) == seen  # nothing retried
    finally:
        await bot.stop()

    assert text_of(notice).startswith(f"🧾 Recarga folio {purchase.folio}: ✅ Exitosa")
    assert "ya avisamos a los administradores" in text_of(notice)
    assert summary_now.reply_markup is None  # no live ✅ left behind
    assert "No se pudo entregar un recibo" in alert and "Message is too long" in alert
    assert purchase.notified_at is not None
    refused = refusals(bot.telegram)
    too_long = "Bad Request: message is too long"
    assert refused == [("editMessageText", too_long), ("sendMessage", too_long)]
