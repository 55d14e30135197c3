"""Writes: a plain sqlite3 connection in a thread of its own, one transaction per trip.

Every write is a Python function run in the writer's thread inside BEGIN IMMEDIATE …
COMMIT: however many statements it takes, it costs one hand-over to the thread, and
its rule is plain Python (storage calls the domain's rules in there, so a check and the
write it allows are one transaction).

A durable writer (money: a purchase reserved before it is sent, an outcome, a
settlement) also puts the write-ahead log on the disk before the write returns, so a
power loss cannot undo it. `synchronous = FULL` would sync inside the commit, with
SQLite's write lock held: a disk that stalls for a second would hold every other user's
next step too. Here the commit is WAL's ordinary one (safe from a killed process), the
database lock is handed back as soon as it is done, and the sync follows in the same
trip: a stall holds only the money writes.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

# One slower than this means the disk is slow to sync, worth an operator's attention.
SLOW_MONEY_WRITE_SECONDS = 0.5

T = TypeVar("T")
Work = Callable[[sqlite3.Connection], T]


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


def connect(path: Path) -> sqlite3.Connection:
    """A connection as every one of ours is set up (in the thread that will use it)."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.row_factory = sqlite3.Row
        for pragma in PRAGMAS:
            connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    # Checkpoints are the checkpointer's job (storage/db.py), never a commit's.
    "PRAGMA wal_autocheckpoint = 0",
)


def _transaction(connection: sqlite3.Connection, work: Work[T]) -> T:
    connection.execute("BEGIN IMMEDIATE")
    try:
        result = work(connection)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return result


def _settle_future(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():  # its waiter was cancelled
        return
    if error is None:
        future.set_result(result)
    else:
        future.set_exception(error)


def _retrieve(trip: asyncio.Future[Any]) -> None:
    """A trip nobody awaits any more still ends; a failed sync is logged, not lost."""
    if not trip.cancelled() and (error := trip.exception()) is not None:
        logger.error("Syncing a money write failed after its caller left", exc_info=error)


def _check_pace(seconds: float) -> None:
    if seconds >= SLOW_MONEY_WRITE_SECONDS:
        logger.warning(
            "A money write took %.0f ms to reach the disk. "
            "A disk this slow to sync slows every purchase.",
            seconds * 1000,
        )


class Writer:
    """One connection, one thread. `lock` is the database's write lock, shared by its
    writers, so they never wait on each other in SQLite's busy handler."""

    def __init__(self, path: Path, lock: asyncio.Lock, *, durable: bool) -> None:
        self._path = path
        self._lock = lock
        self._durable = durable
        name = "sqlite-money" if durable else "sqlite-writer"
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._connection: sqlite3.Connection | None = None
        # Durable writes one at a time: the next one waits for the sync before it takes
        # the write lock, so a stalled sync never holds that lock.
        self._turn = asyncio.Lock()

    async def open(self) -> None:
        self._connection = await self._in_thread(lambda: connect(self._path))

    async def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            await self._in_thread(connection.close)
        self._executor.shutdown(wait=True)

    def _in_thread(self, function: Callable[[], T]) -> asyncio.Future[T]:
        return asyncio.get_running_loop().run_in_executor(self._executor, function)

    def _open_connection(self) -> sqlite3.Connection:
        if self._connection is None:
            raise RuntimeError("the writer is closed")
        return self._connection

    async def script(self, sql: str) -> None:
        """Run a script of statements as it stands (migrations), under the write lock."""
        connection = self._open_connection()
        async with self._lock:
            await self._in_thread(lambda: connection.executescript(sql))

    async def run(self, work: Work[T]) -> T:
        """`work(connection)` in one transaction in the writer's thread; returns what it
        returns. Durable: on the disk too before this returns."""
        connection = self._open_connection()
        if not self._durable:
            async with self._lock:
                return await self._in_thread(lambda: _transaction(connection, work))
        return await self._run_durable(connection, work)

    async def _run_durable(self, connection: sqlite3.Connection, work: Work[T]) -> T:
        loop = asyncio.get_running_loop()
        committed: asyncio.Future[T] = loop.create_future()
        path = self._path

        def in_thread() -> float:
            changes = connection.total_changes
            try:
                result = _transaction(connection, work)
            except BaseException as error:  # the caller's to handle, through `committed`
                loop.call_soon_threadsafe(_settle_future, committed, None, error)
                return 0.0
            loop.call_soon_threadsafe(_settle_future, committed, result, None)
            if connection.total_changes == changes:  # wrote nothing (a tap refused)
                return 0.0
            started = time.perf_counter()
            sync_log(path)
            return time.perf_counter() - started

        async with self._turn:
            async with self._lock:
                trip = self._in_thread(in_thread)
                try:
                    result = await committed
                except BaseException:
                    # The statement failed (it reached us through `committed`), or we were
                    # cancelled and it runs on: the next writer waits in SQLite's busy
                    # handler instead of on the lock, and the trip still ends.
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
        """Held, no durable write is committed but not yet on the disk."""
        return self._turn
