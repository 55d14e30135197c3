"""Shared receipts: the token behind a customer's link, and the wrong tokens people try."""

from __future__ import annotations

from storage.db import Database
from storage.models import Purchase, utcnow


class ShareRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def token_for(self, purchase_id: int, user_id: int, new_token: str) -> str:
        """The receipt's token: the one it already has, or `new_token` from now on."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO shares (token, purchase_id, created_by, created_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (purchase_id) DO NOTHING",
                (new_token, purchase_id, user_id, utcnow().isoformat()),
            )
            cursor = await conn.execute(
                "SELECT token FROM shares WHERE purchase_id = ?", (purchase_id,)
            )
            row = await cursor.fetchone()
        assert row is not None  # noqa: S101 - inserted or already there, in this transaction
        return str(row["token"])

    async def shared(self, token: str) -> Purchase | None:
        """The receipt a token opens, if any."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT purchases.* FROM shares "
                "JOIN purchases ON purchases.id = shares.purchase_id WHERE shares.token = ?",
                (token,),
            )
            row = await cursor.fetchone()
        return Purchase.from_row(row) if row else None

    async def failures(self, user_id: int, since: float) -> int:
        """How many wrong tokens the user tried since `since` (Unix seconds)."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT count(*) FROM share_failures WHERE user_id = ? AND failed_at >= ?",
                (user_id, since),
            )
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def failed(self, user_id: int, at: float, forget_before: float) -> None:
        """Record a wrong token; the user's failures older than `forget_before` go."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "DELETE FROM share_failures WHERE user_id = ? AND failed_at < ?",
                (user_id, forget_before),
            )
            await conn.execute(
                "INSERT INTO share_failures (user_id, failed_at) VALUES (?, ?)", (user_id, at)
            )
