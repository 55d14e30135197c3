"""Receipt history: pages of purchases, newest first, for a reseller, an admin or a number.

Pages are keyset pages (bot/domain/history.py), so page 1 and page 10,000 cost the same
index seek. Every query shape here is one of a few fixed strings; the EXPLAIN QUERY PLAN
test runs each of them (see `page_sql`).
"""

from __future__ import annotations

from bot.domain.history import NEWEST, PAGE_SIZE, Direction, Page, Scope
from bot.domain.purchases import Purchase
from storage import rows
from storage.db import Database


def _where(scope: Scope) -> tuple[str, list[object]]:
    # Only these constant fragments ever reach the SQL text; values go as parameters.
    clauses: list[str] = []
    params: list[object] = []
    if scope.reseller_id is not None:
        clauses.append("reseller_id = ? AND ")
        params.append(scope.reseller_id)
    if scope.phone is not None:
        clauses.append("phone = ? AND ")
        params.append(scope.phone)
    return "".join(clauses), params


def page_sql(
    scope: Scope, direction: Direction, cursor: int, limit: int
) -> tuple[str, list[object]]:
    """The query for the purchases in `scope` just past folio `cursor` going `direction`."""
    where, params = _where(scope)
    older = direction is Direction.OLDER
    order = "id < ? ORDER BY id DESC" if older else "id > ? ORDER BY id ASC"
    sql = f"SELECT * FROM purchases WHERE {where}{order} LIMIT ?"  # noqa: S608 - constant parts
    return sql, [*params, cursor, limit]


def exists_sql(scope: Scope, direction: Direction, cursor: int) -> tuple[str, list[object]]:
    """Whether `scope` has any purchase past folio `cursor` going `direction`."""
    where, params = _where(scope)
    bound = "id < ?" if direction is Direction.OLDER else "id > ?"
    sql = f"SELECT 1 FROM purchases WHERE {where}{bound} LIMIT 1"  # noqa: S608 - constant parts
    return sql, [*params, cursor]


class HistoryRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def page(
        self,
        scope: Scope,
        direction: Direction = Direction.OLDER,
        cursor: int = NEWEST,
        size: int = PAGE_SIZE,
    ) -> Page:
        """The page of `scope` next to folio `cursor`; the first page by default."""
        cursor = max(0, min(cursor, NEWEST))
        async with self._db.reading() as conn:
            sql, params = page_sql(scope, direction, cursor, size + 1)
            found = list(await (await conn.execute(sql, params)).fetchall())
            beyond = len(found) > size
            purchases = [rows.purchase(row) for row in found[:size]]
            if direction is Direction.NEWER:
                purchases.reverse()
            if not purchases:
                return Page([], newer=False, older=False)
            # The side the page came from: is anything left past the page's far edge?
            back = Direction.NEWER if direction is Direction.OLDER else Direction.OLDER
            edge = purchases[0].id if back is Direction.NEWER else purchases[-1].id
            sql, params = exists_sql(scope, back, edge)
            behind = await (await conn.execute(sql, params)).fetchone() is not None
        if direction is Direction.OLDER:
            return Page(purchases, newer=behind, older=beyond)
        return Page(purchases, newer=beyond, older=behind)

    async def find(self, folio: int, scope: Scope) -> Purchase | None:
        """One purchase by folio, only if it is in `scope` (a reseller's own, for resellers)."""
        where, params = _where(scope)
        sql = f"SELECT * FROM purchases WHERE {where}id = ?"  # noqa: S608 - constant parts
        async with self._db.reading() as conn:
            row = await (await conn.execute(sql, [*params, folio])).fetchone()
        return rows.purchase(row) if row else None
