"""/grafica [período] [vendedor]: the figures of a chart of sales per local day.

What is typed is a period (bot/domain/periods.py) and, after it, a reseller: the longest
run of leading words that reads as a period is the period, the rest names a reseller
(`Resellers.find`). Nothing typed is the last 30 days. A reseller charts their own sales
and naming anyone else is refused the same whether that someone exists or not; an admin
charts everyone's, with a line for each of the top five resellers, or one reseller's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from functools import partial
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.domain import DomainError
from bot.domain.charts import (
    TOP_RESELLERS,
    SalesChart,
    SellerLine,
    approved_per_day,
    default_period,
    per_day,
)
from bot.domain.clock import utcnow
from bot.domain.periods import GRAINS, Period, local_days, local_today, split_period
from bot.domain.roles import Role
from bot.domain.wallets import Ambiguous, NoSuchReseller, Reseller
from bot.usecases.resellers import Resellers
from storage.charts import ChartRepository

R = TypeVar("R")


class Charts:
    def __init__(self, charts: ChartRepository, resellers: Resellers, zone: ZoneInfo) -> None:
        self._charts = charts
        self._resellers = resellers
        self._zone = zone

    async def chart(
        self, reader_id: int, role: Role, typed: str
    ) -> SalesChart | NoSuchReseller | Ambiguous:
        """The chart `typed` asks for. A `DomainError` says why what was typed cannot be
        charted: a period that is none (`periods.*`), neither a period nor a reseller
        (`charts.neither`), or a reseller asking for someone else's (`charts.not_yours`)."""
        today = local_today(self._zone, utcnow())
        typed_period, rest = split_period(typed, today)
        period = typed_period or default_period(today)
        if not rest:
            if role is Role.ADMIN:
                return await self._everyone(period)
            return await self._of(period, reader_id, None)
        found = await self._resellers.find(rest)
        if role is not Role.ADMIN:
            if isinstance(found, Reseller) and found.user_id == reader_id:
                return await self._of(period, reader_id, None)
            key = "charts.not_yours" if typed_period else "charts.neither_yours"
            raise DomainError(key, {"typed": rest[:30]})
        if isinstance(found, Reseller):
            return await self._of(period, found.user_id, found.shop_name)
        if isinstance(found, NoSuchReseller) and typed_period is None:
            raise DomainError("charts.neither", {"typed": rest[:30]})
        return found

    async def _of(self, period: Period, seller_id: int | None, shop: str | None) -> SalesChart:
        start, end = period.bounds(self._zone)
        hours, days_of = await self._by_day(
            lambda grain: self._charts.hourly(start, end, seller_id, grain),
            lambda row: row.hour,
        )
        return SalesChart(period, shop, per_day(hours, period, days_of))

    async def _everyone(self, period: Period) -> SalesChart:
        chart = await self._of(period, None, None)
        start, end = period.bounds(self._zone)
        lines = []
        for seller_id, name in await self._charts.top_sellers(start, end, TOP_RESELLERS):
            hours, days_of = await self._by_day(
                partial(self._charts.approved_hourly, start, end, seller_id),
                lambda row: row[0],
            )
            lines.append(SellerLine(name, approved_per_day(hours, period, days_of)))
        return SalesChart(period, None, chart.days, tuple(lines))

    async def _by_day(
        self, read: Callable[[int], Awaitable[list[R]]], group: Callable[[R], str]
    ) -> tuple[list[R], dict[str, date]]:
        """Sums read per UTC hour, and each hour's local day; read again per minute (or
        second) where an hour is not within one local day, as /reporte does."""
        for grain in GRAINS:
            rows = await read(grain)
            days_of = local_days({group(row) for row in rows}, self._zone, grain)
            if days_of is not None:
                return rows, days_of
        raise AssertionError("a second is always within one local day")
