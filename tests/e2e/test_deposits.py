"""Deposits: a reseller reports one with its voucher's photo, every admin gets a card,
the first decision stands and credits once, and the reseller is told either way."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.domain.clock import utcnow
from bot.domain.deposits import DepositStatus
from bot.domain.drafts import Step
from bot.domain.wallets import MovementKind
from bot.jobs import DROP_DEPOSITS_JOB
from storage.deposits import DepositRepository
from tests.e2e.depositing import (
    PREPAID,
    SECOND_ADMIN,
    add_prepaid,
    deposits,
    ledger,
    photo_id,
    reported,
    wallet,
)
from tests.harness import ADMIN, RESELLER, STRANGER, Harness, make_settings, refusals, text_of


@pytest.fixture
async def two_admins(tmp_path: Path) -> AsyncIterator[Harness]:
    """The `bot` fixture's bot and checks, with a second admin and a prepaid reseller."""
    harness = Harness(make_settings(tmp_path, admin_ids=frozenset({ADMIN, SECOND_ADMIN})))
    harness.telegram.add_user(SECOND_ADMIN, first_name="Beto Admin", language_code="en")
    await harness.start()
    for admin in (ADMIN, SECOND_ADMIN):
        await harness.say(admin, "/start")
    await add_prepaid(harness)
    yield harness
    await harness.stop()
    assert refusals(harness.telegram) == []
    assert harness.telegram.unanswered_callback_queries() == []


AWAITING = (
    "📸 Depósito de $1,500.00. Ahora envía la foto del comprobante (banco o tienda). "
    "Si no llega en 30 minutos, el aviso se descarta."
)
SUBMITTED = (
    "📨 Enviamos tu depósito de $1,500.00 a los administradores. Te avisamos en cuanto lo revisen."
)
HOW = (
    "Para reportar un depósito, envía la foto del comprobante con el monto como pie de "
    "foto (ej. 1500), o escribe /deposito 1500 y después envía la foto."
)
NO_PENDING = f"📸 No tienes ningún depósito esperando su foto; no se registró nada.\n\n{HOW}"


async def test_a_deposit_and_its_photo_reach_every_admin_with_the_buttons(
    two_admins: Harness,
) -> None:
    bot = two_admins
    [waiting] = await bot.say(PREPAID, "/deposito 1,500")
    assert text_of(waiting) == AWAITING
    assert [d.status for d in await deposits(bot)] == [DepositStatus.AWAITING_PHOTO]
    assert bot.telegram.bot_messages(SECOND_ADMIN)[-1].photo == ()  # nothing yet

    [submitted] = await bot.send_photo(PREPAID)

    assert text_of(submitted) == SUBMITTED
    [stored] = await deposits(bot)
    assert (stored.status, stored.amount, stored.photo_file_id) == (
        DepositStatus.SUBMITTED,
        150_000,
        photo_id(bot),
    )
    spanish, english = bot.last(ADMIN), bot.last(SECOND_ADMIN)
    for card in (spanish, english):
        assert card.photo[-1]["file_id"] == photo_id(bot)
    assert text_of(spanish).splitlines()[:4] == [
        "💵 Depósito por aprobar",
        "",
        "Vendedor: Abarrotes Lupita (6)",
        "Monto: $1,500.00",
    ]
    assert text_of(english).startswith("💵 Deposit to approve\n\nReseller: Abarrotes Lupita (6)")
    assert [(b.text, b.callback_data) for b in spanish.buttons] == [
        ("✅ Aprobar", f"deposit:approve:{stored.id}"),
        ("❌ Rechazar", f"deposit:reject:{stored.id}"),
    ]
    assert [b.text for b in english.buttons] == ["✅ Approve", "❌ Reject"]
    assert await ledger(bot) == []  # reported is not credited


@pytest.mark.parametrize("caption", ["1500", "$1,500.00", "/deposito 1500", "/deposit 1,500"])
async def test_a_photo_with_the_amount_as_its_caption_reports_it(
    bot: Harness, caption: str
) -> None:
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot)
    [submitted] = await bot.send_photo(PREPAID, caption)
    assert text_of(submitted) == SUBMITTED
    assert [(d.status, d.amount) for d in await deposits(bot)] == [
        (DepositStatus.SUBMITTED, 150_000)
    ]
    assert "Monto: $1,500.00" in text_of(bot.last(ADMIN))


