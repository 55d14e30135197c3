"""Customers: people who verified their number with their own Telegram contact."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.domain.clock import utcnow
from bot.domain.customers import Customer
from storage import rows
from storage.db import Database


class CustomerRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def verify(self, user_id: int, phone: str, lang: str) -> Customer:
        """Keep `phone` as the user's verified number; their alerts setting stays as it was.

        Anyone else who verified the same number before loses it: Telegram just vouched
        that it belongs to this user now (numbers are recycled), and receipts and alerts
        must follow the number's current holder only.
        """

        def keep(conn: sqlite3.Connection) -> Customer:
            conn.execute(
                "DELETE FROM customers WHERE phone = ? AND user_id != ?", (phone, user_id)
            )
            conn.execute("DELETE FROM contact_requests WHERE user_id = ?", (user_id,))
            row = conn.execute(
                "INSERT INTO customers (user_id, phone, lang, verified_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET phone = excluded.phone, "
                "lang = excluded.lang, verified_at = excluded.verified_at RETURNING *",
                (user_id, phone, lang, utcnow().isoformat()),
            ).fetchone()
            return rows.customer(row)

        return await self._db.write(keep)

    async def ask(self, user_id: int) -> None:
        """Remember that the user was just asked to share their contact."""
        await self._db.write(
            lambda conn: conn.execute(
                "INSERT INTO contact_requests (user_id, asked_at) VALUES (?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET asked_at = excluded.asked_at",
                (user_id, utcnow().isoformat()),
            )
        )

    async def asked_since(self, user_id: int, since: datetime) -> bool:
        """Whether the user was asked for their contact after `since` and has not shared it."""
        found = await self._db.read(
            "SELECT asked_at FROM contact_requests WHERE user_id = ?", (user_id,)
        )
        asked = rows.parse_ts(found[0]["asked_at"]) if found else None
        return asked is not None and asked >= since

    async def get(self, user_id: int) -> Customer | None:
        found = await self._db.read("SELECT * FROM customers WHERE user_id = ?", (user_id,))
        return rows.customer(found[0]) if found else None

    async def set_alerts(self, user_id: int, *, on: bool) -> Customer | None:
        """Turn the user's top-up notices on or off; None when they have no verified number."""

        def update(conn: sqlite3.Connection) -> Customer | None:
            row = conn.execute(
                "UPDATE customers SET alerts = ? WHERE user_id = ? RETURNING *",
                (int(on), user_id),
            ).fetchone()
            return rows.customer(row) if row else None

        return await self._db.write(update)

    async def watching(self, phone: str) -> list[Customer]:
        """Who wants to hear about top-ups to `phone` (at most one person, by the schema)."""
        found = await self._db.read(
            "SELECT * FROM customers WHERE phone = ? AND alerts = 1", (phone,)
        )
        return [rows.customer(row) for row in found]
