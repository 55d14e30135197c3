"""Reading sales and the ledger added up, for /corte and /reporte
(bot/domain/reports.py says which sales count where).

Every query is a range of an index (migration 0013): a reseller's day through
`purchases_by_reseller_time` and `ledger_by_reseller_time`, every seller's period
through `purchases_by_time`, which holds every column the sums need, so the table is
never read. SQLite adds the sales up, grouped by a prefix of `created_at` (an hour, in
Mexico), never a Python call per sale. tests/test_storage_reports.py checks each plan. Reads
over every seller's period are slow ones (`Database.read(slow=True)`): a connection of
their own, so a month's report (~0.1 s), or a year's, holds up nobody's step.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timedelta
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
# Every seller's period by UTC hour (or, with `{grain}` 16, by minute), status and product:
# the hours' index, in the order of the groups. Bounds on whole hours need no other test;
# others (a zone with :30 offsets) test `created_at` too.
_BY_MOMENT = (
    "SELECT substr(created_at, 1, {grain}) AS key, product_id, " + _SUMS + " "
    "FROM purchases INDEXED BY purchases_by_hour WHERE {bounds} "
    "GROUP BY key, status, product_id"
)
# Each known seller's (every reseller, and the admins named), one seek per seller and
# status, in the order of the groups.
_BY_SELLER = (
    f"SELECT reseller_id AS key, {_SUMS} "  # noqa: S608
    "FROM purchases INDEXED BY purchases_by_reseller_status "
    "WHERE reseller_id IN (SELECT user_id FROM resellers UNION SELECT value FROM json_each(?)) "
    "AND status IN ('sending', 'approved', 'declined', 'pending') "
    "AND created_at >= ? AND created_at < ? GROUP BY 1, 2"
)
# Anyone's: for a period with sales by a seller neither a reseller nor an admin now.
_BY_ANY_SELLER = (
    f"SELECT reseller_id AS key, {_SUMS} "  # noqa: S608
    "FROM purchases INDEXED BY purchases_by_hour "
    "WHERE substr(created_at, 1, 13) >= ? AND substr(created_at, 1, 13) <= ? "
    "AND created_at >= ? AND created_at < ? GROUP BY 1, 2"
)

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


def hours_between(start: datetime, end: datetime) -> tuple[str, tuple[str, ...]]:
    """The test of sales placed in [start, end) (UTC) that reads `purchases_by_hour`
    alone: a range of its hours, and `created_at` itself too where a bound is not a
    whole hour (a zone with :30 offsets), and its parameters."""
    first, last = start.isoformat(), end.isoformat()
    hours = "substr(created_at, 1, 13) >= ? AND substr(created_at, 1, 13) <= ?"
    if all(b.minute == b.second == b.microsecond == 0 for b in (start, end)):
        # Whole hours: the end's hour is the first one out.
        return hours, (first[:13], (end - timedelta(hours=1)).isoformat()[:13])
    return f"{hours} AND created_at >= ? AND created_at < ?", (first[:13], last[:13], first, last)


_STATUS = {status.value: status for status in Status}  # a dict lookup, not Enum's call


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
        return [(_STATUS[row["status"]], _tally(row)) for row in found]

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

    async def sales_by_moment(
        self, grain: int, start: datetime, end: datetime
    ) -> list[tuple[str, str, Status, Tally]]:
        """Every seller's sales placed in [start, end), by the first `grain` characters
        of `created_at` (13: the UTC hour, 16: the minute), product and status."""
        bounds, parameters = hours_between(start, end)
        sql = _BY_MOMENT.format(grain=int(grain), bounds=bounds)
        found = await self._db.read(sql, parameters, slow=True)
        return [
            (str(row["key"]), str(row["product_id"]), _STATUS[row["status"]], _tally(row))
            for row in found
        ]

    async def sales_by_seller(
        self, start: datetime, end: datetime, admins: Iterable[int]
    ) -> list[tuple[int, Status, Tally]]:
        """The sales placed in [start, end) by every reseller and by `admins`, by seller
        (their Telegram id) and status."""
        bounds = (json.dumps(sorted(admins)), start.isoformat(), end.isoformat())
        found = await self._db.read(_BY_SELLER, bounds, slow=True)
        return [(int(row["key"]), _STATUS[row["status"]], _tally(row)) for row in found]

    async def sales_by_any_seller(
        self, start: datetime, end: datetime
    ) -> list[tuple[int, Status, Tally]]:
        """`sales_by_seller` for whoever sold, known or not: slower (it sorts)."""
        first, last = start.isoformat(), end.isoformat()
        found = await self._db.read(
            _BY_ANY_SELLER, (first[:13], last[:13], first, last), slow=True
        )
        return [(int(row["key"]), _STATUS[row["status"]], _tally(row)) for row in found]

    async def funds(self, start: datetime, end: datetime) -> Funds:
        """Every reseller's deposits and adjustments booked in [start, end)."""
        found = await self._db.read(_PERIOD_FUNDS, (start.isoformat(), end.isoformat()), slow=True)
        return _funds(found)[0]

    async def names(self, seller_ids: set[int]) -> dict[int, str]:
        """Each seller's shop name; an admin's (no shop) the name on their newest sale."""
        shops = {int(row[0]): str(row[1]) for row in await self._db.read(_SHOPS)}
        names = {who: shops[who] for who in seller_ids if who in shops}
        for who in seller_ids - names.keys():
            found = await self._db.read(_NAME_ON_SALES, (who,))
            names[who] = str(found[0][0]) if found and found[0][0] else str(who)
        return names