async def test_the_captions_amount_wins_over_the_reported_one(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot)
    await bot.say(PREPAID, "/deposito 500")
    await bot.send_photo(PREPAID, "1500")
    assert [(d.status, d.amount) for d in await deposits(bot)] == [
        (DepositStatus.SUBMITTED, 150_000)
    ]


async def test_approval_credits_the_wallet_and_tells_everyone(two_admins: Harness) -> None:
    bot = two_admins
    card, other = await reported(bot)

    await bot.tap(ADMIN, "✅ Aprobar", card.message_id)

    [approved] = await deposits(bot)
    assert (approved.status, approved.decided_by, approved.decided_by_name) == (
        DepositStatus.APPROVED,
        ADMIN,
        "Ana Admin",
    )
    [credit] = await ledger(bot)
    assert (credit.kind, credit.amount, credit.deposit_id, credit.actor_id) == (
        MovementKind.DEPOSIT,
        150_000,
        approved.id,
        ADMIN,
    )
    assert (await wallet(bot)).balance == 150_000
    assert text_of(bot.last(PREPAID)) == (
        "✅ Tu depósito de $1,500.00 fue aprobado.\nDisponible: $1,500.00"
    )
    assert bot.answers(ADMIN)[-1] == "Aprobado: $1,500.00 abonados a Abarrotes Lupita."
    # Every admin's card shows who decided, and has no buttons left.
    mine = bot.telegram.message(ADMIN, card.message_id)
    theirs = bot.telegram.message(SECOND_ADMIN, other.message_id)
    assert text_of(mine).startswith("✅ Depósito aprobado")
    assert text_of(mine).splitlines()[-1].startswith("Aprobó: Ana Admin, ")
    assert text_of(theirs).startswith("✅ Deposit approved")
    assert text_of(theirs).splitlines()[-1].startswith("Approved by Ana Admin, ")
    assert mine.buttons == theirs.buttons == []


async def test_rejection_credits_nothing_and_tells_the_reseller(two_admins: Harness) -> None:
    bot = two_admins
    card, other = await reported(bot)

    await bot.tap(SECOND_ADMIN, "❌ Reject", other.message_id)

    [rejected] = await deposits(bot)
    assert (rejected.status, rejected.decided_by) == (DepositStatus.REJECTED, SECOND_ADMIN)
    assert await ledger(bot) == []
    assert text_of(bot.last(PREPAID)).startswith(
        "❌ Tu depósito de $1,500.00 no fue aprobado; no se abonó nada."
    )
    assert bot.answers(SECOND_ADMIN)[-1] == "Rejected; nothing was added."
    assert (
        text_of(bot.telegram.message(ADMIN, card.message_id))
        .splitlines()[-1]
        .startswith("Rechazó: Beto Admin, ")
    )
    assert bot.telegram.message(ADMIN, card.message_id).buttons == []


async def test_a_second_decision_changes_nothing(two_admins: Harness) -> None:
    bot = two_admins
    card, other = await reported(bot)
    approve, reject = (b.callback_data or "" for b in card.buttons)
    await bot.tap(ADMIN, "✅ Aprobar", card.message_id)
    seller_told = len(bot.telegram.bot_messages(PREPAID))
    shown = bot.telegram.message(ADMIN, card.message_id)

    # An old client's buttons: approved again, then rejected after the approval.
    await bot.press_raw(ADMIN, card.message_id, approve)
    await bot.press_raw(SECOND_ADMIN, other.message_id, reject)

    assert bot.alerts(ADMIN)[-1].startswith("Este depósito ya lo aprobó Ana Admin el ")
    assert bot.alerts(ADMIN)[-1].endswith(". No cambió nada.")
    assert bot.alerts(SECOND_ADMIN)[-1].startswith("Ana Admin already approved this deposit on ")
    assert [d.status for d in await deposits(bot)] == [DepositStatus.APPROVED]
    assert len(await ledger(bot)) == 1
    assert len(bot.telegram.bot_messages(PREPAID)) == seller_told
    assert bot.telegram.message(ADMIN, card.message_id) == shown  # no edit at all


