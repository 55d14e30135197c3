"""The update inbox on a real SQLite file: what is kept, what is handed over again."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from pathlib import Path

import pytest

from bot.usecases.inbox import UpdateInbox
from storage.db import Database
from storage.inbox import InboxRepository


def _update(update_id: int, text: str = "hola") -> tuple[int, str]:
    return update_id, json.dumps({"update_id": update_id, "message": {"text": text}})


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    yield db
    await db.close()


async def test_a_kept_batch_waits_in_order_until_handled(database: Database) -> None:
    inbox = InboxRepository(database)
    await inbox.keep([_update(12), _update(10), _update(11)])

    assert [json.loads(p)["update_id"] for p in await inbox.waiting()] == [10, 11, 12]

    await inbox.handled([10, 12])
    assert await inbox.waiting() == [_update(11)[1]]


async def test_a_batch_kept_twice_stays_as_first_kept(database: Database) -> None:
    inbox = InboxRepository(database)
    await inbox.keep([_update(10, "primero")])
    await inbox.keep([_update(10, "otra vez"), _update(11)])

    assert await inbox.waiting() == [_update(10, "primero")[1], _update(11)[1]]


async def test_handling_what_was_never_kept_changes_nothing(database: Database) -> None:
    inbox = InboxRepository(database)
    await inbox.keep([_update(10)])
    await inbox.handled([])
    await inbox.handled([99])

    assert await inbox.waiting() == [_update(10)[1]]


async def test_a_kept_batch_is_read_by_the_next_process(tmp_path: Path) -> None:
    path = tmp_path / "topup.sqlite3"
    db = await Database.open(path)
    await InboxRepository(db).keep([_update(7), _update(8)])
    # No close: the process dies here. Another connection reads the file as it is.
    with closing(sqlite3.connect(path)) as other:
        kept = list(other.execute("SELECT update_id FROM update_inbox ORDER BY update_id"))
    await db.close()

    assert kept == [(7,), (8,)]


async def test_handled_updates_leave_the_inbox_without_waiting_on_a_timer(
    database: Database,
) -> None:
    inbox = UpdateInbox(InboxRepository(database))
    await inbox.keep([_update(1), _update(2), _update(3)])
    inbox.handled(1)
    inbox.handled(3)
    await inbox.close()

    assert await inbox.waiting() == [_update(2)[1]]


async def test_an_update_handled_while_its_batch_is_being_kept_leaves_the_inbox(
    database: Database,
) -> None:
    inbox = UpdateInbox(InboxRepository(database))
    keeping = asyncio.ensure_future(inbox.keep([_update(5), _update(6)]))
    await asyncio.sleep(0)  # the batch is on its way to the disk
    inbox.handled(5)  # handled before its batch is on the disk
    await keeping
    await inbox.close()

    assert await inbox.waiting() == [_update(6)[1]]
