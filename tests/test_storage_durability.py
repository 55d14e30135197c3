"""Money writes reach the disk before they return, and a disk slow to take them holds
no one but the purchase that waits on it. On a real SQLite file; the disk's sync is
watched (and, to stall it, held) at `storage.money.sync_file`."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.domain.clock import utcnow
from bot.domain.provider import Approved
from bot.domain.purchases import Reserved, Status
from bot.domain.settlement import Settled
from storage import writer as money_module
from storage.db import Database
from storage.drafts import DraftRepository
from storage.notices import NoticeRepository
from storage.purchases import PurchaseRepository
from storage.settlements import SettlementRepository
from tests.drafts_seed import confirmed_draft

DEADLOCK_GUARD = 10.0  # seconds; only a hang ever gets near it


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, int]]:
    """Every file synced to the disk, with its size as it was synced."""
    seen: list[tuple[Path, int]] = []
    real = money_module.sync_file

    def watched(path: Path) -> None:
        seen.append((path, path.stat().st_size))
        real(path)

    monkeypatch.setattr(money_module, "sync_file", watched)
    return seen


@pytest.fixture
async def database(tmp_path: Path, synced: list[tuple[Path, int]]) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    synced.clear()  # opening syncs the migrations and the folder
    yield db
    await db.close()


def _log(database: Database) -> Path:
    return database.path.with_name(database.path.name + "-wal")


async def test_money_writes_are_on_the_disk_before_they_return_and_draft_steps_are_not(
    database: Database, synced: list[tuple[Path, int]]
) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    draft_id, version = await confirmed_draft(drafts, 7)
    assert synced == []  # a draft's steps survive a killed bot; a power loss may take them

    log_before = _log(database).stat().st_size
    reserved = await purchases.reserve(draft_id, version, 7, "tg-sync")
    assert isinstance(reserved, Reserved)
    # The log was synced after the reservation was written into it, before it returned.
    [(path, size)] = synced
    assert path == _log(database) and size > log_before

    approved = Approved("TXN-1", "RRN-1", "ABC123", Decimal("950.00"), {"response_code": "00"})
    synced.clear()
    done = await purchases.complete(reserved.purchase.id, approved)
    assert done.status is Status.APPROVED
    assert [path for path, _ in synced] == [_log(database)]


async def test_a_settlement_is_on_the_disk_before_it_returns(
    database: Database, synced: list[tuple[Path, int]]
) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    reserved = await purchases.reserve(*await confirmed_draft(drafts, 7), 7, "tg-settle")
    assert isinstance(reserved, Reserved)
    await purchases.interrupted("restart")  # pending verification
    synced.clear()
    settled = await SettlementRepository(database).settle(
        reserved.purchase.id, approved=True, admin_id=1, admin_name="Ana", reference="RRN-9"
    )
    assert isinstance(settled, Settled)
    assert [path for path, _ in synced] == [_log(database)]


class StalledDisk:
    """A disk whose next sync takes until `release()`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.syncing = threading.Event()
        self._released = threading.Event()
        real: Callable[[Path], None] = money_module.sync_file

        def stalled(path: Path) -> None:
            self.syncing.set()
            self._released.wait(DEADLOCK_GUARD)
            real(path)

        monkeypatch.setattr(money_module, "sync_file", stalled)

    async def started(self) -> None:
        assert await asyncio.to_thread(self.syncing.wait, DEADLOCK_GUARD)

    def release(self) -> None:
        self._released.set()


