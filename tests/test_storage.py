"""Storage on a real temporary SQLite file: migrations, drafts, purchases."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import pytest

from bot.domain.catalog import get_product
from bot.domain.drafts import DraftStatus, Refusal, Step
from bot.domain.provider import Approved, Declined, Unknown
from bot.domain.purchases import Reserved, Status
from storage.db import Database
from storage.drafts import DraftRepository
from storage.purchases import PurchaseRepository
from tests.drafts_seed import confirmed_draft


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "nested" / "topup.sqlite3")
    yield db
    await db.close()


async def test_open_creates_folder_wal_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "db.sqlite3"
    db = await Database.open(path)
    try:
        async with db.reading() as conn:
            mode = await (await conn.execute("PRAGMA journal_mode")).fetchone()
            version = await (await conn.execute("PRAGMA user_version")).fetchone()
        assert path.exists()
        assert mode is not None and mode[0] == "wal"
        assert version is not None and version[0] >= 1
    finally:
        await db.close()


async def test_the_log_is_checkpointed_in_the_background_never_by_a_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit that checkpoints makes every user wait behind it; a background one not."""
    monkeypatch.setattr("storage.db.CHECKPOINT_EVERY_SECONDS", 0.05)
    path = tmp_path / "db.sqlite3"
    db = await Database.open(path)
    try:
        for durable in (False, True):
            rows = await db.write(
                lambda conn: conn.execute("PRAGMA wal_autocheckpoint").fetchall(), durable=durable
            )
            assert [int(row[0]) for row in rows] == [0]
        size = path.stat().st_size
        drafts = DraftRepository(db)
        for user_id in range(300):
            await drafts.start(user_id, user_id, "es")
        for _ in range(500):  # the drafts reach the database file within moments
            if path.stat().st_size > size:
                break
            await asyncio.sleep(0.01)
        assert path.stat().st_size > size
        busy, logged, copied = await db.checkpoint()
        assert busy == 0 and copied == logged
    finally:
        await db.close()
    assert not path.with_name(path.name + "-wal").exists()  # closing leaves no log behind


async def test_reopening_does_not_reapply_migrations(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    db = await Database.open(path)
    drafts = DraftRepository(db)
    await drafts.start(1, 1, "es")
    await db.close()
    db = await Database.open(path)
    try:
        assert await DraftRepository(db).current(1) is not None
        assert await db.migrate() >= 1
    finally:
        await db.close()


async def test_draft_steps_bump_version_and_clear_later_fields(database: Database) -> None:
    drafts = DraftRepository(database)
    draft = await drafts.start(5, 5, "en")
    assert draft.step is Step.PHONE and draft.lang == "en"
    with_phone = await drafts.save(draft.with_phone("5537686660"))
    assert with_phone is not None and with_phone.version == draft.version + 1
    package = get_product("MOVISTAR_PAQUETE_16")
    assert package is not None
    with_product = await drafts.save(with_phone.with_product(package))
    assert with_product is not None and with_product.amount == 30
    assert with_product.step is Step.CONFIRM
    new_phone = await drafts.save(with_product.with_phone("3312345678"))
    assert new_phone is not None
    assert (new_phone.phone, new_phone.product_id, new_phone.amount) == ("3312345678", None, None)


async def test_start_replaces_the_open_draft(database: Database) -> None:
    drafts = DraftRepository(database)
    first = await drafts.start(5, 5, "es")
    second = await drafts.start(5, 5, "es")
    current = await drafts.current(5)
    assert current is not None and current.id == second.id != first.id
    old = await drafts.get(first.id)
    assert old is not None and old.status is DraftStatus.REPLACED
    assert await drafts.save(first.with_phone("5537686660")) is None


async def test_cancel(database: Database) -> None:
    drafts = DraftRepository(database)
    assert await drafts.cancel(9) is None
    await drafts.start(9, 9, "es")
    cancelled = await drafts.cancel(9)
    assert cancelled is not None and cancelled.status is DraftStatus.CANCELLED
    assert await drafts.current(9) is None


async def test_reserve_is_written_before_sending_and_only_once(database: Database) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    draft_id, version = await confirmed_draft(drafts)
    results = await asyncio.gather(
        *(purchases.reserve(draft_id, version, 7, f"tg-{i}") for i in range(5))
    )
    reserved = [r for r in results if isinstance(r, Reserved)]
    assert len(reserved) == 1
    assert results.count(Refusal.ALREADY_PLACED) == 4
    purchase = reserved[0].purchase
    assert purchase.status is Status.SENDING
    assert (purchase.phone, purchase.product_id, purchase.amount) == (
        "5537686660",
        "MOVISTAR_PAQUETE_17",
        50,
    )
    stored = await purchases.by_transaction_id(purchase.distributor_transaction_id)
    assert stored is not None and stored.status is Status.SENDING
    placed = await drafts.get(draft_id)
    assert placed is not None and placed.status == "submitted"
    assert await drafts.current(7) is None


async def test_reserve_refuses_stale_foreign_and_cancelled(database: Database) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    draft_id, version = await confirmed_draft(drafts)
    assert await purchases.reserve(draft_id, version - 1, 7, "tg-a") is Refusal.CHANGED
    assert await purchases.reserve(draft_id, version, 8, "tg-b") is Refusal.NOT_YOURS
    assert await purchases.reserve(999, 1, 7, "tg-c") is Refusal.NOT_FOUND
    await drafts.cancel(7)
    assert await purchases.reserve(draft_id, version, 7, "tg-d") is Refusal.CANCELLED


async def test_complete_keeps_everything_the_provider_said(database: Database) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    result = await purchases.reserve(*await confirmed_draft(drafts), 7, "tg-x")
    assert isinstance(result, Reserved)
    approved = Approved("TXN-1", "RRN-1", "ABC123", Decimal("950.00"), {"response_code": "00"})
    done = await purchases.complete(result.purchase.id, approved)
    assert done.status is Status.APPROVED
    assert (done.transaction_id, done.reference, done.auth_code) == ("TXN-1", "RRN-1", "ABC123")
    assert done.balance_after == "950.00" and done.completed_at is not None
    # A finished purchase is never overwritten by a later outcome.
    again = await purchases.complete(result.purchase.id, Declined("51", "Fondos insuficientes"))
    assert again.status is Status.APPROVED


async def test_declined_and_unknown(database: Database) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    first = await purchases.reserve(*await confirmed_draft(drafts, 1), 1, "tg-1")
    # The same top-up again moments later: explicitly confirmed as a repeat.
    second = await purchases.reserve(
        *await confirmed_draft(drafts, 2), 2, "tg-2", allow_repeat=True
    )
    assert isinstance(first, Reserved) and isinstance(second, Reserved)
    declined = await purchases.complete(first.purchase.id, Declined("83", "DN invalido", 400))
    assert (declined.status, declined.response_code, declined.http_status) == (
        Status.DECLINED,
        "83",
        400,
    )
    pending = await purchases.complete(second.purchase.id, Unknown("read timeout"))
    assert pending.status is Status.PENDING and pending.pending_reason == "read timeout"


async def test_interrupted_purchases_become_pending(database: Database) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    result = await purchases.reserve(*await confirmed_draft(drafts), 7, "tg-crash")
    assert isinstance(result, Reserved)
    recovered = await purchases.interrupted("restart")
    assert [p.id for p in recovered] == [result.purchase.id]
    assert recovered[0].status is Status.PENDING
    assert await purchases.interrupted("restart") == []
