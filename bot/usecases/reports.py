"""/corte and /reporte: a reseller's day, and every seller's period for admins.

A reseller reads their own cut; an admin names a reseller (`Resellers.find`). Whose cut
is shown is decided from who asks: a reseller naming anyone else, or typing what reads
as neither a day nor their own shop, is refused the same, whether that shop exists or
not. What each figure means is bot/domain/reports.py (and docs/REPORTS.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date
from zoneinfo import ZoneInfo

from bot.domain.clock import utcnow
from bot.domain.periods import (
    GRAINS,
    Named,
    Period,
    checked,
    local_days,
    local_today,
    named_period,
    parse_period,
    split_period,
)
from bot.domain.provider import Balance
from bot.domain.reports import (
    Adder,
    Cut,
    CutRefusal,
    Report,
    Sales,
    by_day,
    ranked,
    sales_of,
)
from bot.domain.roles import Role
from bot.domain.wallets import Ambiguous, NoSuchReseller, Reseller
from bot.usecases.account import ProviderAccount
from bot.usecases.resellers import Resellers
from storage.reports import ReportRepository
from storage.resellers import ResellerRepository
from storage.statements import StatementRepository

# A report's pages, turned within this many seconds, show the provider's balance it read.
BALANCE_SHOWN_FOR = 60.0


def _split(typed: str, today: date) -> tuple[str, Period]:
    """`[reseller] [day]`, in either order: the words that name a reseller, and the day
    the others are (today when none is typed)."""
    period, name = split_period(typed, today)
    return name, period or parse_period("", today)


class Reports:
    def __init__(
        self,
        reports: ReportRepository,
        accounts: ResellerRepository,
        resellers: Resellers,
        provider: ProviderAccount,
        statements: StatementRepository,
        zone: ZoneInfo,
        admins: Iterable[int] = (),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._reports = reports
        self._accounts = accounts
        self._resellers = resellers
        self._provider = provider
        self._statements = statements
        self._zone = zone
        self._admins = frozenset(admins)  # they sell too, with no wallet
        self._clock = clock
        self._balance: tuple[float, Balance | None] | None = None  # read when, and what

    def today(self) -> date:
        return local_today(self._zone, utcnow())

    async def cut(
        self, reader_id: int, role: Role, typed: str
    ) -> Cut | CutRefusal | NoSuchReseller | Ambiguous:
        """/corte [reseller] [day]: the reader's own day, or for an admin the day of the
        reseller they name. A period that cannot be is a DomainError (`periods.*`)."""
        asked, period = _split(typed, self.today())
        if role is Role.ADMIN:
            if not asked:
                return CutRefusal.NAME_ONE
            found = await self._resellers.find(asked)
            if isinstance(found, NoSuchReseller | Ambiguous):
                return found
            reseller: Reseller | None = found
        else:
            if asked:
                named = await self._resellers.find(asked)
                if not isinstance(named, Reseller) or named.user_id != reader_id:
                    return CutRefusal.NOT_YOURS
            reseller = await self._accounts.get(reader_id)
        if reseller is None:  # a seller with no account: an admin, who names one
            return CutRefusal.NAME_ONE
        if not period.is_one_day:
            return CutRefusal.ONE_DAY
        return await self.cut_of(reseller, period)

    async def cut_of(self, reseller: Reseller, period: Period) -> Cut:
        """One reseller's day: 4 index seeks."""
        start, end = period.bounds(self._zone)
        who = reseller.user_id
        sales = sales_of(await self._reports.reseller_sales(who, start, end))
        funds, charged = await self._reports.reseller_moves(who, start, end)
        opening, _ = await self._reports.balance_before(who, start)
        closing, held = await self._reports.balance_before(who, end)
        return Cut(reseller, period, sales, funds, charged, opening, closing, held)

    async def report(self, typed: str) -> Report:
        """/reporte [period]: today's by default. A DomainError if `typed` is no period."""
        return await self.report_of(parse_period(typed, self.today()))

    async def page_period(self, first: date, last: date) -> Period:
        """A page button's period, checked again (a forged one may be anything), by its
        name if it has one today ("hoy" pressed after midnight is "ayer")."""
        today = self.today()
        for named in Named:
            period = named_period(named, today)
            if (period.first, period.last) == (first, last):
                return period
        return checked(Period(first, last), today)

    async def report_of(self, period: Period, *, paging: bool = False) -> Report:
        """Every seller's sales of `period`: by local day, product and seller. `paging`
        (a ◀ ▶ press): the provider's balance read for the report shown, if it was read
        less than BALANCE_SHOWN_FOR ago, rather than a round trip to the provider per
        page."""
        start, end = period.bounds(self._zone)
        days: dict[str, date] | None = None
        for grain in GRAINS:  # an hour per group, unless the zone's offsets need finer
            moments = await self._reports.sales_by_moment(grain, start, end)
            days = local_days({key for key, _, _, _ in moments}, self._zone, grain)
            if days is not None:
                break
        if days is None:
            raise ValueError(f"{self._zone.key}: an offset of a fraction of a second")
        by_day_: Adder[date] = Adder()
        by_product: Adder[str] = Adder()
        for key, product, status, more in moments:
            by_day_.add(days[key], status, more)
            by_product.add(product, status, more)
        products = by_product.sales()
        totals = sum(products.values(), Sales())
        sold = await self._reports.sales_by_seller(start, end, self._admins)
        if sales_of((status, more) for _, status, more in sold) != totals:
            sold = await self._reports.sales_by_any_seller(start, end)  # a seller now gone
        by_seller: Adder[str] = Adder()
        for who, status, more in sold:
            by_seller.add(str(who), status, more)
        names = await self._reports.names({who for who, _, _ in sold})
        return Report(
            period=period,
            totals=totals,
            funds=await self._reports.funds(start, end),
            by_seller=ranked(
                by_seller.sales(), {str(who): f"{name} ({who})" for who, name in names.items()}
            ),
            by_day=by_day(by_day_.sales(), period),
            by_product=ranked(products, {}),
            provider=await self._provider_balance(reuse=paging),
            owed=await self._statements.totals(),
        )

    async def _provider_balance(self, *, reuse: bool) -> Balance | None:
        now = self._clock()
        if reuse and self._balance is not None and now - self._balance[0] < BALANCE_SHOWN_FOR:
            return self._balance[1]
        balance = await self._provider.balance()
        self._balance = (now, balance)
        return balance
