"""Storage of money safety on a real SQLite file: the repeat guard, settlements, and
whether each outcome was seen. (Replayed updates: test_replay_guard.py.)"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from importlib import resources
from pathlib import Path

import aiosqlite
import pytest

from bot.domain.catalog import get_product
from bot.domain.clock import utcnow
from bot.domain.provider import Approved, Declined, Unknown
from bot.domain.purchases import REPEAT_WINDOW, Purchase, Repeat, Reserved, Status
from bot.domain.settlement import SETTLED_FAILED, NoSuchPurchase, NotPending, Settled
from storage import rows
from storage.db import Database
from storage.drafts import DraftRepository
from storage.notices import NoticeRepository
from storage.purchases import PurchaseRepository
from storage.settlements import SettlementRepository


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    yield db
    await db.close()


async def _buy(
    database: Database,
    user_id: int,
    *,
    phone: str = "5537686660",
    product_id: str = "MOVISTAR_TAE",
    amount: int = 100,
    allow_repeat: bool = False,
) -> Reserved | Repeat:
    drafts = DraftRepository(database)
    draft = await drafts.start(user_id, user_id, "es")
    with_phone = await drafts.save(draft.with_phone(phone))
    assert with_phone is not None
    product = get_product(product_id)
    assert product is not None
    confirmed = await drafts.save(with_phone.with_product(product).with_amount(amount))
    assert confirmed is not None
    result = await PurchaseRepository(database).reserve(
        confirmed.id,
        confirmed.version,
        user_id,
        f"tg-{user_id}-{draft.id}",
        seller_name=f"Seller {user_id}",
        allow_repeat=allow_repeat,
    )
    assert isinstance(result, Reserved | Repeat), result
    return result


async def _bought(database: Database, user_id: int, phone: str = "5537686660") -> Purchase:
    result = await _buy(database, user_id, phone=phone)
    assert isinstance(result, Reserved)
    return result.purchase


async def _age(database: Database, purchase: Purchase, by: timedelta) -> None:
    await database.write(
        lambda conn: conn.execute(
            "UPDATE purchases SET created_at = ? WHERE id = ?",
            ((purchase.created_at - by).isoformat(), purchase.id),
        )
    )


async def _pending(database: Database, user_id: int, phone: str) -> Purchase:
    purchase = await _bought(database, user_id, phone=phone)
    return await PurchaseRepository(database).complete(purchase.id, Unknown("read timeout"))


async def test_repeat_within_the_window_is_held_back_for_any_reseller(database: Database) -> None:
    first = await _bought(database, 1)
    again = await _buy(database, 2)
    assert isinstance(again, Repeat)
    assert again.earlier_at == first.created_at
    assert again.earlier_status is Status.SENDING
    assert (again.draft.phone, again.draft.amount, again.draft.status) == (
        "5537686660",
        100,
        "open",
    )
    assert [p.id for p in await _all(database)] == [first.id]


async def test_a_repeat_carries_the_time_the_earlier_receipt_shows(database: Database) -> None:
    first = await _bought(database, 1)
    await _age(database, first, timedelta(minutes=3))  # placed 3 min ago, answered now
    done = await PurchaseRepository(database).complete(first.id, Unknown("read timeout"))
    again = await _buy(database, 2)
    assert isinstance(again, Repeat)
    assert done.completed_at is not None and again.earlier_at == done.completed_at


async def test_repeat_confirmed_twice_is_placed(database: Database) -> None:
    await _bought(database, 1)
    second = await _buy(database, 1, allow_repeat=True)
    assert isinstance(second, Reserved)
    assert second.purchase.reseller_name == "Seller 1"


@pytest.mark.parametrize(
    ("phone", "product_id", "amount", "held_back"),
    [
        ("3312345678", "MOVISTAR_TAE", 100, False),
        ("5537686660", "MOVISTAR_TAE", 150, False),
        ("5537686660", "MOVISTAR_PAQUETE_17", 100, False),
        ("5537686660", "MOVISTAR_TAE", 100, True),
    ],
)
async def test_only_the_same_phone_product_and_amount_is_a_repeat(
    database: Database, phone: str, product_id: str, amount: int, held_back: bool
) -> None:
    await _bought(database, 1)
    result = await _buy(database, 2, phone=phone, product_id=product_id, amount=amount)
    assert isinstance(result, Repeat) is held_back


async def test_declined_and_old_purchases_are_no_repeat(database: Database) -> None:
    purchases = PurchaseRepository(database)
    declined = await _bought(database, 1)
    await purchases.complete(declined.id, Declined("51", "Fondos insuficientes", 402))
    assert isinstance(await _buy(database, 2), Reserved)

    old = await _bought(database, 3, phone="3312345678")
    await purchases.complete(old.id, Approved("TXN-1", "RRN-1", "AUTH01", None))
    await _age(database, old, REPEAT_WINDOW + timedelta(seconds=1))
    assert isinstance(await _buy(database, 4, phone="3312345678"), Reserved)
    recent = await _bought(database, 5, phone="8112345678")
    await purchases.complete(recent.id, Approved("TXN-2", "RRN-2", "AUTH02", None))
    await _age(database, recent, REPEAT_WINDOW - timedelta(seconds=30))
    assert isinstance(await _buy(database, 6, phone="8112345678"), Repeat)


async def test_pending_and_approved_earlier_purchases_are_repeats(database: Database) -> None:
    await _pending(database, 1, "5537686660")
    held = await _buy(database, 2)
    assert isinstance(held, Repeat) and held.earlier_status is Status.PENDING


async def test_pending_or_in_flight_purchases_hold_a_repeat_back_at_any_age(
    database: Database,
) -> None:
    pending = await _pending(database, 1, "5537686660")
    await _age(database, pending, timedelta(days=3))
    held = await _buy(database, 2)
    assert isinstance(held, Repeat) and held.earlier_status is Status.PENDING
    sending = await _bought(database, 3, phone="3312345678")
    await _age(database, sending, timedelta(days=3))
    held = await _buy(database, 4, phone="3312345678")
    assert isinstance(held, Repeat) and held.earlier_status is Status.SENDING


async def test_two_resellers_at_once_cannot_both_slip_past_the_guard(database: Database) -> None:
    results = await asyncio.gather(*(_buy(database, user_id) for user_id in (1, 2, 3)))
    assert sum(isinstance(result, Reserved) for result in results) == 1


async def _all(database: Database) -> list[Purchase]:
    async with database.reading() as conn:
        cursor = await conn.execute("SELECT * FROM purchases ORDER BY id")
        return [rows.purchase(row) for row in await cursor.fetchall()]


async def test_pending_lists_oldest_first_in_pages(database: Database) -> None:
    phones = [f"55123456{n:02d}" for n in range(7)]
    pending = [await _pending(database, n + 1, phone) for n, phone in enumerate(phones)]
    await _bought(database, 50, phone="3312345678")  # still sending: not listed
    settlements = SettlementRepository(database)
    first = await settlements.pending(5)
    second = await settlements.pending(5, after=first.purchases[-1].id)
    back = await settlements.pending(5, before=second.purchases[0].id)
    assert (first.total, first.earlier, first.more_after) == (7, 0, True)
    assert (second.earlier, second.more_after) == (5, False)
    assert [p.id for p in first.purchases + second.purchases] == [p.id for p in pending]
    assert back.purchases == first.purchases


async def test_settling_from_a_page_never_makes_the_next_one_skip_any(
    database: Database,
) -> None:
    pending = [await _pending(database, n + 1, f"55123456{n:02d}") for n in range(12)]
    settlements = SettlementRepository(database)
    first = await settlements.pending(5)
    for purchase in first.purchases[:3]:  # settled from the page on screen
        await settlements.settle(purchase.id, approved=False, admin_id=9, admin_name="Ana")

    second = await settlements.pending(5, after=first.purchases[-1].id)

    assert [p.id for p in second.purchases] == [p.id for p in pending[5:10]]
    assert (second.total, second.earlier) == (9, 2)


async def test_a_purchase_is_settled_once(database: Database) -> None:
    purchase = await _pending(database, 1, "5537686660")
    settlements = SettlementRepository(database)
    settled = await settlements.settle(
        purchase.id, approved=True, admin_id=9, admin_name="Ana", reference="RRN-1"
    )
    assert isinstance(settled, Settled)
    done = settled.purchase
    assert (done.status, done.reference, done.settled_by, done.settled_by_name) == (
        Status.APPROVED,
        "RRN-1",
        9,
        "Ana",
    )
    assert done.settled_at is not None and done.notified_at is None

    again = await settlements.settle(purchase.id, approved=False, admin_id=8, admin_name="Bob")
    assert isinstance(again, NotPending)
    assert (again.purchase.status, again.purchase.settled_by_name) == (Status.APPROVED, "Ana")
    assert (
        await settlements.settle(999, approved=True, admin_id=9, admin_name="Ana")
        == NoSuchPurchase()
    )


async def test_settled_failed_is_declined_with_its_code(database: Database) -> None:
    purchase = await _pending(database, 1, "5537686660")
    settlements = SettlementRepository(database)
    results = await asyncio.gather(
        settlements.settle(purchase.id, approved=False, admin_id=9, admin_name="Ana"),
        settlements.settle(purchase.id, approved=True, admin_id=8, admin_name="Bob"),
    )
    assert [type(result) for result in results] == [Settled, NotPending]
    failed = results[0]
    assert isinstance(failed, Settled)
    assert (failed.purchase.status, failed.purchase.response_code) == (
        Status.DECLINED,
        SETTLED_FAILED,
    )
    # Not charged, so the same top-up may be sold again without a warning.
    assert isinstance(await _buy(database, 2), Reserved)


async def test_settling_what_was_never_pending_changes_nothing(database: Database) -> None:
    sending = await _bought(database, 1)
    result = await SettlementRepository(database).settle(
        sending.id, approved=False, admin_id=9, admin_name="Ana"
    )
    assert isinstance(result, NotPending) and result.purchase.status is Status.SENDING


async def test_outcome_is_marked_seen_only_as_it_was_shown(database: Database) -> None:
    notices = NoticeRepository(database)
    shown = await _pending(database, 1, "5537686660")
    assert [p.id for p in await notices.unnotified(utcnow() - timedelta(days=1))] == [shown.id]
    # A settlement landed while the pending receipt was on its way: it still has to be told.
    await SettlementRepository(database).settle(
        shown.id, approved=True, admin_id=9, admin_name="Ana"
    )
    assert await notices.mark_notified(shown, 7) is False
    [unseen] = await notices.unnotified(utcnow() - timedelta(days=1))
    assert unseen.settled_at is not None
    assert await notices.mark_notified(unseen, 8) is True
    assert await notices.unnotified(utcnow() - timedelta(days=1)) == []
    seen = await PurchaseRepository(database).get(shown.id)
    assert seen is not None and seen.message_id == 8 and seen.notified_at is not None


async def test_old_unseen_outcomes_are_no_longer_retried(database: Database) -> None:
    notices = NoticeRepository(database)
    await _pending(database, 1, "5537686660")
    assert await notices.unnotified(utcnow() + timedelta(seconds=1)) == []


async def test_reference_question_is_taken_once(database: Database) -> None:
    purchase = await _pending(database, 1, "5537686660")
    settlements = SettlementRepository(database)
    before = utcnow()
    await settlements.ask_reference(9, purchase.id, 100)
    assert await settlements.take_prompt(9, 999) is None  # a reply to another message
    taken = await settlements.take_prompt(9, 100)
    assert taken is not None and taken.purchase_id == purchase.id
    assert before <= taken.asked_at <= utcnow()
    assert await settlements.take_prompt(9, 100) is None  # answered once
    await settlements.ask_reference(9, purchase.id, 101)
    newest = await settlements.take_prompt(9)
    assert newest is not None and newest.purchase_id == purchase.id
    assert await settlements.take_prompt(9) is None


async def test_upgrade_does_not_resend_outcomes_shown_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    first = resources.files("storage.migrations").joinpath("0001_initial.sql").read_text()
    async with aiosqlite.connect(path) as conn:
        await conn.executescript(f"{first}\nPRAGMA user_version = 1;")
        await conn.execute(
            "INSERT INTO purchases (distributor_transaction_id, reseller_id, chat_id, lang, "
            "phone, product_id, amount, status, created_at, completed_at) VALUES "
            "('tg-old', 1, 1, 'es', '5537686660', 'MOVISTAR_TAE', 100, 'approved', ?, ?)",
            (utcnow().isoformat(), utcnow().isoformat()),
        )
        await conn.commit()
    db = await Database.open(path)
    try:
        assert await NoticeRepository(db).unnotified(utcnow() - timedelta(days=1)) == []
    finally:
        await db.close()