async def test_two_admins_approving_at_once_credit_once(
    two_admins: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = two_admins
    card, other = await reported(bot)
    # Both taps are in flight together: neither decides before the other has arrived.
    both_in = asyncio.Barrier(2)
    decide = DepositRepository.decide

    async def together(self: DepositRepository, *args: Any, **kwargs: Any) -> Any:
        async with asyncio.timeout(5):
            await both_in.wait()
        return await decide(self, *args, **kwargs)

    monkeypatch.setattr(DepositRepository, "decide", together)

    bot.telegram.press_button(ADMIN, "✅ Aprobar", card.message_id)
    bot.telegram.press_button(SECOND_ADMIN, "✅ Approve", other.message_id)
    await bot.wait_until_quiet()

    [credit] = await ledger(bot)
    [approved] = await deposits(bot)
    assert credit.deposit_id == approved.id
    assert (await wallet(bot)).balance == 150_000
    winner = ADMIN if approved.decided_by == ADMIN else SECOND_ADMIN
    assert approved.decided_by == winner
    loser = SECOND_ADMIN if winner == ADMIN else ADMIN
    assert bot.alerts(winner) == []
    [told] = bot.alerts(loser)
    assert f"{approved.decided_by_name} " in told
    assert "approved" in told or "aprobó" in told
    approvals = [m for m in bot.telegram.bot_messages(PREPAID) if "fue aprobado" in text_of(m)]
    assert len(approvals) == 1
    for admin, message in ((ADMIN, card), (SECOND_ADMIN, other)):
        assert bot.telegram.message(admin, message.message_id).buttons == []


async def test_two_decisions_at_once_in_storage_book_one_credit(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot)
    await bot.send_photo(PREPAID, "200")
    [submitted] = await deposits(bot)
    repository = DepositRepository(bot.database)
    results = await asyncio.gather(
        *(
            repository.decide(submitted.id, admin, f"Admin {admin}", approve=True, now=utcnow())
            for admin in (ADMIN, SECOND_ADMIN, ADMIN)
        )
    )
    assert sorted(type(result).__name__ for result in results) == [
        "AlreadyDecided",
        "AlreadyDecided",
        "Decided",
    ]
    assert [m.amount for m in await ledger(bot)] == [20_000]


async def test_deposito_without_an_amount_asks_for_it(bot: Harness) -> None:
    await add_prepaid(bot)
    [asked] = await bot.say(PREPAID, "/deposito")
    assert text_of(asked) == f"💵 ¿De cuánto fue tu depósito?\n\n{HOW}"
    assert await deposits(bot) == []


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("0", "El monto debe ser mayor que $0, ej. 1500. No se registró nada."),
        ("-500", "El monto debe ser mayor que $0, ej. 1500. No se registró nada."),
        ("mil", "«mil» no es un monto. Escribe pesos, ej. 1500 o 1,500.50. No se registró nada."),
        ("12.345", "«12.345» no es un monto. Escribe pesos, ej. 1500 o 1,500.50. "
         "No se registró nada."),
        ("2000000", "El monto es de hasta $1,000,000.00. Revisa la cantidad; no se registró "
         "nada."),
    ],
)  # fmt: skip
async def test_a_wrong_amount_records_nothing(bot: Harness, typed: str, told: str) -> None:
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot)
    [answer] = await bot.say(PREPAID, f"/deposito {typed}")
    assert text_of(answer) == told
    if typed in ("0", "-500", "2000000"):  # a caption that is a wrong amount, likewise
        [answer] = await bot.send_photo(PREPAID, typed)
        assert text_of(answer) == told
    assert await deposits(bot) == []
    assert bot.last(ADMIN).photo == ()


async def test_a_photo_with_no_deposit_waiting_records_nothing(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot)
    [plain] = await bot.send_photo(PREPAID)
    [captioned] = await bot.send_photo(PREPAID, "mi comprobante")  # a caption, no amount
    assert text_of(plain) == text_of(captioned) == NO_PENDING
    assert await deposits(bot) == []
    assert bot.last(ADMIN).photo == ()


