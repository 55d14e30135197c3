"""Statement storage on a real SQLite file: which ledger rows a page shows, its keyset
pages both ways, a sale's movements, held sales counted, every wallet added up, and
that each query is an index seek whatever the ledger's size."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.history import Direction
from bot.domain.purchases import Status
from bot.domain.statements import AfterSale, LedgerPage, Totals
from bot.domain.wallets import AccountKind, JoinedHow, MovementKind
from storage import statements
from storage.db import Database
from storage.purchases import PurchaseRepository
from storage.resellers import ResellerRepository
from storage.statements import StatementRepository
from storage.wallets import append
from tests.receipts_seed import add_purchases

LUPITA, SOL, IDLE = 20, 21, 22


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    shops = ResellerRepository(db)
    for user_id, name in ((LUPITA, "Lupita"), (SOL, "Sol"), (IDLE, "Quieta")):
        await shops.add(user_id, name, JoinedHow.ADMIN, account=AccountKind.PREPAID)
    yield db
    await db.close()


async def book(
    db: Database, reseller_id: int, *moves: tuple[MovementKind, int, int | None]
) -> None:
    """Movements as the money path books them: (kind, centavos, purchase)."""

    def write(conn: sqlite3.Connection) -> None:
        for kind, centavos, purchase_id in moves:
            if kind is MovementKind.DEPOSIT:
                append(conn, reseller_id, kind, centavos)
            elif kind is MovementKind.ADJUSTMENT:
                append(conn, reseller_id, kind, centavos, note="corrección")
            elif kind is MovementKind.HOLD:
                append(conn, reseller_id, kind, 0, centavos, purchase_id=purchase_id)
            elif kind is MovementKind.SALE:
                append(conn, reseller_id, kind, -centavos, -centavos, purchase_id=purchase_id)
            else:
                append(conn, reseller_id, kind, 0, -centavos, purchase_id=purchase_id)

    await db.write(write)


async def test_a_resolved_hold_is_left_out_and_an_open_one_shown(database: Database) -> None:
    sold, pending = await add_purchases(database, 2, reseller_id=LUPITA, status=Status.PENDING)
    await book(
        database,
        LUPITA,
        (MovementKind.DEPOSIT, 50_000, None),
        (MovementKind.HOLD, 9_700, sold),
        (MovementKind.HOLD, 4_850, pending),
        (MovementKind.SALE, 9_700, sold),
    )
    page = await StatementRepository(database).page(LUPITA)
    shown = [(line.movement.kind, line.movement.balance_after) for line in page.lines]
    assert shown == [
        (MovementKind.SALE, 40_300),
        (MovementKind.HOLD, 50_000),  # open: its sale is pending
        (MovementKind.DEPOSIT, 50_000),
    ]
    assert (page.newer, page.older) == (False, False)
    sale = page.lines[0].sale
    assert sale is not None and (sale.folio, sale.phone, sale.face) == (
        f"{sold:06d}",
        "5537686660",
        100,
    )
    assert page.lines[2].sale is None
    assert await StatementRepository(database).page(SOL) == LedgerPage([], False, False)


async def test_keyset_pages_both_ways(database: Database) -> None:
    await book(database, LUPITA, *((MovementKind.DEPOSIT, n, None) for n in range(1, 24)))
    await book(database, SOL, (MovementKind.DEPOSIT, 999, None))  # someone else's, between
    await book(database, LUPITA, (MovementKind.DEPOSIT, 24, None))
    repo = StatementRepository(database)

    def amounts(page: LedgerPage) -> list[int]:
        return [line.movement.amount for line in page.lines]

    first = await repo.page(LUPITA)
    assert amounts(first) == list(range(24, 14, -1))
    assert (first.newer, first.older) == (False, True)
    second = await repo.page(LUPITA, Direction.OLDER, first.lines[-1].movement.id)
    assert amounts(second) == list(range(14, 4, -1))
    assert (second.newer, second.older) == (True, True)
    third = await repo.page(LUPITA, Direction.OLDER, second.lines[-1].movement.id)
    assert amounts(third) == [4, 3, 2, 1]
    assert (third.newer, third.older) == (True, False)
    back = await repo.page(LUPITA, Direction.NEWER, third.lines[0].movement.id)
    assert back == second
    assert await repo.page(LUPITA, Direction.NEWER, second.lines[0].movement.id) == first


async def test_a_sales_movements_and_what_its_receipt_says(database: Database) -> None:
    purchases = PurchaseRepository(database)
    repo = StatementRepository(database)
    [folio] = await add_purchases(database, 1, reseller_id=LUPITA, status=Status.PENDING)
    await book(
        database, LUPITA, (MovementKind.DEPOSIT, 50_000, None), (MovementKind.HOLD, 9_700, folio)
    )
    await database.write(
        lambda conn: conn.execute(
            "UPDATE purchases SET cost = 9700, commission = 300 WHERE id = ?", (folio,)
        )
    )
    pending = await purchases.get(folio)
    assert pending is not None
    assert await repo.after_sale(pending) == AfterSale(MovementKind.HOLD, 9_700, 50_000, 9_700)
    assert await repo.pending_sales(LUPITA) == 1
    assert await repo.pending_sales(SOL) == 0

    await book(database, LUPITA, (MovementKind.RELEASE, 9_700, folio))
    await database.write(
        lambda conn: conn.execute(
            "UPDATE purchases SET status = 'declined' WHERE id = ?", (folio,)
        )
    )
    declined = await purchases.get(folio)
    assert declined is not None
    assert [m.kind for m in await repo.of_purchase(folio)] == [
        MovementKind.HOLD,
        MovementKind.RELEASE,
    ]
    assert await repo.after_sale(declined) == AfterSale(MovementKind.RELEASE, 9_700, 50_000, 0)
    assert await repo.pending_sales(LUPITA) == 0

    [admins] = await add_purchases(database, 1, reseller_id=1)  # an admin's: no cost
    own = await purchases.get(admins)
    assert own is not None and await repo.after_sale(own) is None


async def test_every_wallet_added_up(database: Database) -> None:
    [folio] = await add_purchases(database, 1, reseller_id=SOL, status=Status.PENDING)
    await book(database, LUPITA, (MovementKind.DEPOSIT, 125_000, None))
    await book(
        database, SOL, (MovementKind.HOLD, 9_700, folio), (MovementKind.ADJUSTMENT, -30_000, None)
    )
    totals = await StatementRepository(database).totals()
    assert totals == Totals(
        resellers=3,  # the one with no movement counts, at $0
        balances=95_000,
        in_favour=125_000,
        on_credit=-30_000,
        held=9_700,
    )


async def test_every_query_is_an_index_seek(database: Database) -> None:
    queries = [
        (statements._OLDER, (LUPITA, 15, 11)),
        (statements._NEWER, (LUPITA, 15, 11)),
        (statements._OF_PURCHASE, (1, 1)),
        (statements._PENDING_SALES, (LUPITA,)),
        (statements._TOTALS, ()),
    ]
    async with database.reading() as conn:
        for sql, params in queries:
            cursor = await conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = [str(row["detail"]) for row in await cursor.fetchall()]
            # Only the resellers themselves are walked (one seek each for the totals).
            scans = [step for step in plan if step.startswith("SCAN") and " r " not in f"{step} "]
            assert scans == [], (sql, plan)
            assert not any("TEMP B-TREE" in step for step in plan), (sql, plan)
