"""The SQLite database: WAL mode, versioned migrations, reads and writes kept apart.

Writes go through writers (storage/writer.py): plain sqlite3 connections, each in a
thread of its own, one transaction per trip. Ordinary writes (drafts, the replay guard,
notices) commit as WAL's `synchronous = NORMAL` does: once committed they survive a
killed process. Money writes go through a durable writer of their own, which also puts
them on the disk before they return, without holding anyone else meanwhile. One lock
serialises the writers' transactions, so they never wait on each other in SQLite's busy
handler.

Reads go through an aiosqlite connection. In WAL mode they never wait for a writer.

A fourth connection checkpoints the write-ahead log every second, outside that lock:
SQLite lets a passive checkpoint run alongside writers. Left to the commits, a
checkpoint copies a thousand pages and syncs the file in the middle of whichever commit
crossed the threshold, and every user waits 30-60 ms behind it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import TypeVar

import aiosqlite

from storage.writer import PRAGMAS, Work, Writer, sync_file, sync_log

logger = logging.getLogger(__name__)

CHECKPOINT_EVERY_SECONDS = 1.0

T = TypeVar("T")


def migrations() -> list[tuple[int, str]]:
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
        for pragma in PRAGMAS:
            await connection.execute(pragma)
    except BaseException:
        await connection.close()  # its thread would otherwise outlive the failure
        raise
    return connection


class Database:
    """The connections to one file, shared by the repositories."""

    def __init__(
        self,
        path: Path,
        reader: aiosqlite.Connection,
        checkpointer: aiosqlite.Connection,
        writer: Writer,
        money: Writer,
        slow_reader: aiosqlite.Connection,
    ) -> None:
        self.path = path
        self._reader = reader
        self._slow_reader = slow_reader
        self._checkpointer = checkpointer
        self._writer = writer
        self._money = money
        self._checkpoints: asyncio.Task[None] | None = None

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = asyncio.Lock()
        writers = [Writer(path, lock, durable=False), Writer(path, lock, durable=True)]
        readers: list[aiosqlite.Connection] = []
        try:
            # The first connection turns WAL on; the writers set it up before the readers.
            for writer in writers:
                await writer.open()
            for _ in range(3):
                readers.append(await _connect(path))
        except BaseException:
            for reader in readers:
                await reader.close()
            for writer in writers:
                await writer.close()
            raise
        database = cls(path, readers[0], readers[1], writers[0], writers[1], readers[2])
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
        await self._checkpointer.close()
        await self._slow_reader.close()
        await self._money.close()
        await self._writer.close()
        await self._reader.close()

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
        rows = await self.read("PRAGMA user_version")
        current = int(rows[0][0]) if rows else 0
        for version, script in migrations():
            if version <= current:
                continue
            logger.info("Applying database migration %04d", version)
            # The version bump goes in the same transaction as the migration, so a crash
            # between the two cannot apply a migration twice.
            await self._writer.script(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
            current = version
        await asyncio.to_thread(sync_log, self.path)
        return current

    async def write(self, work: Work[T], *, durable: bool = False) -> T:
        """`work(connection)` as one write transaction, in a single trip to a writer's
        thread, rolled back if it raises.

        `durable` writes are on the disk before this returns, even across a power loss:
        a purchase reserved before sending, or an outcome, must never be undone.
        Everything else (drafts, replay guard, notices) can afford the cheaper commit.
        """
        return await (self._money if durable else self._writer).run(work)

    async def read(
        self, sql: str, parameters: tuple[object, ...] = (), *, slow: bool = False
    ) -> list[aiosqlite.Row]:
        """One query's rows, in one trip. `slow` reads (a report or a chart summing a
        month of every seller's sales: tenths of a second, a year's a second) go through
        a connection and a thread of their own, so nobody's next step, which reads its
        draft, waits behind them; WAL lets both read at once."""
        reader = self._slow_reader if slow else self._reader
        return list(await reader.execute_fetchall(sql, parameters))

    @asynccontextmanager
    async def reading(self, *, synced: bool = False) -> AsyncIterator[aiosqlite.Connection]:
        """The connection for reads of several statements.

        `synced` reads see no money write that is not on the disk yet: the one being
        synced finishes first, and the next waits. For what tells people an outcome
        (the retry job), which must never show one a power cut could still undo.
        """
        quiet = self._money.between_writes() if synced else contextlib.nullcontext()
        async with quiet:
            yield self._reader
