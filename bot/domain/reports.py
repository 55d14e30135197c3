"""The figures of the daily cut (/corte) and the admins' report (/reporte), and the
rules that make them: which sales count where, and what a balance at a day's edge is.
docs/REPORTS.md says in words what each figure means; this is that document in code.

- A sale belongs to the day it was placed (`created_at`), in `TIMEZONE`, and counts by
  the status it has now: a pending sale settled later counts as approved or declined.
  "Sending" and "pending" are both "en verificación".
- Sold ("vendido") is the face amount of the approved sales; declined and pending ones
  are shown apart, never added to it.
- A sale's cost and commission are centavos fixed when it was placed. An admin's own sale
  and a sale from before wallets have none: they count as cost = face, commission 0.
- A movement belongs to the day it was booked. A wallet's balance at the start of a day
  is its balance after its last movement booked before; the day's movements (deposits,
  adjustments, sales charged) take it to the balance at the end. Holds and releases move
  no money: they only set a sale's cost aside while it is in flight or in verification.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Generic, TypeVar

from bot.domain.periods import Period
from bot.domain.provider import Balance
from bot.domain.purchases import Status
from bot.domain.statements import Totals
from bot.domain.wallets import Reseller


@dataclass(frozen=True, slots=True)
class Tally:
    """Some sales added up."""

    count: int = 0
    face: int = 0  # pesos, what customers paid
    cost: int = 0  # centavos, what the sales cost their sellers
    commission: int = 0  # centavos

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.count + other.count,
            self.face + other.face,
            self.cost + other.cost,
            self.commission + other.commission,
        )


@dataclass(frozen=True, slots=True)
class Sales:
    """Sales by the status they have now."""

    approved: Tally = Tally()
    declined: Tally = Tally()
    pending: Tally = Tally()  # sending or pending: en verificación

    def __add__(self, other: Sales) -> Sales:
        return Sales(
            self.approved + other.approved,
            self.declined + other.declined,
            self.pending + other.pending,
        )

    def with_status(self, status: Status, more: Tally) -> Sales:
        if status is Status.APPROVED:
            return Sales(self.approved + more, self.declined, self.pending)
        if status is Status.DECLINED:
            return Sales(self.approved, self.declined + more, self.pending)
        return Sales(self.approved, self.declined, self.pending + more)

    @property
    def count(self) -> int:
        return self.approved.count + self.declined.count + self.pending.count

    @property
    def sold(self) -> int:
        """Pesos: the face amount of the approved sales."""
        return self.approved.face

    @property
    def commission(self) -> int:
        """Centavos earned: the approved sales' commission."""
        return self.approved.commission

    @property
    def paid(self) -> int:
        """Centavos the approved sales cost their sellers."""
        return self.approved.cost

    @property
    def held(self) -> int:
        """Centavos the sales in verification still hold."""
        return self.pending.cost


@dataclass(frozen=True, slots=True)
class Funds:
    """A period's deposits and adjustments (centavos, adjustments signed)."""

    deposits: int = 0
    deposit_count: int = 0
    adjustments: int = 0
    adjustment_count: int = 0


@dataclass(frozen=True, slots=True)
class Cut:
    """One reseller's day: their sales, and their wallet from the day's start to its end."""

    reseller: Reseller
    period: Period  # one day
    sales: Sales
    funds: Funds
    charged: int  # centavos the day's 'sale' movements took (≤ 0), whatever day sold them
    start: int  # balance after the last movement booked before the day
    end: int  # balance after the last movement booked in it (or `start`)
    held_end: int  # what sales in verification held at the end of the day

    @property
    def moved(self) -> int:
        return self.funds.deposits + self.funds.adjustments + self.charged


class CutRefusal(StrEnum):
    NOT_YOURS = "not_yours"  # a reseller named someone else (or nothing a day reads as)
    NAME_ONE = "name_one"  # an admin has no cut of their own: name a reseller
    ONE_DAY = "one_day"  # a cut is of one day; longer periods are /reporte's


@dataclass(frozen=True, slots=True)
class Line:
    """One row of a report's breakdown: what it is about, and its sales."""

    key: str  # a shop's label, a day (ISO), a product id
    sales: Sales


@dataclass(frozen=True, slots=True)
class Report:
    """Every seller's sales of a period, and what is owed out against the provider."""

    period: Period
    totals: Sales
    funds: Funds
    by_seller: list[Line]
    by_day: list[Line]
    by_product: list[Line]
    provider: Balance | None
    owed: Totals


# Where a status's sums go in `Adder`: sending and pending are both "en verificación".
_SLOT = {Status.APPROVED: 0, Status.DECLINED: 4, Status.PENDING: 8, Status.SENDING: 8}


K = TypeVar("K")


class Adder(Generic[K]):
    """Sales added up per key in place: a month's report folds thousands of groups, and
    a frozen `Sales` per step would cost more than reading them."""

    def __init__(self) -> None:
        self._sums: dict[K, list[int]] = {}

    def add(self, key: K, status: Status, more: Tally) -> None:
        sums = self._sums.get(key)
        if sums is None:
            sums = self._sums[key] = [0] * 12
        at = _SLOT[status]
        sums[at] += more.count
        sums[at + 1] += more.face
        sums[at + 2] += more.cost
        sums[at + 3] += more.commission

    def sales(self) -> dict[K, Sales]:
        return {
            key: Sales(Tally(*sums[0:4]), Tally(*sums[4:8]), Tally(*sums[8:12]))
            for key, sums in self._sums.items()
        }


def by_day(days: dict[date, Sales], period: Period) -> list[Line]:
    """One line per day of the period, empty days included, oldest first."""
    return [Line(day.isoformat(), days.get(day, Sales())) for day in period.each_day()]


def sales_of(groups: Iterable[tuple[Status, Tally]]) -> Sales:
    total: Adder[None] = Adder()
    for status, more in groups:
        total.add(None, status, more)
    return total.sales().get(None, Sales())


def ranked(sales: dict[str, Sales], label: dict[str, str]) -> list[Line]:
    """One line per key, the most sold first."""
    order = sorted(sales.items(), key=lambda item: (-item[1].sold, -item[1].count, item[0]))
    return [Line(label.get(key, key), found) for key, found in order]


class SummaryChoice(StrEnum):
    """What /resumen did."""

    ON = "on"  # the reseller gets their cut every day from now on
    OFF = "off"  # no more
    ADMINS_GET_IT = "admins"  # an admin gets the day's report anyway
    DISABLED = "disabled"  # DAILY_SUMMARY_AT is not set: nobody gets one
