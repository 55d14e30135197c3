"""/grafica's figures: sales per local day, as the chart draws them.

A sale belongs to the local day it was placed (`created_at` in `TIMEZONE`) and counts by
its status now, settled ones by their final status (docs/REPORTS.md): approved is what
was sold, declined was not charged, and sending or pending are both "pending
verification". Amounts are face amounts in whole pesos, as purchases store them.

Storage sums purchases per UTC hour (one row per hour and status, never a Python call
per sale); `per_day` puts each hour on its local day (`periods.local_days`). Where an
hour is not within one local day (a zone with a half-hour offset), the sums are read
again per minute, as /reporte's are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.domain.periods import Period

DEFAULT_DAYS = 30  # /grafica with no period: the last 30 days, today included
TOP_RESELLERS = 5  # an admin's chart draws a line for each of the best sellers

APPROVED, DECLINED, PENDING = "approved", "declined", "pending"
_KIND = {"approved": APPROVED, "declined": DECLINED, "pending": PENDING, "sending": PENDING}


@dataclass(frozen=True, slots=True)
class HourSales:
    """What storage reads: one UTC hour (`2026-12-05T10`), one status, summed."""

    hour: str
    status: str
    count: int
    amount: int  # pesos


@dataclass(slots=True)
class DaySales:
    """One local day's sales, in pesos, by what became of them."""

    day: date
    approved: int = 0
    declined: int = 0
    pending: int = 0
    approved_count: int = 0
    declined_count: int = 0
    pending_count: int = 0

    def add(self, kind: str, count: int, amount: int) -> None:
        setattr(self, kind, getattr(self, kind) + amount)
        setattr(self, f"{kind}_count", getattr(self, f"{kind}_count") + count)


@dataclass(frozen=True, slots=True)
class SellerLine:
    """One of the top resellers: their approved amount per day of the period."""

    name: str
    approved: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class SalesChart:
    """Everything a chart shows: the period, whose sales (None: everyone's), the days in
    order, and for an admin's chart of everyone the top resellers' lines."""

    period: Period
    shop: str | None
    days: tuple[DaySales, ...]
    sellers: tuple[SellerLine, ...] = field(default=())

    @property
    def total(self) -> DaySales:
        """The whole period's sums (its `day` is the period's first)."""
        total = DaySales(self.period.first)
        for day in self.days:
            for kind in (APPROVED, DECLINED, PENDING):
                total.add(kind, getattr(day, f"{kind}_count"), getattr(day, kind))
        return total

    @property
    def empty(self) -> bool:
        total = self.total
        return total.approved_count + total.declined_count + total.pending_count == 0


def default_period(today: date) -> Period:
    return Period(today - timedelta(days=DEFAULT_DAYS - 1), today)


def per_day(
    hours: Iterable[HourSales], period: Period, days_of: Mapping[str, date]
) -> tuple[DaySales, ...]:
    """Every day of `period`, in order, with the sales of the hours that fall in it
    (`days_of`: each group's local day, `periods.local_days`)."""
    days = {day: DaySales(day) for day in period.each_day()}
    for row in hours:
        sales = days.get(days_of[row.hour])
        if sales is not None:
            sales.add(_KIND[row.status], row.count, row.amount)
    return tuple(days.values())


def approved_per_day(
    hours: Iterable[tuple[str, int]], period: Period, days_of: Mapping[str, date]
) -> tuple[int, ...]:
    """One seller's approved pesos per day of `period`, from (UTC hour, pesos)."""
    days = dict.fromkeys(period.each_day(), 0)
    for hour, amount in hours:
        day = days_of[hour]
        if day in days:
            days[day] += amount
    return tuple(days.values())
