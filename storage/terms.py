"""What a reseller's account allows: its kind and credit limit, commission, sale limits.

Terms are settings, not money: changing one books nothing in the ledger. Each change is
durable all the same, since the next ✅ is priced and allowed by it.
"""

from __future__ import annotations

import sqlite3

from bot.domain.clock import utcnow
from bot.domain.wallets import AccountKind, Commission, Reseller
from storage import rows
from storage.db import Database


class TermsRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def _update(
        self, user_id: int, sql: str, parameters: tuple[object, ...]
    ) -> Reseller | None:
        found = await self._db.write(
            lambda conn: conn.execute(
                f"UPDATE resellers SET {sql} WHERE user_id = ? RETURNING *",  # noqa: S608 - ours
                (*parameters, user_id),
            ).fetchone(),
            durable=True,
        )
        return rows.reseller(found) if found else None

    async def set_credit(
        self, user_id: int, account: AccountKind, credit_limit: int
    ) -> Reseller | None:
        return await self._update(
            user_id, "account = ?, credit_limit = ?", (account.value, credit_limit)
        )

    async def set_commission(
        self, user_id: int, airtime_bp: int | None, package_bp: int | None
    ) -> Reseller | None:
        """Their own rates (None: back to the default for all)."""
        return await self._update(
            user_id, "airtime_bp = ?, package_bp = ?", (airtime_bp, package_bp)
        )

    async def set_limits(
        self, user_id: int, max_per_sale: int | None, max_per_day: int | None
    ) -> Reseller | None:
        return await self._update(
            user_id, "max_per_sale = ?, max_per_day = ?", (max_per_sale, max_per_day)
        )

    async def set_default_commission(self, commission: Commission, admin_id: int) -> None:
        def store(conn: sqlite3.Connection) -> None:
            now = utcnow().isoformat()
            for kind, basis_points in (
                ("airtime", commission.airtime_bp),
                ("package", commission.package_bp),
            ):
                conn.execute(
                    "INSERT INTO commission_defaults (kind, basis_points, set_by, set_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (kind) DO UPDATE SET "
                    "basis_points = excluded.basis_points, set_by = excluded.set_by, "
                    "set_at = excluded.set_at",
                    (kind, basis_points, admin_id, now),
                )

        await self._db.write(store, durable=True)
