"""The start-up line counts resellers as the database holds them (added in the bot too),
with those RESELLER_IDS adds at this start, before the database is opened or migrated."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from bot.domain.wallets import JoinedHow
from bot.ops.startup import prepare_database, startup_line
from storage.db import Database
from storage.resellers import ResellerRepository, count_at_start
from tests.harness import ADMIN, make_settings


async def _with_resellers(path: Path, user_ids: list[int]) -> None:
    database = await Database.open(path)
    try:
        shops = ResellerRepository(database)
        for user_id in user_ids:
            await shops.add(user_id, f"Tienda {user_id}", JoinedHow.ADMIN)
    finally:
        await database.close()


async def test_resellers_in_the_database_and_those_imported_now_are_counted_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "topup.sqlite3"
    await _with_resellers(path, [2, 4, 777])
    assert count_at_start(path, {2, 5}) == 4  # 2, 4, 777 and 5


def test_a_new_database_counts_what_reseller_ids_will_add(tmp_path: Path) -> None:
    assert count_at_start(tmp_path / "none.sqlite3", {2, 4}) == 2


def test_a_schema_from_before_resellers_counts_what_reseller_ids_will_add(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE drafts (id INTEGER PRIMARY KEY)")
        conn.commit()
    assert count_at_start(path, {2, 4, 6}) == 3


async def test_the_start_up_line_says_how_many_resellers_sell(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, reseller_ids=frozenset({ADMIN, 2}))
    await _with_resellers(settings.database_path, [777, 778])
    prepared = prepare_database(settings)
    try:
        line = startup_line(settings, prepared)
    finally:
        prepared.lock.release()
    assert ", 1 admins, 3 resellers; " in line  # 777, 778 and 2; an admin is no reseller
