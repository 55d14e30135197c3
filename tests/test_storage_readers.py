"""A long report's read does not hold up anyone's step: slow reads have their own
connection beside the one every step reads its draft through."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.db import Database

# Counting to five million in SQL: a read that takes a good fraction of a second.
LONG = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) "
    "SELECT count(*) FROM n"
)


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    yield db
    await db.close()


async def test_a_step_reads_while_a_long_report_is_read(database: Database) -> None:
    report = asyncio.create_task(database.read(LONG, slow=True))
    await asyncio.sleep(0.05)  # the long read has started on its own connection
    step = await database.read("SELECT count(*) FROM drafts")

    assert step[0][0] == 0
    assert not report.done()  # the step's read did not wait for it
    assert (await report)[0][0] == 5_000_000
