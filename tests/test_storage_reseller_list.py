"""/vendedores' reads stay index lookups with a million ledger rows: each balance is the
reseller's newest ledger row, today's sales a range of their purchases."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

from bot.domain.clock import start_of_day, utcnow
from bot.domain.purchases import Status
from bot.domain.wallets import JoinedHow
from storage.db import Database
from storage.reseller_list import PAGE, SALES, ResellerListRepository
from storage.resellers import ResellerRepository
from tests.harness import make_settings
from tests.receipts_seed import add_purchases

RESELLERS = 100
MOVEMENTS_EACH = 10_000  # a million ledger rows in all


def _deposits(conn: sqlite3.Connection) -> None:
    """MOVEMENTS_EACH deposits of n centavos (n = 1, 2, …) for every reseller, interleaved
    as they would come, each carrying its reseller's balance after it."""
    at = utcnow().isoformat()
    rows = (
        (user_id, n, n * (n + 1) // 2, at)
        for n in range(1, MOVEMENTS_EACH + 1)
        for user_id in range(1, RESELLERS + 1)
    )
    conn.executemany(
        "INSERT INTO ledger (reseller_id, kind, amount, held, balance_after, held_after, "
        "created_at) VALUES (?, 'deposit', ?, 0, ?, 0, ?)",
        rows,
    )


async def _plan(database: Database, sql: str, parameters: tuple[object, ...]) -> str:
    found = await database.read(f"EXPLAIN QUERY PLAN {sql}", parameters)
    return "\n".join(str(row["detail"]) for row in found)


async def test_a_page_reads_a_million_ledger_rows_by_index(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "topup.sqlite3")
    try:
        shops = ResellerRepository(database)
        for user_id in range(1, RESELLERS + 1):
            await shops.add(user_id, f"Tienda {user_id:03d}", JoinedHow.ADMIN)
        await database.write(_deposits)
        zone = make_settings(tmp_path).zone
        today = start_of_day(zone)
        await add_purchases(database, 30, reseller_id=7, start=today - timedelta(hours=1))
        await add_purchases(database, 3, reseller_id=7, start=today + timedelta(minutes=1))
        await add_purchases(
            database, 2, reseller_id=7, status=Status.DECLINED, start=today + timedelta(hours=1)
        )
        listing = ResellerListRepository(database)

        page = await listing.page(0, today)
        assert [line.reseller.user_id for line in page.lines] == list(range(1, 11))
        expected = MOVEMENTS_EACH * (MOVEMENTS_EACH + 1) // 2
        assert {line.balance for line in page.lines} == {expected}
        seventh = page.lines[6]
        assert (seventh.sales_today, seventh.sold_today) == (3, 300 * 100)
        assert (page.pages, page.total) == (10, RESELLERS)

        ledger_plan = await _plan(database, PAGE, (10, 0))
        assert "ledger_by_reseller" in ledger_plan and "SCAN ledger" not in ledger_plan
        sales_plan = await _plan(database, SALES, ("[7]", 0, today.isoformat()))
        assert "purchases_by_reseller" in sales_plan and "SCAN purchases" not in sales_plan

        best = min([await _timed(listing, today) for _ in range(5)])
        assert best < 0.05, f"a page took {best * 1000:.1f} ms at best"
    finally:
        await database.close()


async def _timed(listing: ResellerListRepository, today: datetime) -> float:
    started = time.perf_counter()
    await listing.page(5, today)
    return time.perf_counter() - started
