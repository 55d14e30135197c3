"""/grafica's reads: purchases summed per UTC hour and status, and the top resellers.

Sums are SQL's, one row per hour and status whatever the number of sales; the domain
(bot/domain/charts.py) puts hours on local days. `created_at` is ISO 8601 in UTC, so its
first 13 characters are its hour and string bounds compare as times. One reseller's
reads use purchases_by_reseller_time.
"""

from __future__ import annotations

from datetime import datetime

from bot.domain.charts import HourSales
from bot.domain.periods import GRAINS
from storage.db import Database


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
        only = "" if reseller_id is None else "AND reseller_id = ? "
        found = await self._db.read(
            f"SELECT {_group(grain)}, status, count(*), sum(amount) FROM purchases "  # noqa: S608 - fixed text
            f"WHERE created_at >= ? AND created_at < ? {only}GROUP BY 1, 2",
            (start.isoformat(), end.isoformat(), *(() if reseller_id is None else (reseller_id,))),
        )
        return [HourSales(row[0], row[1], row[2], row[3]) for row in found]

    async def top_sellers(
        self, start: datetime, end: datetime, limit: int
    ) -> list[tuple[int, str]]:
        """The resellers (id, shop name) with the most approved pesos in [start, end), most
        first, at most `limit`; admins' own sales are no reseller's."""
        found = await self._db.read(
            "SELECT p.reseller_id, r.shop_name FROM purchases p "
            "JOIN resellers r ON r.user_id = p.reseller_id "
            "WHERE p.status = 'approved' AND p.created_at >= ? AND p.created_at < ? "
            "GROUP BY p.reseller_id ORDER BY sum(p.amount) DESC, p.reseller_id LIMIT ?",
            (start.isoformat(), end.isoformat(), limit),
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
        )
        return [(row[0], row[1]) for row in found]
