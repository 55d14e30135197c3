"""The SQLite database: WAL mode, versioned migrations, one writer at a time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import aiosqlite

from storage.money import MoneyWriter, immediate, sync_file, sync_log

logger = logging.getLogger(__name__)

CHECKPOINT_EVERY_SECONDS = 1.0


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


class Database:
    """Three aiosqlite connections to one file, shared by the repositories.

    Every commit is WAL's `synchronous = NORMAL` one: once it returns, it is in the
    write-ahead log and survives a killed process, and costs no sync. Money writes go
    through a connection of their own that also syncs the log to the disk before they
    return, without holding anyone else meanwhile (storage/money.py).

    One lock serialises the statements: two coroutines' statements never land inside
    each other's transaction, and the connections never wait on each other's file lock.

    The third connection checkpoints the write-ahead log every second, outside that
    lock: SQLite lets a passive checkpoint run alongside writers. Left to the commits, a
    checkpoint copies a thousand pages and syncs the file in the middle of whichever
    commit crossed the threshold, and every user waits 30-60 ms behind it.
    """

    def __init__(
        self,
        path: Path,
        connection: aiosqlite.Connection,
        money: aiosqlite.Connection,
        checkpointer: aiosqlite.Connection,
    ) -> None:
        self._path = path
        self._connection = connection
        self._money_connection = money
        self._checkpointer = checkpointer
        self._lock = asyncio.Lock()
        self._money = MoneyWriter(money, path, self._lock)
        self._checkpoints: asyncio.Task[None] | None = None

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        opened: list[aiosqlite.Connection] = []
        try:
            for _ in range(3):
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
            await asyncio.to_thread(sync_file, path.parent)
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
        for connection in (self._checkpointer, self._money_connection, self._connection):
            await connection.close()

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
        await asyncio.to_thread(sync_log, self._path)
        return current

    @asynccontextmanager
    async def transaction(self, *, durable: bool = False) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT), rolled back on any error.

        `durable` commits are on disk before this returns, even across a power loss:
        a purchase reserved before sending, or an outcome, must never be undone.
        Everything else (drafts, replay guard, notices) can afford the cheaper commit.
        """
        if durable:
            async with self._money.transaction() as money:
                yield money
            return
        async with self._lock, immediate(self._connection) as connection:
            yield connection

    async def execute(
        self, sql: str, parameters: tuple[object, ...] = (), *, durable: bool = False
    ) -> list[aiosqlite.Row]:
        """One statement, atomic on its own, in a single trip to the database thread.

        The hot path (a draft's step, the replay guard, a purchase reserved or completed)
        is one statement each; running it in autocommit mode spares the BEGIN and COMMIT
        round trips of `transaction`. `durable` is as for `transaction`.
        """
        if durable:
            return await self._money.run(lambda money: money.execute(sql, parameters).fetchall())
        async with self._lock:
            return list(await self._connection.execute_fetchall(sql, parameters))

    @asynccontextmanager
    async def reading(self, *, synced: bool = False) -> AsyncIterator[aiosqlite.Connection]:
        """The connection for reads, never inside another coroutine's transaction.

        `synced` reads see no money write that is not on the disk yet: the one being
        synced finishes first, and the next waits. For what tells people an outcome
        (the retry job), which must never show one a power cut could still undo.
        """
        quiet = self._money.between_writes() if synced else contextlib.nullcontext()
        async with quiet, self._lock:
            yield self._connection
