"""Money writes: on the disk before they return, without holding anyone else meanwhile.

A money write (a purchase reserved before it is sent, an outcome, a settlement) must
survive a power loss, so the write-ahead log is synced to the disk before it returns.
`synchronous = FULL` would do that inside the commit, with SQLite's write lock held:
a disk that stalls for a second would then hold every other user's next step too.

Here the commit is WAL's ordinary one (`NORMAL`: in the log, safe from a killed
process) and the sync follows it in the same trip to this connection's thread, after
the database lock has been handed back: the stall holds only the money writes. One
trip, not a second one for the sync: on a busy machine every hand-over to a thread
costs a few tenths of a millisecond, twice per ✅.

aiosqlite has no public call for "run this in the connection's thread", so this uses
`Connection._execute` (and `_conn`, the sqlite3 connection it wraps), kept to this
module; tests/test_storage_sync.py fails should a new aiosqlite change them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

import aiosqlite

logger = logging.getLogger(__name__)

# One slower than this means the disk is slow to sync, worth an operator's attention.
SLOW_MONEY_WRITE_SECONDS = 0.5

T = TypeVar("T")


def sync_file(path: Path) -> None:
    """Everything written to `path` so far is on the disk once this returns."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        if hasattr(os, "fdatasync"):  # Linux: the file's data, not its timestamps
            os.fdatasync(descriptor)
        else:
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def sync_log(database: Path) -> None:
    """Put every commit written so far on the disk: the write-ahead log holds them.

    With no log left (only the last connection's close removes it) its commits were
    copied into the database file, whose checkpoint synced it; syncing it again costs
    little and assumes nothing.
    """
    try:
        sync_file(database.with_name(database.name + "-wal"))
    except FileNotFoundError:
        sync_file(database)


def _check_pace(seconds: float) -> None:
    if seconds >= SLOW_MONEY_WRITE_SECONDS:
        logger.warning(
            "A money write took %.0f ms to reach the disk. "
            "A disk this slow to sync slows every purchase.",
            seconds * 1000,
        )


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():  # its waiter was cancelled
        return
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)


def _in_thread(connection: aiosqlite.Connection, function: Callable[[], T]) -> Awaitable[T]:
    """`function()` in the connection's own thread, after whatever it was given before."""
    submit = cast("Callable[[Callable[[], T]], Awaitable[T]]", connection._execute)
    return submit(function)


def _retrieve(trip: asyncio.Future[Any]) -> None:
    """A trip nobody awaits any more still ends; a failed sync is logged, not lost."""
    if not trip.cancelled() and (error := trip.exception()) is not None:
        logger.error("Syncing a money write failed after its caller left", exc_info=error)


@contextlib.asynccontextmanager
async def immediate(connection: aiosqlite.Connection) -> AsyncIterator[aiosqlite.Connection]:
    """BEGIN IMMEDIATE … COMMIT on `connection`, rolled back on any error."""
    await connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        await connection.rollback()
        raise
    await connection.commit()


class MoneyWriter:
    """The connection money writes go through; `lock` is the database's statement lock."""

    def __init__(self, connection: aiosqlite.Connection, path: Path, lock: asyncio.Lock) -> None:
        self._connection = connection
        self._path = path
        self._lock = lock
        # One money write in the thread at a time: the next one waits for the sync before
        # it takes the statement lock, so a stalled sync never holds that lock.
        self._turn = asyncio.Lock()

    async def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`work` (statements that commit on their own) in the connection's thread,
        then the sync; returns once both are done."""
        loop = asyncio.get_running_loop()
        committed: asyncio.Future[T] = loop.create_future()
        connection: sqlite3.Connection = self._connection._conn
        path = self._path

        def in_thread() -> float:
            changes = connection.total_changes
            try:
                result = work(connection)
            except BaseException as error:  # the caller's to handle, through `committed`
                loop.call_soon_threadsafe(_settle, committed, None, error)
                return 0.0
            loop.call_soon_threadsafe(_settle, committed, result, None)
            if connection.total_changes == changes:  # wrote nothing (a tap refused)
                return 0.0
            started = time.perf_counter()
            sync_log(path)
            return time.perf_counter() - started

        async with self._turn:
            async with self._lock:
                trip = asyncio.ensure_future(_in_thread(self._connection, in_thread))
                try:
                    result = await committed
                except BaseException:
                    # The statement failed (it reached us through `committed`), or we were
                    # cancelled and it runs on: a writer meanwhile waits in SQLite's
                    # busy handler instead of on the lock, and the trip still ends.
                    trip.add_done_callback(_retrieve)
                    raise
            try:
                seconds = await asyncio.shield(trip)
            except asyncio.CancelledError:
                trip.add_done_callback(_retrieve)
                raise
        _check_pace(seconds)
        return result

    def between_writes(self) -> asyncio.Lock:
        """Held, no money write is committed but not yet synced (see Database.reading)."""
        return self._turn

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT), rolled back on any error, on the
        disk once the block is left. For the rarer money writes of several statements."""
        async with self._turn:
            async with self._lock, immediate(self._connection) as connection:
                yield connection
            started = time.perf_counter()
            await _in_thread(self._connection, partial(sync_log, self._path))
            _check_pace(time.perf_counter() - started)
