"""/grafica's reads: purchases summed per UTC hour and status, and the top resellers.

Sums are SQL's, one row per hour and status whatever the number of sales; the domain
(bot/domain/charts.py) puts hours on local days. `created_at` is ISO 8601 in UTC, so its
first 13 characters are its hour and string bounds compare as times. Everyone's sales
are read from /reporte's covering index of hours (`purchases_by_hour`, in the order of
the groups: nothing is sorted, no row of the table is read); one reseller's through
purchases_by_reseller_time. A year of them takes a good part of a second: every read
here is a slow one (`Database.read(slow=True)`), on a connection of its own.
"""

from __future__ import annotations

from datetime import datetime

from bot.domain.charts import HourSales
from bot.domain.periods import GRAINS
from storage.db import Database
from storage.reports import hours_between


def _group(grain: int) -> str:
    """The first `grain` characters of `created_at`: its hour, minute or second."""
    if grain not in GRAINS:
        raise ValueError(f"no such grain: {grain}")
    return f"substr(created_at, 1, {grain})"


class ChartRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def hourly(
        self, start: datetime, end: datetime, reseller_id: int | None = None, grain: int = 13
    ) -> list[HourSales]:
        """Sales placed in [start, end) (UTC), per hour (or minute, second: `grain`) and
        status; one seller's or all."""
        parameters: tuple[object, ...]
        if reseller_id is None:  # everyone's: the hours' covering index, in its order
            bounds, parameters = hours_between(start, end)
            source = "purchases INDEXED BY purchases_by_hour"
        else:
            bounds = "reseller_id = ? AND created_at >= ? AND created_at < ?"
            parameters = (reseller_id, start.isoformat(), end.isoformat())
            source = "purchases INDEXED BY purchases_by_reseller_time"
        found = await self._db.read(
            f"SELECT {_group(grain)} AS key, status, count(*), sum(amount) "  # noqa: S608 - fixed text
            f"FROM {source} WHERE {bounds} GROUP BY key, status",
            parameters,
            slow=True,
        )
        return [HourSales(row[0], row[1], row[2], row[3]) for row in found]

    async def top_sellers(
        self, start: datetime, end: datetime, limit: int
    ) -> list[tuple[int, str]]:
        """The resellers (id, shop name) with the most approved pesos in [start, end), most
        first, at most `limit`; admins' own sales are no reseller's."""
        # One seek per reseller in their covering index of (status, time, amount): no
        # sale is read twice and nothing but the resellers is sorted.
        found = await self._db.read(
            "SELECT user_id, shop_name FROM ("
            "SELECT r.user_id, r.shop_name, (SELECT sum(p.amount) "
            "FROM purchases p INDEXED BY purchases_by_reseller_status "
            "WHERE p.reseller_id = r.user_id AND p.status = 'approved' "
            "AND p.created_at >= ? AND p.created_at < ?) AS sold FROM resellers r"
            ") WHERE sold > 0 ORDER BY sold DESC, user_id LIMIT ?",
            (start.isoformat(), end.isoformat(), limit),
            slow=True,
        )
        return [(row[0], row[1]) for row in found]

    async def approved_hourly(
        self, start: datetime, end: datetime, reseller_id: int, grain: int = 13
    ) -> list[tuple[str, int]]:
        """One reseller's approved pesos in [start, end), per UTC hour (or `grain`)."""
        found = await self._db.read(
            f"SELECT {_group(grain)}, sum(amount) FROM purchases "  # noqa: S608 - fixed text
            "WHERE reseller_id = ? AND status = 'approved' "
            "AND created_at >= ? AND created_at < ? GROUP BY 1",
            (reseller_id, start.isoformat(), end.isoformat()),
            slow=True,
        )
        return [(row[0], row[1]) for row in found]
