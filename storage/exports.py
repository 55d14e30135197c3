"""Reading a period's purchases and ledger movements for /exportar, a chunk at a time.

Each export reads through a connection of its own, opened read-only in the thread that
writes the file (bot/usecases/exports.py runs it with `asyncio.to_thread`): in WAL mode
it reads one consistent snapshot beside the writers and waits for none of them, and the
shared aiosqlite reader stays free for everyone else's steps. Rows come in the order
they happened, through an index (0015_exports.sql), never sorted in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from typing import Any

from bot.domain.exports import LedgerRow, PurchaseRow
from storage.db import Database

CHUNK = 2_000  # rows per fetchmany: a few hundred kilobytes at most

_PURCHASES = (
    "SELECT p.created_at, p.id, p.reseller_id, COALESCE(r.shop_name, p.reseller_name), "
    "p.phone, p.product_id, p.amount, p.cost, p.commission, p.status, "
    "p.distributor_transaction_id, p.transaction_id, p.reference, p.auth_code, "
    "p.settled_by_name, p.settled_by, p.settled_at "
    "FROM purchases p LEFT JOIN resellers r ON r.user_id = p.reseller_id "
    "WHERE p.created_at >= ? AND p.created_at < ?"
)
_LEDGER = (
    "SELECT l.created_at, l.id, l.reseller_id, r.shop_name, l.kind, l.amount, l.held, "
    "l.balance_after, l.held_after, l.purchase_id, l.deposit_id, l.note, l.actor_id "
    "FROM ledger l LEFT JOIN resellers r ON r.user_id = l.reseller_id "
    "WHERE l.created_at >= ? AND l.created_at < ?"
)


class ExportReader:
    """Opens a read-only snapshot of the bot's database file, one per export."""

    def __init__(self, database: Database) -> None:
        self._path = database.path

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        """One read transaction (blocking: open it in the thread that reads it): the
        purchases and the movements of an export are the same moment's."""
        uri = f"{self._path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as conn:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("BEGIN")
            try:
                yield Snapshot(conn)
            finally:
                conn.execute("COMMIT")


class Snapshot:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def purchases(
        self, start: datetime, end: datetime, reseller_id: int | None
    ) -> Iterator[list[PurchaseRow]]:
        """Purchases placed in [start, end), oldest first."""
        if reseller_id is None:
            sql = _PURCHASES + " ORDER BY p.created_at, p.id"
            parameters: tuple[object, ...] = (start.isoformat(), end.isoformat())
        else:
            sql = _PURCHASES + " AND p.reseller_id = ? ORDER BY p.created_at, p.id"
            parameters = (start.isoformat(), end.isoformat(), reseller_id)
        return self._chunks(sql, parameters)

    def ledger(
        self, start: datetime, end: datetime, reseller_id: int | None
    ) -> Iterator[list[LedgerRow]]:
        """Movements booked in [start, end), in the order they were booked. One
        reseller's come through ledger_by_reseller, in whose id order their running sums
        were written."""
        if reseller_id is None:
            sql = _LEDGER + " ORDER BY l.created_at, l.id"
            parameters: tuple[object, ...] = (start.isoformat(), end.isoformat())
        else:
            sql = _LEDGER + " AND l.reseller_id = ? ORDER BY l.id"
            parameters = (start.isoformat(), end.isoformat(), reseller_id)
        return self._chunks(sql, parameters)

    def _chunks(self, sql: str, parameters: tuple[object, ...]) -> Iterator[list[Any]]:
        """Rows as sqlite3 gives them: tuples in the order of the SELECT."""
        cursor = self._conn.execute(sql, parameters)
        try:
            while chunk := cursor.fetchmany(CHUNK):
                yield chunk
        finally:
            cursor.close()
