"""Receipt storage on a real SQLite file: history pages, their query plans, customers,
shared links and the slow-down of wrong tokens."""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain.clock import utcnow
from bot.domain.drafts import Step
from bot.domain.history import NEWEST, Direction, Scope
from bot.domain.purchases import Purchase
from bot.domain.sharing import MAX_FAILURES, WINDOW_SECONDS, LinkRefused, deep_link, new_token
from bot.usecases.sharing import Sharing
from storage.customers import CustomerRepository
from storage.db import Database
from storage.drafts import DraftRepository
from storage.history import HistoryRepository, exists_sql, page_sql
from storage.shares import ShareRepository
from tests.receipts_seed import add_purchases

RITA, ED = 2, 4
HOME, SHOP = "5537686660", "3312345678"


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    yield db
    await db.close()


def _ids(purchases: list[Purchase]) -> list[int]:
    return [p.id for p in purchases]


async def test_pages_go_newest_first_both_ways(database: Database) -> None:
    mine = await add_purchases(database, 25, reseller_id=RITA)
    await add_purchases(database, 3, reseller_id=ED)
    history = HistoryRepository(database)
    scope = Scope(reseller_id=RITA)

    first = await history.page(scope)
    assert _ids(first.purchases) == mine[::-1][:10]
    assert (first.newer, first.older) == (False, True)
    second = await history.page(scope, Direction.OLDER, first.purchases[-1].id)
    assert _ids(second.purchases) == mine[::-1][10:20]
    assert (second.newer, second.older) == (True, True)
    last = await history.page(scope, Direction.OLDER, second.purchases[-1].id)
    assert _ids(last.purchases) == mine[::-1][20:]
    assert (last.newer, last.older) == (True, False)
    back = await history.page(scope, Direction.NEWER, last.purchases[0].id)
    assert back == second
    assert await history.page(scope, Direction.NEWER, second.purchases[0].id) == first


async def test_scopes_filter_by_reseller_and_number(database: Database) -> None:
    home = await add_purchases(database, 3, reseller_id=RITA, phone=HOME)
    shop = await add_purchases(database, 2, reseller_id=RITA, phone=SHOP)
    eds = await add_purchases(database, 2, reseller_id=ED, phone=HOME)
    history = HistoryRepository(database)

    assert _ids((await history.page(Scope(RITA, HOME))).purchases) == home[::-1]
    assert _ids((await history.page(Scope(RITA))).purchases) == (home + shop)[::-1]
    assert _ids((await history.page(Scope(None, HOME))).purchases) == (home + eds)[::-1]
    assert _ids((await history.page(Scope())).purchases) == (home + shop + eds)[::-1]
    assert (await history.page(Scope(ED, SHOP))).purchases == []


async def test_a_made_up_cursor_gives_a_page_or_nothing(database: Database) -> None:
    mine = await add_purchases(database, 3, reseller_id=RITA)
    history = HistoryRepository(database)
    beyond = await history.page(Scope(RITA), Direction.OLDER, 10**30)
    assert _ids(beyond.purchases) == mine[::-1]
    empty = await history.page(Scope(RITA), Direction.NEWER, NEWEST)
    assert (empty.purchases, empty.newer, empty.older) == ([], False, False)


async def test_find_sees_only_the_scope(database: Database) -> None:
    [rita] = await add_purchases(database, 1, reseller_id=RITA)
    history = HistoryRepository(database)
    found = await history.find(rita, Scope(RITA))
    assert found is not None and found.id == rita
    assert await history.find(rita, Scope(ED)) is None
    assert await history.find(rita, Scope()) is not None  # admins
    assert await history.find(rita + 1, Scope(RITA)) is None


