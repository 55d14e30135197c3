"""Settling purchases pending verification: the list, the settlement, the reference asked.

A settlement is one atomic update of a row still pending, so of two admins settling
the same purchase one wins and the other is told who did it and when.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.domain.clock import utcnow
from bot.domain.purchases import Status
from bot.domain.settlement import (
    SETTLED_FAILED,
    NoSuchPurchase,
    NotPending,
    PendingPage,
    Prompt,
    Settled,
    SettleResult,
)
from storage import rows, wallets
from storage.db import Database


class SettlementRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def pending(
        self, limit: int, *, after: int = 0, before: int | None = None
    ) -> PendingPage:
        """A page of the purchases pending verification, oldest first: the first `limit`
        with an id above `after`, or with `before`, the last `limit` below it.

        Pages are keyed by purchase id, not by position: an admin settling purchases
        from one page shrinks the list, and "next" by position would then skip as many
        purchases as were settled.
        """
        async with self._db.reading() as conn:
            cursor = await conn.execute("SELECT COUNT(*) FROM purchases WHERE status = 'pending'")
            row = await cursor.fetchone()
            total = int(row[0]) if row else 0
            if before is None:
                cursor = await conn.execute(
                    "SELECT * FROM purchases WHERE status = 'pending' AND id > ? "
                    "ORDER BY id LIMIT ?",
                    (after, limit),
                )
                found = list(await cursor.fetchall())
            else:
                cursor = await conn.execute(
                    "SELECT * FROM purchases WHERE status = 'pending' AND id < ? "
                    "ORDER BY id DESC LIMIT ?",
                    (before, limit),
                )
                found = list(reversed(list(await cursor.fetchall())))
            earlier = 0
            if found:
                cursor = await conn.execute(
                    "SELECT COUNT(*) FROM purchases WHERE status = 'pending' AND id < ?",
                    (found[0]["id"],),
                )
                row = await cursor.fetchone()
                earlier = int(row[0]) if row else 0
        return PendingPage([rows.purchase(row) for row in found], total, earlier)

    async def settle(
        self,
        purchase_id: int,
        *,
        approved: bool,
        admin_id: int,
        admin_name: str,
        reference: str | None = None,
    ) -> SettleResult:
        """Settle a pending purchase once, on the disk before it returns.

        The reseller has not seen the settlement yet, so `notified_at` is cleared: the
        delivery tells them, now or on a later retry.
        """
        status, code = (Status.APPROVED, None) if approved else (Status.DECLINED, SETTLED_FAILED)

        def update(conn: sqlite3.Connection) -> SettleResult:
            row = conn.execute(
                "UPDATE purchases SET status = ?, response_code = COALESCE(?, response_code), "
                "reference = COALESCE(?, reference), settled_by = ?, settled_by_name = ?, "
                "settled_at = ?, notified_at = NULL "
                "WHERE id = ? AND status = 'pending' RETURNING *",
                (
                    status.value,
                    code,
                    reference,
                    admin_id,
                    admin_name,
                    utcnow().isoformat(),
                    purchase_id,
                ),
            ).fetchone()
            if row is not None:
                settled = rows.purchase(row)
                wallets.resolve_sale(conn, settled)  # charged → debit; not charged → release
                return Settled(settled)
            row = conn.execute("SELECT * FROM purchases WHERE id = ?", (purchase_id,)).fetchone()
            return NotPending(rows.purchase(row)) if row else NoSuchPurchase()

        return await self._db.write(update, durable=True)

    async def ask_reference(self, admin_id: int, purchase_id: int, message_id: int) -> None:
        """Remember that message `message_id` asked `admin_id` for a purchase's reference."""
        await self._db.write(
            lambda conn: conn.execute(
                "INSERT INTO settle_prompts (admin_id, message_id, purchase_id, asked_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (admin_id, message_id) DO UPDATE SET "
                "purchase_id = excluded.purchase_id, asked_at = excluded.asked_at",
                (admin_id, message_id, purchase_id, utcnow().isoformat()),
            )
        )

    async def take_prompt(self, admin_id: int, message_id: int | None = None) -> Prompt | None:
        """Close the question and return it: the one asked in `message_id`, or the
        admin's newest when None; None when there is no such open question. Whether it
        is too old to answer is the caller's to say."""

        def take(conn: sqlite3.Connection) -> Prompt | None:
            if message_id is None:
                row = conn.execute(
                    "DELETE FROM settle_prompts WHERE rowid = (SELECT rowid FROM "
                    "settle_prompts WHERE admin_id = ? ORDER BY asked_at DESC LIMIT 1) "
                    "RETURNING purchase_id, asked_at",
                    (admin_id,),
                ).fetchone()
            else:
                row = conn.execute(
                    "DELETE FROM settle_prompts WHERE admin_id = ? AND message_id = ? "
                    "RETURNING purchase_id, asked_at",
                    (admin_id, message_id),
                ).fetchone()
            if row is None:
                return None
            return Prompt(int(row["purchase_id"]), datetime.fromisoformat(row["asked_at"]))

        return await self._db.write(take)
