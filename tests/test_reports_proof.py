"""The cut and the report agree with each other, with the receipts (purchases rows) and
with the ledger, to the centavo, on made-up businesses: several resellers, sales
approved, declined, in verification and settled days later, deposits, adjustments, an
admin's own sales; in Mexico City, in a zone with daylight saving, and in one whose
offset is not whole hours (the report groups sales by minute there)."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

import pytest

from bot.domain.periods import Period, day_start
from bot.domain.purchases import Status
from bot.domain.reports import Funds, Report, Sales, Tally
from bot.messenger import Messenger
from bot.usecases.account import ProviderAccount
from bot.usecases.menus import Menus
from bot.usecases.people import People
from bot.usecases.reports import Reports
from bot.usecases.resellers import Resellers
from storage.customers import CustomerRepository
from storage.db import Database
from storage.languages import LanguageRepository
from storage.reports import ReportRepository
from storage.reseller_list import ResellerListRepository
from storage.resellers import ResellerRepository
from storage.statements import StatementRepository
from tests.reports_seed import ADMIN_SELLER, seed_business

FIRST = date(2026, 3, 5)  # Tijuana moves its clocks on 8 March 2026
DAYS = 7


class _NoProvider(ProviderAccount):
    def __init__(self) -> None:
        pass

    async def balance(self) -> None:
        return None


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    yield db
    await db.close()


def reports(database: Database, zone: ZoneInfo, admins: frozenset[int]) -> Reports:
    accounts = ResellerRepository(database)
    people = People(
        frozenset({ADMIN_SELLER}), CustomerRepository(database), LanguageRepository(database)
    )
    resellers = Resellers(
        accounts,
        ResellerListRepository(database),
        people,
        cast(Messenger, None),  # reports tell nobody anything
        cast(Menus, None),
        zone,
    )
    return Reports(
        ReportRepository(database),
        accounts,
        resellers,
        _NoProvider(),
        StatementRepository(database),
        zone,
        admins,
    )


def _day(stamp: str, zone: ZoneInfo) -> date:
    return datetime.fromisoformat(stamp).astimezone(zone).date()


async def expected_sales(database: Database, zone: ZoneInfo) -> dict[tuple[int, date], Sales]:
    """Each seller's sales per local day, added up one row at a time in Python."""
    found: dict[tuple[int, date], Sales] = defaultdict(Sales)
    for row in await database.read("SELECT * FROM purchases"):
        face = int(row["amount"])
        cost = face * 100 if row["cost"] is None else int(row["cost"])
        more = Tally(1, face, cost, int(row["commission"] or 0))
        key = (int(row["reseller_id"]), _day(row["created_at"], zone))
        found[key] = found[key].with_status(Status(row["status"]), more)
    return found


async def ledger_days(
    database: Database, zone: ZoneInfo
) -> dict[int, list[tuple[date, str, int]]]:
    """Each reseller's movements in the order booked: (local day, kind, amount)."""
    found: dict[int, list[tuple[date, str, int]]] = defaultdict(list)
    for row in await database.read("SELECT * FROM ledger ORDER BY id"):
        found[int(row["reseller_id"])].append(
            (_day(row["created_at"], zone), str(row["kind"]), int(row["amount"]))
        )
    return found


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("zone_name", ["America/Mexico_City", "America/Tijuana", "Asia/Kolkata"])
async def test_cuts_report_receipts_and_ledger_agree(
    database: Database, seed: int, zone_name: str
) -> None:
    zone = ZoneInfo(zone_name)
    rng = random.Random(seed)
    start = datetime.combine(FIRST, datetime.min.time(), tzinfo=zone).astimezone(UTC)
    # Sales from half a day before the period to half a day after: its edges are tested.
    period = Period(FIRST, FIRST + timedelta(days=DAYS - 1))
    midnights = [
        day_start(day, zone) for day in Period(FIRST, period.last + timedelta(1)).each_day()
    ]
    resellers = await seed_business(
        database, rng, start - timedelta(hours=12), DAYS + 1, midnights
    )
    # Told who the admins are, the report reads sellers by seeks; not told, it finds the
    # admin's sales unaccounted for and reads every seller the slower way.
    use = reports(database, zone, frozenset({ADMIN_SELLER}) if seed % 2 else frozenset())
    report: Report = await use.report_of(period)
    sales = await expected_sales(database, zone)
    ledger = await ledger_days(database, zone)
    accounts = ResellerRepository(database)

    cuts_total, cuts_funds = Sales(), Funds()
    for who in resellers:
        reseller = await accounts.get(who)
        assert reseller is not None
        movements = ledger[who]
        for day in period.each_day():
            cut = await use.cut_of(reseller, Period(day, day))
            assert cut.sales == sales.get((who, day), Sales()), (who, day)
            # The wallet: balances at the day's edges and the movements between them.
            assert cut.start == sum(a for d, _, a in movements if d < day)
            assert cut.end == sum(a for d, _, a in movements if d <= day)
            assert cut.start + cut.moved == cut.end
            of_day = [(kind, a) for d, kind, a in movements if d == day]
            assert cut.charged == sum(a for kind, a in of_day if kind == "sale")
            assert cut.funds == Funds(
                sum(a for kind, a in of_day if kind == "deposit"),
                sum(1 for kind, _ in of_day if kind == "deposit"),
                sum(a for kind, a in of_day if kind == "adjustment"),
                sum(1 for kind, _ in of_day if kind == "adjustment"),
            )
            cuts_total += cut.sales
            cuts_funds = Funds(
                cuts_funds.deposits + cut.funds.deposits,
                cuts_funds.deposit_count + cut.funds.deposit_count,
                cuts_funds.adjustments + cut.funds.adjustments,
                cuts_funds.adjustment_count + cut.funds.adjustment_count,
            )
        # The report's line of this reseller is their cuts added up.
        [line] = [line for line in report.by_seller if line.key == f"Tienda {who} ({who})"]
        week = [sales.get((who, day), Sales()) for day in period.each_day()]
        assert line.sales == sum(week, Sales())

    # The admin's own sales are in the report (cost = face, no commission), not in a cut.
    admin_sales = sum((sales.get((ADMIN_SELLER, d), Sales()) for d in period.each_day()), Sales())
    assert report.totals == cuts_total + admin_sales
    assert report.funds == cuts_funds
    # Every breakdown adds up to the totals, and each day to the receipts of that day.
    for lines in (report.by_seller, report.by_day, report.by_product):
        assert sum((line.sales for line in lines), Sales()) == report.totals
    assert [line.key for line in report.by_day] == [d.isoformat() for d in period.each_day()]
    for line in report.by_day:
        day = date.fromisoformat(line.key)
        assert line.sales == sum((s for (_, d), s in sales.items() if d == day), Sales())
    assert report.totals.count > 0
