"""Shared receipts: the token behind a customer's link, and the wrong tokens people try."""

from __future__ import annotations

import sqlite3

from bot.domain.clock import utcnow
from bot.domain.purchases import Purchase
from storage import rows
from storage.db import Database


class ShareRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def token_for(self, purchase_id: int, user_id: int, new_token: str) -> str:
        """The receipt's token: the one it already has, or `new_token` from now on."""

        def keep(conn: sqlite3.Connection) -> str:
            conn.execute(
                "INSERT INTO shares (token, purchase_id, created_by, created_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (purchase_id) DO NOTHING",
                (new_token, purchase_id, user_id, utcnow().isoformat()),
            )
            row = conn.execute(
                "SELECT token FROM shares WHERE purchase_id = ?", (purchase_id,)
            ).fetchone()
            return str(row["token"])  # inserted, or already there, in this transaction

        return await self._db.write(keep)

    async def shared(self, token: str) -> Purchase | None:
        """The receipt a token opens, if any."""
        found = await self._db.read(
            "SELECT purchases.* FROM shares "
            "JOIN purchases ON purchases.id = shares.purchase_id WHERE shares.token = ?",
            (token,),
        )
        return rows.purchase(found[0]) if found else None

    async def failures(self, user_id: int, since: float) -> int:
        """How many wrong tokens the user tried since `since` (Unix seconds)."""
        found = await self._db.read(
            "SELECT count(*) FROM share_failures WHERE user_id = ? AND failed_at >= ?",
            (user_id, since),
        )
        return int(found[0][0]) if found else 0

    async def failed(self, user_id: int, at: float, forget_before: float) -> None:
        """Record a wrong token; the user's failures older than `forget_before` go."""

        def record(conn: sqlite3.Connection) -> None:
            conn.execute(
                "DELETE FROM share_failures WHERE user_id = ? AND failed_at < ?",
                (user_id, forget_before),
            )
            conn.execute(
                "INSERT INTO share_failures (user_id, failed_at) VALUES (?, ?)", (user_id, at)
            )

        await self._db.write(record)