def _later(monkeypatch: pytest.MonkeyPatch, minutes: int) -> datetime:
    later = utcnow() + timedelta(minutes=minutes)
    monkeypatch.setattr("bot.usecases.deposits.utcnow", lambda: later)
    return later


async def test_a_report_without_its_photo_is_dropped_after_30_minutes(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot)
    await bot.say(PREPAID, "/deposito 1500")
    assert bot.application is not None and bot.application.job_queue is not None
    [job] = bot.application.job_queue.get_jobs_by_name(DROP_DEPOSITS_JOB)

    _later(monkeypatch, 29)
    await job.run(bot.application)
    assert [d.status for d in await deposits(bot)] == [DepositStatus.AWAITING_PHOTO]

    _later(monkeypatch, 31)
    await job.run(bot.application)
    await bot.wait_until_quiet()

    assert [d.status for d in await deposits(bot)] == [DepositStatus.DROPPED]
    assert text_of(bot.last(PREPAID)) == (
        "⌛ Se descartó tu aviso de depósito de $1,500.00: la foto del comprobante no llegó "
        f"en 30 minutos.\n\n{HOW}"
    )
    [late] = await bot.send_photo(PREPAID)  # the photo it waited for comes too late
    assert text_of(late) == NO_PENDING
    assert bot.last(ADMIN).photo == ()


async def test_a_photo_after_30_minutes_finds_its_report_dropped(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot)
    await bot.say(PREPAID, "/deposito 1500")
    _later(monkeypatch, 31)  # before the job has run

    [late] = await bot.send_photo(PREPAID)

    assert text_of(late) == (
        "⌛ Tu aviso de depósito de $1,500.00 se descartó: su foto no llegó en 30 minutos. "
        f"No se registró nada.\n\n{HOW}"
    )
    assert [d.status for d in await deposits(bot)] == [DepositStatus.DROPPED]
    assert bot.last(ADMIN).photo == ()


async def test_photos_leave_a_top_up_in_progress_where_it_was(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await bot.reach(RESELLER, Step.AMOUNT)

    [told] = await bot.send_photo(RESELLER)
    assert text_of(told) == f"{NO_PENDING}\n\nTu recarga en curso sigue donde estaba."
    [voucher] = await bot.send_photo(RESELLER, "500")
    assert text_of(voucher).startswith("📨 Enviamos tu depósito de $500.00")

    [summary] = await bot.say(RESELLER, "100")  # the amount step, as before the photos
    await bot.tap(RESELLER, "✅", summary.message_id)
    assert text_of(bot.telegram.message(RESELLER, summary.message_id)).startswith(
        "✅ Recarga exitosa"
    )


async def test_a_suspended_reseller_may_still_report_a_deposit(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot)
    await bot.database.write(
        lambda conn: conn.execute(
            "UPDATE resellers SET status = 'suspended' WHERE user_id = ?", (PREPAID,)
        )
    )
    [submitted] = await bot.send_photo(PREPAID, "1500")
    assert text_of(submitted) == SUBMITTED
    await bot.tap(ADMIN, "✅ Aprobar", bot.last(ADMIN).message_id)
    assert (await wallet(bot)).balance == 150_000


async def test_only_resellers_report_and_only_admins_decide(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    [admin] = await bot.say(ADMIN, "/deposito 500")
    assert text_of(admin) == (
        "Solo los vendedores reportan depósitos. Para abonar saldo a un vendedor usa /abonar."
    )
    [stranger] = await bot.say(STRANGER, "/deposito 500")
    assert text_of(stranger).startswith("🚫 No tienes acceso")
    await add_prepaid(bot)
    [card] = await reported(bot)
    # A reseller forging an admin's button on a message of their own decides nothing.
    mine = bot.last(PREPAID).message_id
    await bot.press_raw(PREPAID, mine, "deposit:approve:1")
    assert bot.answers(PREPAID)[-1] == "Solo los administradores pueden usar este comando."
    assert [d.status for d in await deposits(bot)] == [DepositStatus.SUBMITTED]
    await bot.press_raw(ADMIN, card.message_id, "deposit:approve:999")
    assert bot.alerts(ADMIN)[-1] == "Este depósito no existe. No cambió nada."
    assert await ledger(bot) == []
