"""Every answer the provider can give, as the reseller, the admins and the ledger see it.

The sandbox picks its answer by the number's last four digits (bot/latcom/sandbox.py).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from bot.domain.drafts import Step
from bot.domain.phones import parse_phone
from bot.domain.purchases import Purchase, Reserved, Status, new_transaction_id
from bot.i18n import plain
from storage.purchases import PurchaseRepository
from tests.harness import ADMIN, RESELLER, Harness, text_of

DECLINES = {  # response code -> what the reseller is told to do next
    "05": "next.call_admin",
    "12": "next.retry_later",
    "13": "next.check_amount",
    "14": "next.check_amount",
    "51": "next.wait_for_funds",
    "83": "next.check_number",
    "91": "next.retry_later",
}
UNKNOWN_ENDINGS = {
    "9996": "code 96",
    "9971": "timeout",
    "9972": "dropped",
    "9973": "http 500",
    "9974": "html 502",
}
MAGIC_ENDINGS = [f"99{code}" for code in DECLINES] + [*UNKNOWN_ENDINGS, "9970", "9975"]
START_BALANCE = Decimal("100000.00")


def magic(ending: str) -> str:
    return f"55 1234 {ending}"


def assert_admins_alerted(bot: Harness, purchase: Purchase) -> None:
    [alert] = [
        text_of(message)
        for message in bot.telegram.bot_messages(ADMIN)
        if text_of(message).startswith("⚠️ Recarga pendiente de verificación")
    ]
    assert f"Folio: {purchase.folio}" in alert
    assert f"ID de transacción: {purchase.distributor_transaction_id}" in alert


@pytest.mark.parametrize("ending", MAGIC_ENDINGS)
def test_magic_numbers_are_valid_phones(ending: str) -> None:
    assert parse_phone(magic(ending)) == f"551234{ending}"


@pytest.mark.parametrize(("code", "next_step"), DECLINES.items())
async def test_decline_says_why_and_charges_nothing(
    bot: Harness, code: str, next_step: str
) -> None:
    await bot.say(ADMIN, "/start")  # so that an alert (code 51) can reach them
    receipt = await bot.buy(RESELLER, phone=magic(f"99{code}"))

    text = text_of(receipt)
    assert text.startswith("❌ Recarga rechazada — no se cobró.")
    assert plain("es", f"decline.{code}") in text.splitlines()
    assert f"👉 {plain('es', next_step)}" in text.splitlines()
    assert "código" not in text  # a plain reason, not the provider's code
    assert bot.sandbox.charges == {}
    assert bot.sandbox.balance == START_BALANCE
    [purchase] = await bot.purchases()
    assert (purchase.status, purchase.response_code) == (Status.DECLINED, code)
    assert f"Folio: {purchase.folio}" in text
    assert bot.sandbox.received == [purchase.distributor_transaction_id]


@pytest.mark.parametrize("ending", UNKNOWN_ENDINGS, ids=UNKNOWN_ENDINGS.values())
async def test_unknown_outcome_is_pending_and_raised_to_admins(bot: Harness, ending: str) -> None:
    await bot.say(ADMIN, "/start")
    receipt = await bot.buy(RESELLER, phone=magic(ending))

    text = text_of(receipt)
    assert text.startswith("⏳ Pendiente de verificación")
    assert "⚠️ No vuelvas a vender esta recarga todavía." in text
    [purchase] = await bot.purchases()
    assert purchase.status is Status.PENDING
    assert purchase.pending_reason
    assert f"Folio: {purchase.folio}" in text
    # Sent once and never again, although the sandbox did charge it.
    assert bot.sandbox.received == [purchase.distributor_transaction_id]
    assert list(bot.sandbox.charges) == [purchase.distributor_transaction_id]
    assert_admins_alerted(bot, purchase)
    assert f"Vendedor: Rita <Tienda> ({RESELLER})" in bot.last_text(ADMIN)


async def test_admins_are_alerted_in_the_language_they_write_in(bot: Harness) -> None:
    bot.telegram.add_user(ADMIN, first_name="Ana Admin", language_code="en-US")
    await bot.say(ADMIN, "/start")
    await bot.restart()  # kept in storage: after the restart the admin has said nothing

    await bot.buy(RESELLER, phone=magic("9996"))

    [purchase] = await bot.purchases()
    alerts = [text_of(message) for message in bot.telegram.bot_messages(ADMIN)]
    [alert] = [text for text in alerts if text.startswith("⚠️ Top-up pending verification")]
    assert f"Transaction ID: {purchase.distributor_transaction_id}" in alert
    assert f"Reseller: Rita <Tienda> ({RESELLER})" in alert
    assert not any(text.startswith("⚠️ Recarga pendiente") for text in alerts)


async def test_slow_answer_is_still_approved(bot: Harness) -> None:
    receipt = await bot.buy(RESELLER, phone=magic("9970"))
    assert text_of(receipt).startswith("✅ Recarga exitosa")
    [purchase] = await bot.purchases()
    assert purchase.status is Status.APPROVED
    assert len(bot.sandbox.charges) == 1


async def test_refused_session_logs_in_again_and_charges_once(bot: Harness) -> None:
    assert bot.sandbox.logins == 0
    receipt = await bot.buy(RESELLER, phone=magic("9975"))

    assert text_of(receipt).startswith("✅ Recarga exitosa")
    [purchase] = await bot.purchases()
    assert purchase.status is Status.APPROVED
    assert list(bot.sandbox.charges) == [purchase.distributor_transaction_id]
    assert bot.sandbox.received == [purchase.distributor_transaction_id]
    assert bot.sandbox.logins == 2  # the first login, and one more after the 401


async def test_purchase_in_flight_at_a_stop_is_pending_after_the_restart(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await bot.reach(RESELLER, Step.CONFIRM)
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None
    # Reserved as a confirm tap does, but the bot stops before sending it.
    purchases = PurchaseRepository(bot.database)
    placed = await purchases.reserve(draft.id, draft.version, RESELLER, new_transaction_id())
    assert isinstance(placed, Reserved)

    await bot.restart()

    [purchase] = await bot.purchases()
    assert purchase.status is Status.PENDING
    notice = bot.last_text(RESELLER)
    assert notice.startswith("⏳ El bot se reinició")
    assert "$100 MXN a 55 3768 6660" in notice
    assert f"(folio {purchase.folio})" in notice
    assert "pendiente de verificación" in notice
    assert "no la vuelvas a vender todavía" in notice
    assert_admins_alerted(bot, purchase)
    assert bot.sandbox.received == []  # never sent, and not sent at start-up either


async def test_the_provider_out_of_funds_alerts_every_admin_once_per_ten_minutes(
    bot: Harness,
) -> None:
    await bot.say(ADMIN, "/start")
    await bot.buy(RESELLER, phone="55 3768 6660")  # approved: the provider reports a balance
    [approved] = await bot.purchases()
    assert approved.balance_after is not None
    admin_seen = len(bot.telegram.bot_messages(ADMIN))

    declined = await bot.buy(RESELLER, phone="55 1234 9951", amount="30")
    # The reseller learns it is the distributor's account, not theirs, and who knows.
    assert "La cuenta del distribuidor con el proveedor se quedó sin saldo" in text_of(declined)
    assert "ya avisamos a los administradores" in text_of(declined)
    [alert] = [m.text or "" for m in bot.telegram.bot_messages(ADMIN)[admin_seen:]]
    assert "La cuenta con el proveedor no tiene saldo" in alert
    assert f"último saldo que informó el proveedor: {approved.balance_after}" in alert.lower()
    assert f"tras el folio {approved.folio}" in alert

    bot.pace.step(5)
    await bot.buy(RESELLER, phone="55 4321 9951", amount="40")  # still out: no new alert
    assert len(bot.telegram.bot_messages(ADMIN)) == admin_seen + 1

    await _age_the_last_alert(bot, minutes=10)
    await bot.buy(RESELLER, phone="55 5555 9951", amount="50")
    assert len(bot.telegram.bot_messages(ADMIN)) == admin_seen + 2


async def _age_the_last_alert(bot: Harness, minutes: int) -> None:
    outcomes = bot.services.outcomes
    assert outcomes._funds_alerted_at is not None
    outcomes._funds_alerted_at -= timedelta(minutes=minutes)
