"""/grafica's figures on a real SQLite file, against the same sums done sale by sale in
Python: randomized sales of every status (settled ones by their final status) around
local midnights in TIMEZONE, sellers beyond the top five, and admins' own sales."""

from __future__ import annotations

import random
import sqlite3
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

import pytest

from bot.domain.charts import TOP_RESELLERS, SalesChart, default_period
from bot.domain.roles import Role
from bot.usecases import charts
from bot.usecases.charts import Charts
from bot.usecases.resellers import Resellers
from storage.charts import ChartRepository
from storage.db import Database

ZONE = ZoneInfo("America/Mexico_City")
NOW = datetime(2026, 12, 5, 18, 0, tzinfo=UTC)  # 12:00 on 5 December in Mexico City
ADMIN = 1
SELLERS = range(100, 108)  # eight resellers: the top five get a line
KIND = {"approved": "approved", "declined": "declined", "pending": "pending"}
KIND["sending"] = "pending"


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    yield db
    await db.close()


@pytest.fixture(autouse=True)
def _now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "utcnow", lambda: NOW)


def _random_sales(seed: int, zone: ZoneInfo = ZONE) -> list[tuple[int, int, str, datetime, bool]]:
    """(seller, pesos, status, created_at, settled): around local midnight in `zone`
    most of them, some before the period and some today."""
    rng = random.Random(seed)
    sales = []
    for _ in range(600):
        day = date(2026, 10, 25) + timedelta(days=rng.randrange(42))
        midnight = datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)
        near_midnight = timedelta(seconds=rng.randint(-900, 900))
        anywhen = timedelta(seconds=rng.randrange(86_400))
        at = midnight + (near_midnight if rng.random() < 0.6 else anywhen)
        if at > NOW:
            continue
        status = rng.choice(["approved", "approved", "approved", "declined", "pending", "sending"])
        settled = status == "pending" and rng.random() < 0.5
        if settled:
            status = rng.choice(["approved", "declined"])
        seller = ADMIN if rng.random() < 0.1 else rng.choice(SELLERS)
        sales.append((seller, rng.choice([10, 20, 50, 100, 150, 200, 500]), status, at, settled))
    return sales


async def _store(database: Database, sales: list[tuple[int, int, str, datetime, bool]]) -> None:
    def write(conn: sqlite3.Connection) -> None:
        for user_id in SELLERS:
            conn.execute(
                "INSERT INTO resellers (user_id, shop_name, joined_at, joined_how) "
                "VALUES (?, ?, ?, 'admin')",
                (user_id, f"Tienda {user_id}", NOW.isoformat()),
            )
        for n, (seller, pesos, status, at, settled) in enumerate(sales):
            conn.execute(
                "INSERT INTO purchases (distributor_transaction_id, reseller_id, chat_id, "
                "lang, phone, product_id, amount, status, created_at, settled_by, settled_at) "
                "VALUES (?, ?, ?, 'es', '5537686660', 'MOVISTAR_TAE', ?, ?, ?, ?, ?)",
                (
                    f"seed-{n}",
                    seller,
                    seller,
                    pesos,
                    status,
                    at.isoformat(),
                    ADMIN if settled else None,
                    NOW.isoformat() if settled else None,
                ),
            )

    await database.write(write)


def _chart(database: Database, zone: ZoneInfo = ZONE) -> Charts:
    return Charts(ChartRepository(database), cast(Resellers, None), zone)


# Kolkata's offset is half an hour: its hours straddle local midnights, read per minute.
@pytest.mark.parametrize("zone", [ZONE, ZoneInfo("Asia/Kolkata")], ids=str)
@pytest.mark.parametrize("seed", range(5))
async def test_each_day_and_each_top_seller_as_sale_by_sale(
    database: Database, seed: int, zone: ZoneInfo
) -> None:
    sales = _random_sales(seed, zone)
    await _store(database, sales)
    chart = await _chart(database, zone).chart(ADMIN, Role.ADMIN, "2026-11-01 2026-12-05")
    assert isinstance(chart, SalesChart)

    expected: dict[date, dict[str, list[int]]] = defaultdict(
        lambda: {kind: [0, 0] for kind in ("approved", "declined", "pending")}
    )
    approved_by: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for seller, pesos, status, at, _ in sales:
        day = at.astimezone(zone).date()
        if not date(2026, 11, 1) <= day <= date(2026, 12, 5):
            continue
        expected[day][KIND[status]][0] += 1
        expected[day][KIND[status]][1] += pesos
        if status == "approved" and seller != ADMIN:
            approved_by[seller][day] += pesos

    assert [d.day for d in chart.days] == list(chart.period.each_day())
    assert len(chart.days) == 35
    for drawn in chart.days:
        want = expected[drawn.day]
        assert (drawn.approved_count, drawn.approved) == tuple(want["approved"])
        assert (drawn.declined_count, drawn.declined) == tuple(want["declined"])
        assert (drawn.pending_count, drawn.pending) == tuple(want["pending"])

    ranked = sorted(approved_by, key=lambda s: (-sum(approved_by[s].values()), s))
    top = ranked[:TOP_RESELLERS]
    assert [line.name for line in chart.sellers] == [f"Tienda {s}" for s in top]
    for line, seller in zip(chart.sellers, top, strict=True):
        assert line.approved == tuple(approved_by[seller][d] for d in chart.period.each_day())


async def test_one_sellers_chart_is_theirs_alone(database: Database) -> None:
    sales = _random_sales(7)
    await _store(database, sales)
    chart = await _chart(database).chart(102, Role.RESELLER, "")
    assert isinstance(chart, SalesChart)
    assert chart.period == default_period(date(2026, 12, 5))
    assert chart.sellers == ()
    first = chart.period.first
    mine = [s for s in sales if s[0] == 102 and s[3].astimezone(ZONE).date() >= first]
    total = chart.total
    assert total.approved == sum(s[1] for s in mine if s[2] == "approved")
    assert total.pending_count == sum(1 for s in mine if s[2] in ("pending", "sending"))
    assert total.declined == sum(s[1] for s in mine if s[2] == "declined")


async def test_a_sale_at_local_midnight_is_the_new_days(database: Database) -> None:
    midnight = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # 00:00 on 1 December locally
    await _store(
        database,
        [
            (100, 10, "approved", midnight - timedelta(microseconds=1), False),
            (100, 20, "approved", midnight, False),
        ],
    )
    chart = await _chart(database).chart(ADMIN, Role.ADMIN, "2026-11-30 2026-12-01")
    assert isinstance(chart, SalesChart)
    assert [(d.day.day, d.approved) for d in chart.days] == [(30, 10), (1, 20)]
