"""Reading sales and the ledger added up, for /corte and /reporte
(bot/domain/reports.py says which sales count where).

Every query is a range of an index (migration 0013): a reseller's day through
`purchases_by_reseller_time` and `ledger_by_reseller_time`, every seller's period
through `purchases_by_time`, which holds every column the sums need, so the table is
never read. SQLite adds the sales up, grouped by a prefix of `created_at` (an hour, in
Mexico), never a Python call per sale. tests/test_storage_reports.py checks each plan.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.domain.purchases import Status
from bot.domain.reports import Funds, Tally
from storage.db import Database

# A sale without cost (an admin's own, one from before wallets) cost its face, with no
# commission: docs/REPORTS.md.
_SUMS = (
    "status, COUNT(*) AS n, SUM(amount) AS face, "
    "SUM(COALESCE(cost, amount * 100)) AS cost, SUM(COALESCE(commission, 0)) AS commission"
)
_RESELLER_SALES = (
    f"SELECT {_SUMS} FROM purchases INDEXED BY purchases_by_reseller_time "  # noqa: S608
    "WHERE reseller_id = ? AND created_at >= ? AND created_at < ? GROUP BY status"
)
# {key}: a column or a prefix of created_at that `sales_by` names, never what anyone typed.
_PERIOD_SALES = (
    "SELECT {key} AS key, " + _SUMS + " FROM purchases INDEXED BY purchases_by_time "  # noqa: S608
    "WHERE created_at >= ? AND created_at < ? GROUP BY 1, 2"
)
_KEYS = {"seller": "reseller_id", "product": "product_id"}

_RESELLER_MOVES = (
    "SELECT kind, COUNT(*) AS n, SUM(amount) AS amount "
    "FROM ledger INDEXED BY ledger_by_reseller_time "
    "WHERE reseller_id = ? AND created_at >= ? AND created_at < ? GROUP BY kind"
)
_BALANCE_BEFORE = (
    "SELECT balance_after, held_after FROM ledger INDEXED BY ledger_by_reseller_time "
    "WHERE reseller_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1"
)
_PERIOD_FUNDS = (
    "SELECT kind, COUNT(*) AS n, SUM(amount) AS amount "
    "FROM ledger INDEXED BY ledger_funds_by_time "
    "WHERE kind IN ('deposit', 'adjustment') AND created_at >= ? AND created_at < ? "
    "GROUP BY kind"
)
_SHOPS = "SELECT user_id, shop_name FROM resellers"
_NAME_ON_SALES = (
    "SELECT reseller_name FROM purchases INDEXED BY purchases_by_reseller "
    "WHERE reseller_id = ? ORDER BY id DESC LIMIT 1"
)

Group = tuple[str, Status, Tally]


def _tally(row: Any) -> Tally:
    return Tally(int(row["n"]), int(row["face"]), int(row["cost"]), int(row["commission"]))


def _funds(found: list[Any]) -> tuple[Funds, int]:
    """Deposits and adjustments, and what the day's 'sale' movements took."""
    sums = {row["kind"]: (int(row["n"]), int(row["amount"])) for row in found}
    deposits, adjustments = sums.get("deposit", (0, 0)), sums.get("adjustment", (0, 0))
    funds = Funds(deposits[1], deposits[0], adjustments[1], adjustments[0])
    return funds, sums.get("sale", (0, 0))[1]


class ReportRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def reseller_sales(
        self, reseller_id: int, start: datetime, end: datetime
    ) -> list[tuple[Status, Tally]]:
        """The reseller's sales placed in [start, end), by status."""
        found = await self._db.read(
            _RESELLER_SALES, (reseller_id, start.isoformat(), end.isoformat())
        )
        return [(Status(row["status"]), _tally(row)) for row in found]

    async def reseller_moves(
        self, reseller_id: int, start: datetime, end: datetime
    ) -> tuple[Funds, int]:
        """The reseller's deposits and adjustments booked in [start, end), and what the
        sales charged in it took (centavos, ≤ 0)."""
        found = await self._db.read(
            _RESELLER_MOVES, (reseller_id, start.isoformat(), end.isoformat())
        )
        return _funds(found)

    async def balance_before(self, reseller_id: int, instant: datetime) -> tuple[int, int]:
        """Balance and holds after the reseller's last movement booked before `instant`."""
        found = await self._db.read(_BALANCE_BEFORE, (reseller_id, instant.isoformat()))
        return (int(found[0][0]), int(found[0][1])) if found else (0, 0)

    async def sales_by(self, key: str, start: datetime, end: datetime) -> list[Group]:
        """Every seller's sales placed in [start, end), grouped by `key`: 'seller' (their
        Telegram id), 'product', or a number of leading characters of `created_at`
        (13: the UTC hour)."""
        column = f"substr(created_at, 1, {int(key)})" if key.isdigit() else _KEYS[key]
        found = await self._db.read(
            _PERIOD_SALES.format(key=column), (start.isoformat(), end.isoformat())
        )
        return [(str(row["key"]), Status(row["status"]), _tally(row)) for row in found]

    async def funds(self, start: datetime, end: datetime) -> Funds:
        """Every reseller's deposits and adjustments booked in [start, end)."""
        found = await self._db.read(_PERIOD_FUNDS, (start.isoformat(), end.isoformat()))
        return _funds(found)[0]

    async def names(self, seller_ids: set[int]) -> dict[int, str]:
        """Each seller's shop name; an admin's (no shop) the name on their newest sale."""
        shops = {int(row[0]): str(row[1]) for row in await self._db.read(_SHOPS)}
        names = {who: shops[who] for who in seller_ids if who in shops}
        for who in seller_ids - names.keys():
            found = await self._db.read(_NAME_ON_SALES, (who,))
            names[who] = str(found[0][0]) if found and found[0][0] else str(who)
        return names