async def test_every_history_query_uses_an_index(database: Database) -> None:
    await add_purchases(database, 30, reseller_id=RITA)
    scopes = [Scope(), Scope(RITA), Scope(None, HOME), Scope(RITA, HOME)]
    queries = []
    for scope, direction in itertools.product(scopes, Direction):
        queries.append(page_sql(scope, direction, 15, 11))
        queries.append(exists_sql(scope, direction, 15))
    async with database.reading() as conn:
        for sql, params in queries:
            cursor = await conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = [str(row["detail"]) for row in await cursor.fetchall()]
            # SEARCH ... USING INDEX / INTEGER PRIMARY KEY is a seek; SCAN would read it all,
            # and a temp B-tree would sort everything it found before the LIMIT.
            assert all(re.match(r"SEARCH purchases USING ", step) for step in plan), (sql, plan)
            assert not any("TEMP B-TREE" in step for step in plan), (sql, plan)
    filtered = page_sql(Scope(RITA, HOME), Direction.OLDER, 15, 11)
    async with database.reading() as conn:
        cursor = await conn.execute(f"EXPLAIN QUERY PLAN {filtered[0]}", filtered[1])
        [step] = [str(row["detail"]) for row in await cursor.fetchall()]
    assert "purchases_by_reseller_phone" in step


async def test_customers_verify_move_and_mute(database: Database) -> None:
    customers = CustomerRepository(database)
    before = utcnow()
    await customers.ask(10)
    assert await customers.asked_since(10, before)
    assert not await customers.asked_since(10, utcnow() + timedelta(seconds=1))
    first = await customers.verify(10, HOME, "es")
    assert not await customers.asked_since(10, before)  # answered
    assert (first.phone, first.alerts) == (HOME, True)
    assert await customers.set_alerts(10, on=False) is not None
    again = await customers.verify(10, HOME, "en")
    assert (again.lang, again.alerts) == ("en", False)  # re-verifying keeps the choice
    assert await customers.watching(HOME) == []
    # The number's new holder verifies it: the previous one loses it.
    await customers.verify(11, HOME, "es")
    assert await customers.get(10) is None
    assert [c.user_id for c in await customers.watching(HOME)] == [11]
    assert await customers.set_alerts(99, on=True) is None


async def test_a_receipt_keeps_one_token(database: Database) -> None:
    [folio] = await add_purchases(database, 1, reseller_id=RITA)
    shares = ShareRepository(database)
    token = await shares.token_for(folio, RITA, new_token())
    assert await shares.token_for(folio, RITA, new_token()) == token
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", token)
    shared = await shares.shared(token)
    assert shared is not None and shared.id == folio
    assert await shares.shared(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    link = deep_link("recargas_bot", token)
    assert link == f"https://t.me/recargas_bot?start={token}"


async def test_wrong_tokens_slow_the_user_down_for_a_while(database: Database) -> None:
    [folio] = await add_purchases(database, 1, reseller_id=RITA)
    shares = ShareRepository(database)
    good = await shares.token_for(folio, RITA, new_token())
    sharing = Sharing(shares, HistoryRepository(database))
    now = 1_800_000_000.0
    for n in range(MAX_FAILURES):
        assert await sharing.open(10, f"wrong-token-{n:06d}", now + n) is LinkRefused.NOT_FOUND
    # Even the right token is refused now, so the refusal tells nothing about it.
    assert await sharing.open(10, good, now + 10) is LinkRefused.SLOW_DOWN
    assert await sharing.open(11, good, now + 10) != LinkRefused.SLOW_DOWN  # others aren't
    later = now + MAX_FAILURES + WINDOW_SECONDS
    opened = await sharing.open(10, good, later)
    assert isinstance(opened, Purchase) and opened.id == folio
    # Malformed tokens count too, and only the last window is kept.
    assert await sharing.open(10, "x", later) is LinkRefused.NOT_FOUND
    assert await shares.failures(10, 0) == 1


async def test_start_at_confirm_replaces_the_open_draft(database: Database) -> None:
    drafts = DraftRepository(database)
    old = await drafts.start(RITA, RITA, "es")
    draft = await drafts.start_at_confirm(
        RITA, RITA, "es", phone=HOME, product_id="MOVISTAR_PAQUETE_17", amount=50
    )
    assert (draft.step, draft.phone, draft.product_id, draft.amount) == (
        Step.CONFIRM,
        HOME,
        "MOVISTAR_PAQUETE_17",
        50,
    )
    current = await drafts.current(RITA)
    assert current is not None and current.id == draft.id != old.id
