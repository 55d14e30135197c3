"""/vendedores: a page of resellers with their balances and today's sales, in three
indexed reads whatever the size of the ledger and the purchases.

A balance is the reseller's newest ledger row (`ledger_by_reseller`), never a sum over
their movements. Today's sales are found from the last purchase before the day started:
purchase ids grow with `created_at` (both are set in the writer's one transaction at a
time), so a reseller's sales of the day are a range of `purchases_by_reseller`.
"""

from __future__ import annotations

import json
from datetime import datetime

import aiosqlite

from bot.domain.resellers import PAGE_SIZE, ResellerLine, ResellerPage, pages_for
from bot.domain.wallets import CENTAVOS_PER_PESO
from storage import rows
from storage.db import Database

# A page of resellers by shop name, each with their newest ledger row: one index lookup
# per reseller (`ledger_by_reseller`), however long their ledger.
PAGE = (
    "SELECT shown.*, ledger.balance_after, ledger.held_after FROM ("
    "  SELECT * FROM resellers ORDER BY shop_name COLLATE NOCASE, user_id"
    "  LIMIT ? OFFSET ?) AS shown "
    "LEFT JOIN ledger ON ledger.id = "
    "  (SELECT max(id) FROM ledger WHERE reseller_id = shown.user_id) "
    "ORDER BY shown.shop_name COLLATE NOCASE, shown.user_id"
)
# The last purchase before the day began: read from the newest back, so it costs as many
# rows as the day has had purchases.
LAST_BEFORE = "SELECT id FROM purchases WHERE created_at < ? ORDER BY id DESC LIMIT 1"
# Approved sales of the page's resellers since then: a range of `purchases_by_reseller`.
SALES = (
    "SELECT reseller_id, count(*), sum(amount) FROM purchases "
    "WHERE reseller_id IN (SELECT value FROM json_each(?)) AND id > ? "
    "AND created_at >= ? AND status = 'approved' GROUP BY reseller_id"
)


class ResellerListRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def page(self, page: int, day_start: datetime) -> ResellerPage:
        """Page `page` (from 0; past the end, the last) of every reseller by shop name."""
        async with self._db.reading() as conn:
            cursor = await conn.execute("SELECT count(*) FROM resellers")
            total = int((await cursor.fetchone() or (0,))[0])
            pages = pages_for(total)
            page = min(max(page, 0), pages - 1)
            cursor = await conn.execute(PAGE, (PAGE_SIZE, page * PAGE_SIZE))
            found = await cursor.fetchall()
            ids = [int(row["user_id"]) for row in found]
            sales = await self._sales_since(conn, ids, day_start)
        lines = tuple(
            ResellerLine(
                reseller=rows.reseller(row),
                balance=int(row["balance_after"] or 0),
                held=int(row["held_after"] or 0),
                sales_today=sales.get(int(row["user_id"]), (0, 0))[0],
                sold_today=sales.get(int(row["user_id"]), (0, 0))[1],
            )
            for row in found
        )
        return ResellerPage(lines, page, pages, total)

    @staticmethod
    async def _sales_since(
        conn: aiosqlite.Connection, ids: list[int], since: datetime
    ) -> dict[int, tuple[int, int]]:
        """Approved sales of each of `ids` since `since`: how many, and their face amount
        in centavos."""
        if not ids:
            return {}
        cursor = await conn.execute(LAST_BEFORE, (since.isoformat(),))
        before = await cursor.fetchone()
        first_id = int(before[0]) if before else 0
        cursor = await conn.execute(SALES, (json.dumps(ids), first_id, since.isoformat()))
        return {
            int(row[0]): (int(row[1]), int(row[2]) * CENTAVOS_PER_PESO)
            for row in await cursor.fetchall()
        }
