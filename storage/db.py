"""The SQLite connection: WAL mode, versioned migrations, one writer at a time."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import aiosqlite

logger = logging.getLogger(__name__)


def _migrations() -> list[tuple[int, str]]:
    """The numbered `.sql` files shipped in `storage/migrations`, in order."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    return sorted(found)


class Database:
    """One aiosqlite connection shared by the repositories.

    A single connection is shared by every coroutine, so statements from two coroutines
    could land inside each other's transaction; the lock keeps each unit of work whole.
    """

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection
        self._lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection = await aiosqlite.connect(str(path), isolation_level=None)
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode = WAL")
        # WAL with NORMAL survives a killed process; only a power loss can undo the
        # last commits. Money writes ask for `durable=True` and are synced to disk.
        await connection.execute("PRAGMA synchronous = NORMAL")
        await connection.execute("PRAGMA foreign_keys = ON")
        await connection.execute("PRAGMA busy_timeout = 5000")
        database = cls(connection)
        try:
            await database.migrate()
        except BaseException:
            await connection.close()  # its thread would otherwise outlive the failure
            raise
        return database

    async def close(self) -> None:
        await self._connection.close()

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
            return current

    @asynccontextmanager
    async def transaction(self, *, durable: bool = False) -> AsyncIterator[aiosqlite.Connection]:
        """A write transaction (BEGIN IMMEDIATE … COMMIT), rolled back on any error.

        `durable` commits are on disk before this returns, even across a power loss:
        a purchase reserved before sending, or an outcome, must never be undone.
        Everything else (drafts, replay guard, notices) can afford the cheaper commit.
        """
        async with self._lock:
            if durable:
                await self._connection.execute("PRAGMA synchronous = FULL")
            try:
                await self._connection.execute("BEGIN IMMEDIATE")
                try:
                    yield self._connection
                except BaseException:
                    await self._connection.rollback()
                    raise
                await self._connection.commit()
            finally:
                if durable:
                    await self._connection.execute("PRAGMA synchronous = NORMAL")

    async def execute(self, sql: str, parameters: tuple[object, ...] = ()) -> list[aiosqlite.Row]:
        """One statement, atomic on its own, in a single trip to the database thread.

        The hot path (a draft's step, the replay guard) is one statement each; running it
        in autocommit mode spares the BEGIN and COMMIT round trips of `transaction`.
        """
        async with self._lock:
            return list(await self._connection.execute_fetchall(sql, parameters))

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[aiosqlite.Connection]:
        """The connection for reads, never inside another coroutine's transaction."""
        async with self._lock:
            yield self._connection
