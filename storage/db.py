"""The SQLite database: WAL mode, versioned migrations, one writer at a time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import aiosqlite

logger = logging.getLogger(__name__)

CHECKPOINT_EVERY_SECONDS = 1.0
# A money write is synced to disk, and every user's step waits behind it meanwhile: one
# slower than this means the disk is slow to sync, worth an operator's attention.
SLOW_MONEY_WRITE_SECONDS = 0.5


def _migrations() -> list[tuple[int, str]]:
    """The numbered `.sql` files shipped in `storage/migrations`, in order."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


async def _connect(path: Path) -> aiosqlite.Connection:
    connection = await aiosqlite.connect(path, isolation_level=None)
    try:
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute("PRAGMA synchronous = NORMAL")
        await connection.execute("PRAGMA foreign_keys = ON")
        await connection.execute("PRAGMA busy_timeout = 5000")
        # Checkpoints are the checkpointer's job (see Database), never a commit's.
        await connection.execute("PRAGMA wal_autocheckpoint = 0")
    except BaseException:
        await connection.close()  # its thread would otherwise outlive the failure
        raise
    return connection


def _check_pace(started: float) -> None:
    seconds = time.perf_counter() - started
    if seconds >= SLOW_MONEY_WRITE_SECONDS:
        logger.warning(
            "A money write took %.0f ms to reach the disk. "
            "A disk this slow to sync slows every purchase.",
            seconds * 1000,
        )


def _sync_file(path: Path) -> None:
    """Everything written to `path` so far is on the disk once this returns."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        if hasattr(os, "fdatasync"):  # Linux: the file's data, not its timestamps
            os.fdatasync(descriptor)
        else:
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_log(database: Path) -> None:
    """Put every commit written so far on the disk: the write-ahead log holds them.

    With no log left (only the last connection's close removes it) its commits were
    copied into the database file, whose checkpoint synced it; syncing it again costs
    little and assumes nothing.
    """
    try:
        _sync_file(database.with_name(database.name + "-wal"))
    except FileNotFoundError:
        _sync_file(database)


class Database:
    """Two aiosqlite connections to one file, shared by the repositories.

    Every commit goes through one connection in WAL's `synchronous = NORMAL`: once it
    returns, the commit is in the write-ahead log and survives a killed process. Money
    writes (a purchase reserved before it is sent, an outcome, a settlement) must also
    survive a power loss, so `durable` ones then sync the log to the disk before they
    return, as `synchronous = FULL` would. Unlike FULL, the sync runs after the lock is
    released: a disk that takes a second to sync holds the one purchase that waits on
    it, not every other user's next step.

    One lock serialises the statements: two coroutines' statements never land inside
    each other's transaction.

    The second connection checkpoints the write-ahead log every second, outside that
    lock: SQLite lets a passive checkpoint run alongside writers. Left to the commits, a
    checkpoint copies a thousand pages and syncs the file in the middle of whichever
    commit crossed the threshold, and every user waits 30-60 ms behind it.
    """

    def __init__(
        self, path: Path, connection: aiosqlite.Connection, checkpointer: aiosqlite.Connection
    ) -> None:
        self._path = path
        self._connection = connection
        self._checkpointer = checkpointer
        self._lock = asyncio.Lock()
        self._checkpoints: asyncio.Task[None] | None = None

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        opened: list[aiosqlite.Connection] = []
        try:
            for _ in range(2):
                opened.append(await _connect(path))
        except BaseException:
            for connection in opened:
                await connection.close()
            raise
        database = cls(path, *opened)
        try:
            await database.migrate()
            # The names of the file and its log must outlive a power loss too, or
            # nothing synced into them would.
            await asyncio.to_thread(_sync_file, path.parent)
        except BaseException:
            await database.close()
            raise
        database._checkpoints = asyncio.get_running_loop().create_task(
            database._checkpoint_every(CHECKPOINT_EVERY_SECONDS), name="sqlite-checkpoints"
        )
        return database

    async def close(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checkpoints
        # The last connection to close checkpoints what is left and removes the log.
        for connection in (self._checkpointer, self._connection):
            await connection.close()

    async def _sync(self) -> None:
        """Every commit so far is on the disk (see the class docstring)."""
        started = time.perf_counter()
        await asyncio.to_thread(_sync_log, self._path)
        _check_pace(started)

    async def _checkpoint_every(self, seconds: float) -> None:
        while True:
            await asyncio.sleep(seconds)
            try:
                await self.checkpoint()
            except Exception:
                # The log only grows until the next one succeeds: never worth stopping for.
                logger.exception("Checkpointing the database failed; will try again")

    async def checkpoint(self) -> tuple[int, int, int]:
        """Copy what the write-ahead log holds into the database file, alongside any
        writer (SQLite's PASSIVE mode). Returns (busy, pages in the log, pages copied)."""
        rows = await self._checkpointer.execute_fetchall("PRAGMA wal_checkpoint(PASSIVE)")
        busy, logged, copied = next(iter(rows))
        return int(busy), int(logged), int(copied)

    async def migrate(self) -> int:
        """Apply every migration newer than the file's `user_version`; return the version."""
        async with self._lock:
            cursor = await self._connection.execute("PRAGMA user_version")
            row = await cursor.fetchone()
            current = int(row[0]) if row else 0
            for version, script in _migrations():
                if version <= current:
                    continue
                logger.info("Applying database migration %04d", version)
                # executescript commits on its own; the version bump goes in the same script
                # so a crash between the two cannot re-apply a migration.
                await self._connection.executescript(
                    f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
                )
                current = version
        await self._sync()
        return current

    @asynccontextmanager
    async def transaction(self, *, durable: bool = False) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT), rolled back on any error.

        `durable` commits are on disk before this returns, even across a power loss:
        a purchase reserved before sending, or an outcome, must never be undone.
        Everything else (drafts, replay guard, notices) can afford the cheaper commit.
        """
        async with self._lock:
            connection = self._connection
            await connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                await connection.rollback()
                raise
            await connection.commit()
        if durable:
            await self._sync()

    async def execute(
        self, sql: str, parameters: tuple[object, ...] = (), *, durable: bool = False
    ) -> list[aiosqlite.Row]:
        """One statement, atomic on its own, in a single trip to the database thread.

        The hot path (a draft's step, the replay guard, a purchase reserved or completed)
        is one statement each; running it in autocommit mode spares the BEGIN and COMMIT
        round trips of `transaction`. `durable` is as for `transaction`.
        """
        async with self._lock:
            rows = list(await self._connection.execute_fetchall(sql, parameters))
        if durable:
            await self._sync()
        return rows

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """The connection for reads, never inside another coroutine's transaction."""
        async with self._lock:
            yield self._connection
