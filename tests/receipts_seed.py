"""Purchases written straight into storage, for tests of receipt history that need many."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from bot.domain.purchases import Status
from storage.db import Database

START = datetime(2026, 11, 28, 20, 5, tzinfo=UTC)  # 14:05 in Mexico City


async def add_purchases(
    database: Database,
    count: int,
    *,
    reseller_id: int,
    phone: str = "5537686660",
    status: Status = Status.APPROVED,
    reseller_name: str | None = None,
    product_id: str = "MOVISTAR_TAE",
    amount: int = 100,
    start: datetime = START,
) -> list[int]:
    """`count` finished purchases one minute apart, oldest first; returns their folios."""
    approved = status is Status.APPROVED
    values = []
    for n in range(count):
        at = (start + timedelta(minutes=n)).isoformat()
        values.append(
            (
                f"seed-{reseller_id}-{phone}-{start.timestamp()}-{n}",
                reseller_id,
                reseller_name,
                reseller_id,
                phone,
                product_id,
                amount,
                status.value,
                at,
                at,
                at,  # the reseller saw it: nothing for the delivery job to resend
                at,  # and the admins heard of it, if it is pending
                f"TXN-SEED-{n}" if approved else None,
                f"RRN-SEED-{n}" if approved else None,
                f"AUTH{n:02d}" if approved else None,
                "1000.00" if approved else None,
            )
        )

    def insert(conn: sqlite3.Connection) -> list[int]:
        return [
            int(
                conn.execute(
                    "INSERT INTO purchases (distributor_transaction_id, reseller_id, "
                    "reseller_name, chat_id, lang, phone, product_id, amount, status, "
                    "created_at, completed_at, notified_at, admins_alerted_at, transaction_id, "
                    "reference, auth_code, balance_after) "
                    "VALUES (?, ?, ?, ?, 'es', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    row,
                ).fetchone()[0]
            )
            for row in values
        ]

    return await database.write(insert)
