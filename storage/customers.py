"""Customers: people who verified their number with their own Telegram contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage.db import Database
from storage.models import parse_ts, utcnow


@dataclass(frozen=True, slots=True)
class Customer:
    user_id: int
    phone: str
    lang: str
    alerts: bool

    @classmethod
    def from_row(cls, row: Any) -> Customer:
        return cls(
            user_id=row["user_id"],
            phone=row["phone"],
            lang=row["lang"],
            alerts=bool(row["alerts"]),
        )


class CustomerRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def verify(self, user_id: int, phone: str, lang: str) -> Customer:
        """Keep `phone` as the user's verified number; their alerts setting stays as it was.

        Anyone else who verified the same number before loses it: Telegram just vouched
        that it belongs to this user now (numbers are recycled), and receipts and alerts
        must follow the number's current holder only.
        """
        async with self._db.transaction() as conn:
            await conn.execute(
                "DELETE FROM customers WHERE phone = ? AND user_id != ?", (phone, user_id)
            )
            await conn.execute("DELETE FROM contact_requests WHERE user_id = ?", (user_id,))
            cursor = await conn.execute(
                "INSERT INTO customers (user_id, phone, lang, verified_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET phone = excluded.phone, "
                "lang = excluded.lang, verified_at = excluded.verified_at RETURNING *",
                (user_id, phone, lang, utcnow().isoformat()),
            )
            row = await cursor.fetchone()
        return Customer.from_row(row)

    async def ask(self, user_id: int) -> None:
        """Remember that the user was just asked to share their contact."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO contact_requests (user_id, asked_at) VALUES (?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET asked_at = excluded.asked_at",
                (user_id, utcnow().isoformat()),
            )

    async def asked_since(self, user_id: int, since: datetime) -> bool:
        """Whether the user was asked for their contact after `since` and has not shared it."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT asked_at FROM contact_requests WHERE user_id = ?", (user_id,)
            )
            row = await cursor.fetchone()
        asked = parse_ts(row["asked_at"]) if row else None
        return asked is not None and asked >= since

    async def get(self, user_id: int) -> Customer | None:
        async with self._db.reading() as conn:
            cursor = await conn.execute("SELECT * FROM customers WHERE user_id = ?", (user_id,))
            row = await cursor.fetchone()
        return Customer.from_row(row) if row else None

    async def set_alerts(self, user_id: int, *, on: bool) -> Customer | None:
        """Turn the user's top-up notices on or off; None when they have no verified number."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE customers SET alerts = ? WHERE user_id = ? RETURNING *",
                (int(on), user_id),
            )
            row = await cursor.fetchone()
        return Customer.from_row(row) if row else None

    async def watching(self, phone: str) -> list[Customer]:
        """Who wants to hear about top-ups to `phone` (at most one person, by the schema)."""
        async with self._db.reading() as conn:
            cursor = await conn.execute(
                "SELECT * FROM customers WHERE phone = ? AND alerts = 1", (phone,)
            )
            rows = await cursor.fetchall()
        return [Customer.from_row(row) for row in rows]