async def test_a_stalled_money_sync_holds_no_one_elses_steps(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    draft_id, version = await confirmed_draft(drafts, 7)
    disk = StalledDisk(monkeypatch)
    reserving = asyncio.create_task(purchases.reserve(draft_id, version, 7, "tg-stall"))
    try:
        await disk.started()
        # Another reseller walks a whole draft to its summary while the disk stalls.
        others = await asyncio.wait_for(confirmed_draft(drafts, 8), DEADLOCK_GUARD)
        assert others[1] > 1
        # The reservation itself waits for the disk: it is not sent before it is synced.
        assert not reserving.done()
    finally:
        disk.release()
    assert isinstance(await reserving, Reserved)


async def test_a_money_write_slow_to_reach_the_disk_is_logged(
    database: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(money_module, "SLOW_MONEY_WRITE_SECONDS", 0.05)
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    draft_id, version = await confirmed_draft(drafts, 7)
    disk = StalledDisk(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="storage.db"):
        reserving = asyncio.create_task(purchases.reserve(draft_id, version, 7, "tg-slow"))
        await disk.started()
        await asyncio.sleep(0.1)  # longer than the threshold set above
        disk.release()
        assert isinstance(await reserving, Reserved)  # slow, and still done
    [warning] = [record for record in caplog.records if "money write" in record.message]
    assert warning.levelno == logging.WARNING
    assert "A money write took" in warning.message and "to reach the disk" in warning.message


async def test_a_money_write_that_fails_is_not_synced_and_leaves_the_database_usable(
    database: Database, synced: list[tuple[Path, int]], caplog: pytest.LogCaptureFixture
) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    first = await purchases.reserve(*await confirmed_draft(drafts, 7), 7, "tg-same")
    assert isinstance(first, Reserved)
    synced.clear()
    with pytest.raises(sqlite3.IntegrityError):  # one distributor_transaction_id, one purchase
        await purchases.reserve(*await confirmed_draft(drafts, 8), 8, "tg-same", allow_repeat=True)
    assert synced == []
    # Nothing stays locked: the next reseller's purchase goes through, and is synced.
    other = await purchases.reserve(
        *await confirmed_draft(drafts, 9), 9, "tg-other", allow_repeat=True
    )
    assert isinstance(other, Reserved)
    assert [path for path, _ in synced] == [_log(database)]
    # The error reached its caller, once: nothing else logs it as lost.
    assert [record for record in caplog.records if record.levelno >= logging.ERROR] == []


async def test_a_money_write_that_writes_nothing_waits_for_no_disk(
    database: Database, synced: list[tuple[Path, int]]
) -> None:
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    draft_id, version = await confirmed_draft(drafts, 7)
    assert isinstance(await purchases.reserve(draft_id, version, 7, "tg-1"), Reserved)
    synced.clear()
    rows = await database.write(
        lambda conn: conn.execute(
            "UPDATE purchases SET status = 'approved' WHERE id = -1 RETURNING id"
        ).fetchall(),
        durable=True,
    )
    assert rows == [] and synced == []


async def test_a_money_write_whose_caller_leaves_mid_sync_still_ends(
    database: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Cancelled while its sync stalls (a shutdown, say): the purchase stays reserved,
    and the next money write waits for nothing but the disk."""
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    draft_id, version = await confirmed_draft(drafts, 7)
    disk = StalledDisk(monkeypatch)
    reserving = asyncio.create_task(purchases.reserve(draft_id, version, 7, "tg-left"))
    await disk.started()
    reserving.cancel()
    with pytest.raises(asyncio.CancelledError):
        await reserving
    disk.release()

    other = await asyncio.wait_for(
        purchases.reserve(*await confirmed_draft(drafts, 8), 8, "tg-next", allow_repeat=True),
        DEADLOCK_GUARD,
    )
    assert isinstance(other, Reserved)
    left = await purchases.by_transaction_id("tg-left")
    assert left is not None and left.status is Status.SENDING  # recovered as pending later
    assert [record for record in caplog.records if record.levelno >= logging.ERROR] == []


async def test_the_retry_job_never_sees_an_outcome_a_power_cut_could_undo(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An outcome committed but still syncing is not yet for telling; once on the disk,
    it is (the job shows what the seller has not seen)."""
    drafts, purchases = DraftRepository(database), PurchaseRepository(database)
    notices = NoticeRepository(database)
    reserved = await purchases.reserve(*await confirmed_draft(drafts, 7), 7, "tg-tell")
    assert isinstance(reserved, Reserved)
    disk = StalledDisk(monkeypatch)
    approved = Approved("TXN-1", "RRN-1", "ABC123", Decimal("950.00"), {"response_code": "00"})
    completing = asyncio.create_task(purchases.complete(reserved.purchase.id, approved))
    await disk.started()
    looking = asyncio.create_task(notices.unnotified(utcnow() - timedelta(days=1)))
    await asyncio.sleep(0.05)  # time enough to read, were it allowed to
    assert not looking.done()
    disk.release()
    await completing
    [seen] = await asyncio.wait_for(looking, DEADLOCK_GUARD)
    assert seen.status is Status.APPROVED
