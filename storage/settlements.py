"""Settling purchases pending verification: the list, the settlement, the reference asked.

A settlement is one atomic UPDATE of a row still 'pending', so of two admins settling
the same purchase one wins and the other is told who did it and when. Settled as failed
is stored as declined with response_code SETTLED_FAILED: nothing was charged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.db import Database
from storage.models import Purchase, utcnow

SETTLED_FAILED = "settled_failed"


@dataclass(frozen=True, slots=True)
class PendingPage:
    """Some of the purchases pending verification, oldest first."""

    purchases: list[Purchase]
    total: int  # pending now, on every page
    earlier: int  # pending before the first of this page

    @property
    def more_after(self) -> bool:
        return self.earlier + len(self.purchases) < self.total


@dataclass(frozen=True, slots=True)
class Prompt:
    """An admin was asked for the provider's reference of a purchase."""

    purchase_id: int
    asked_at: datetime


@dataclass(frozen=True, slots=True)
class Settled:
    purchase: Purchase


@dataclass(frozen=True, slots=True)
class NotPending:
    """Nothing changed: someone settled it already (see `settled_by_name`), or it was
    never pending."""

    purchase: Purchase


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
                rows = list(await cursor.fetchall())
            else:
                cursor = await conn.execute(
                    "SELECT * FROM purchases WHERE status = 'pending' AND id < ? "
                    "ORDER BY id DESC LIMIT ?",
                    (before, limit),
                )
                rows = list(reversed(list(await cursor.fetchall())))
            earlier = 0
            if rows:
                cursor = await conn.execute(
                    "SELECT COUNT(*) FROM purchases WHERE status = 'pending' AND id < ?",
                    (rows[0]["id"],),
                )
                row = await cursor.fetchone()
                earlier = int(row[0]) if row else 0
        return PendingPage([Purchase.from_row(row) for row in rows], total, earlier)

    async def settle(
        self,
        purchase_id: int,
        *,
        approved: bool,
        admin_id: int,
        admin_name: str,
        reference: str | None = None,
    ) -> Settled | NotPending | None:
        """Settle a pending purchase once; None if there is no such purchase.

        The reseller has not seen the settlement yet, so `notified_at` is cleared: the
        delivery tells them, now or on a later retry.
        """
        status, code = ("approved", None) if approved else ("declined", SETTLED_FAILED)
        async with self._db.transaction(durable=True) as conn:
            cursor = await conn.execute(
                "UPDATE purchases SET status = ?, response_code = COALESCE(?, response_code), "
                "reference = COALESCE(?, reference), settled_by = ?, settled_by_name = ?, "
                "settled_at = ?, notified_at = NULL "
                "WHERE id = ? AND status = 'pending' RETURNING *",
                (status, code, reference, admin_id, admin_name, utcnow().isoformat(), purchase_id),
            )
            row = await cursor.fetchone()
            if row is not None:
                return Settled(Purchase.from_row(row))
            cursor = await conn.execute("SELECT * FROM purchases WHERE id = ?", (purchase_id,))
            row = await cursor.fetchone()
        return NotPending(Purchase.from_row(row)) if row else None

    async def ask_reference(self, admin_id: int, purchase_id: int, message_id: int) -> None:
        """Remember that message `message_id` asked `admin_id` for a purchase's reference."""
        await self._db.execute(
            "INSERT INTO settle_prompts (admin_id, message_id, purchase_id, asked_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (admin_id, message_id) DO UPDATE SET "
            "purchase_id = excluded.purchase_id, asked_at = excluded.asked_at",
            (admin_id, message_id, purchase_id, utcnow().isoformat()),
        )

    async def take_prompt(self, admin_id: int, message_id: int | None = None) -> Prompt | None:
        """Close the question and return it: the one asked in `message_id`, or the
        admin's newest when None; None when there is no such open question. Whether it
        is too old to answer is the caller's to say."""
        if message_id is None:
            rows = await self._db.execute(
                "DELETE FROM settle_prompts WHERE rowid = (SELECT rowid FROM settle_prompts "
                "WHERE admin_id = ? ORDER BY asked_at DESC LIMIT 1) "
                "RETURNING purchase_id, asked_at",
                (admin_id,),
            )
        else:
            rows = await self._db.execute(
                "DELETE FROM settle_prompts WHERE admin_id = ? AND message_id = ? "
                "RETURNING purchase_id, asked_at",
                (admin_id, message_id),
            )
        if not rows:
            return None
        return Prompt(int(rows[0]["purchase_id"]), datetime.fromisoformat(rows[0]["asked_at"]))
