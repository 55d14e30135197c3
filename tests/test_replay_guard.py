"""The replay guard's memory on a real SQLite file: claims, their saving, pruning."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain.clock import utcnow
from bot.usecases.replays import REMEMBERED, ReplayGuard
from storage.db import Database
from storage.updates import UpdateRepository


def UpdateLog(database: Database) -> ReplayGuard:  # noqa: N802 - reads as the thing it makes
    return ReplayGuard(UpdateRepository(database))


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    yield db
    await db.close()


async def test_an_update_is_handled_once_even_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    db = await Database.open(path)
    log = UpdateLog(db)
    assert log.claim(41) is True
    assert log.claim(41) is False
    assert log.claim(42) is True
    await log.close()  # as the bot stops: what is not stored yet is stored now
    await db.close()
    db = await Database.open(path)
    try:
        reopened = UpdateLog(db)
        await reopened.load()
        assert reopened.claim(41) is False
        assert reopened.claim(42) is False
        assert reopened.claim(43) is True
        await reopened.close()
    finally:
        await db.close()


async def _stored_updates(database: Database) -> list[int]:
    rows = await database.read("SELECT update_id FROM processed_updates ORDER BY update_id")
    return [int(row[0]) for row in rows]


async def _until_stored(database: Database, count: int) -> list[int]:
    """The stored ids once there are `count` of them (a save comes within moments)."""
    for _ in range(500):
        if len(stored := await _stored_updates(database)) >= count:
            return stored
        await asyncio.sleep(0.01)
    raise AssertionError(f"{count} update ids were not stored within 5 s")


async def test_claims_are_stored_together_a_moment_later(database: Database) -> None:
    log = UpdateLog(database)
    assert log.claim(7)
    assert log.claim(8)
    await asyncio.sleep(0)
    assert await _stored_updates(database) == []  # not yet: their handlers go first
    assert await _until_stored(database, 2) == [7, 8]
    assert log.claim(9)  # a claim after that save gets a save of its own
    assert await _until_stored(database, 3) == [7, 8, 9]
    await log.close()


async def test_a_failed_save_keeps_its_claims_for_the_next(
    database: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    log = UpdateLog(database)
    failed = asyncio.Event()

    async def disk_full(*_: object, **__: object) -> None:
        failed.set()
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patched:
        patched.setattr(database, "write", disk_full)
        log.claim(1)
        async with asyncio.timeout(5):
            await failed.wait()  # the save logged its failure in the same step
    assert "Could not store 1 update ids" in caplog.text
    log.claim(2)
    assert await _until_stored(database, 2) == [1, 2]
    await log.close()


async def test_memory_of_updates_is_bounded(database: Database) -> None:
    log = UpdateLog(database)
    for update_id in range(REMEMBERED + 5):
        assert log.claim(update_id)
    assert log.claim(REMEMBERED + 4) is False  # recent: still known
    assert log.claim(0) is True  # far older than any replay: forgotten
    await log.close()


async def test_prune_forgets_only_old_updates(database: Database) -> None:
    log = UpdateLog(database)
    log.claim(1)
    await log.close()
    assert await log.prune() == 0  # seen moments ago: it could still come again
    assert await UpdateRepository(database).prune(utcnow() + timedelta(seconds=1)) == 1
    fresh = UpdateLog(database)
    await fresh.load()
    assert fresh.claim(1) is True
    await fresh.close()
