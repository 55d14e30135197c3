"""Reading the ledger for people: a reseller's statement pages, the movements of one
sale, the number of sales still held, and every wallet added up for admins.

Every query here is an index seek whatever the ledger's size (1,000,000 rows in
`bench.statement`): a page walks `ledger_by_reseller` from its cursor, a resolved hold
is recognised through `ledger_one_resolution_per_purchase`, a sale's movements through
the two unique indexes per purchase, and a wallet is its reseller's newest row.
tests/test_storage_statements.py checks each plan.
"""

from __future__ import annotations

from typing import Any

from bot.domain.history import NEWEST, Direction
from bot.domain.purchases import Purchase, Status
from bot.domain.statements import (
    STATEMENT_PAGE_SIZE,
    AfterSale,
    LedgerPage,
    SaleFacts,
    StatementLine,
    Totals,
    after_sale,
)
from bot.domain.wallets import Movement
from storage import rows
from storage.db import Database

# What a statement line shows: the movement and, for a sale's, the sale. A hold whose
# sale is resolved is left out (bot/domain/statements.py says why).
_LINES = (
    "SELECT ledger.*, p.phone AS sale_phone, p.product_id AS sale_product, "
    "p.amount AS sale_face, p.status AS sale_status "
    "FROM ledger LEFT JOIN purchases AS p ON p.id = ledger.purchase_id "
    "WHERE ledger.reseller_id = ? AND {bound} AND NOT (ledger.kind = 'hold' AND EXISTS ("
    "SELECT 1 FROM ledger AS r WHERE r.purchase_id = ledger.purchase_id "
    "AND r.kind IN ('sale', 'release'))) "
)
_OLDER = _LINES.format(bound="ledger.id < ?") + "ORDER BY ledger.id DESC LIMIT ?"
_NEWER = _LINES.format(bound="ledger.id > ?") + "ORDER BY ledger.id ASC LIMIT ?"

# A sale's hold and its resolution, each through its own unique index (a plain
# `purchase_id = ?` would read the whole ledger: the indexes are partial).
_OF_PURCHASE = (
    "SELECT * FROM ledger WHERE purchase_id = ? AND kind = 'hold' "
    "UNION ALL "
    "SELECT * FROM ledger WHERE purchase_id = ? AND kind IN ('sale', 'release')"
)

# Sales whose cost is held: unsettled purchases (a small partial index) of the reseller
# that hold something. The unary + keeps SQLite off purchases_by_reseller, which would
# walk every sale they ever made.
_PENDING_SALES = (
    "SELECT COUNT(*) FROM purchases WHERE status IN ('sending', 'pending') "
    "AND +reseller_id = ? AND cost > 0"
)

# Each reseller's newest movement: one seek per reseller.
_TOTALS = (
    "SELECT COUNT(*) AS resellers, "
    "COALESCE(SUM(l.balance_after), 0) AS balances, "
    "COALESCE(SUM(MAX(l.balance_after, 0)), 0) AS in_favour, "
    "COALESCE(SUM(MIN(l.balance_after, 0)), 0) AS on_credit, "
    "COALESCE(SUM(l.held_after), 0) AS held "
    "FROM resellers AS r LEFT JOIN ledger AS l ON l.id = ("
    "SELECT id FROM ledger WHERE reseller_id = r.user_id ORDER BY id DESC LIMIT 1)"
)


def _line(row: Any) -> StatementLine:
    sale = None
    if row["purchase_id"] is not None and row["sale_phone"] is not None:
        sale = SaleFacts(
            row["purchase_id"],
            row["sale_phone"],
            row["sale_product"],
            row["sale_face"],
            Status(row["sale_status"]),
        )
    return StatementLine(rows.movement(row), sale)


class StatementRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def page(
        self,
        reseller_id: int,
        direction: Direction = Direction.OLDER,
        cursor: int = NEWEST,
        size: int = STATEMENT_PAGE_SIZE,
    ) -> LedgerPage:
        """The reseller's lines next to ledger id `cursor`, newest first; the first page
        by default."""
        cursor = max(0, min(cursor, NEWEST))
        older = direction is Direction.OLDER
        async with self._db.reading() as conn:
            sql = _OLDER if older else _NEWER
            found = list(
                await (await conn.execute(sql, (reseller_id, cursor, size + 1))).fetchall()
            )
            beyond = len(found) > size
            lines = [_line(row) for row in found[:size]]
            if not older:
                lines.reverse()
            if not lines:
                return LedgerPage([], newer=False, older=False)
            # The side the page came from: is anything left past the page's far edge?
            if older:
                back_sql, edge = _NEWER, lines[0].movement.id
            else:
                back_sql, edge = _OLDER, lines[-1].movement.id
            behind = await (await conn.execute(back_sql, (reseller_id, edge, 1))).fetchone()
        if older:
            return LedgerPage(lines, newer=behind is not None, older=beyond)
        return LedgerPage(lines, newer=beyond, older=behind is not None)

    async def of_purchase(self, purchase_id: int) -> list[Movement]:
        """The sale's hold, then its resolution if it has one."""
        found = await self._db.read(_OF_PURCHASE, (purchase_id, purchase_id))
        return [rows.movement(row) for row in found]

    async def after_sale(self, purchase: Purchase) -> AfterSale | None:
        """What the sale did to its reseller's wallet, as its receipt ends. An admin's
        own sale (no cost) has no wallet, and costs no read."""
        if not purchase.cost:
            return None
        return after_sale(purchase.status, await self.of_purchase(purchase.id))

    async def pending_sales(self, reseller_id: int) -> int:
        found = await self._db.read(_PENDING_SALES, (reseller_id,))
        return int(found[0][0])

    async def totals(self) -> Totals:
        [row] = await self._db.read(_TOTALS)
        return Totals(
            resellers=int(row["resellers"]),
            balances=int(row["balances"]),
            in_favour=int(row["in_favour"]),
            on_credit=int(row["on_credit"]),
            held=int(row["held"]),
        )
