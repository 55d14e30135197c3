"""Receipts: /recibos (ten a page, newest first, maybe of one number) and /recibo <folio>.

A reseller reads their own receipts; an admin reads every reseller's. Whose receipts a
command or a ◀ ▶ press shows comes from who is asking, checked on every request: a
page button only names where to page from and the number filter.
"""

from __future__ import annotations

from bot.domain.history import NEWEST, Direction, Page, Scope
from bot.domain.phones import parse_phone
from bot.domain.purchases import Purchase
from bot.domain.roles import Role
from bot.domain.statements import AfterSale
from storage.history import HistoryRepository
from storage.statements import StatementRepository


class Receipts:
    def __init__(self, history: HistoryRepository, statements: StatementRepository) -> None:
        self._history = history
        self._statements = statements

    async def page(
        self,
        reader_id: int,
        role: Role,
        phone: str | None = None,
        direction: Direction = Direction.OLDER,
        cursor: int = NEWEST,
    ) -> tuple[Scope, Page]:
        """The page next to folio `cursor` (the newest by default); a stale or made-up
        folio with nothing past it gives the newest page."""
        scope = Scope.of_reader(reader_id, role, phone)
        page = await self._history.page(scope, direction, cursor)
        if not page.purchases and cursor != NEWEST:
            page = await self._history.page(scope)
        return scope, page

    async def of_number(self, reader_id: int, role: Role, typed: str) -> tuple[Scope, Page]:
        """/recibos 55 3768 6660: the first page of one number's (PhoneError if it is none)."""
        return await self.page(reader_id, role, parse_phone(typed))

    async def find(self, reader_id: int, role: Role, folio: int) -> Purchase | None:
        """One receipt, if the reader may see it: someone else's reads as no receipt."""
        return await self._history.find(folio, Scope.of_reader(reader_id, role))

    async def open(
        self, reader_id: int, role: Role, folio: int
    ) -> tuple[Purchase, AfterSale | None] | None:
        """/recibo <folio>: the receipt, if the reader may see it, and what the sale did
        to its reseller's wallet (the line its receipt ends with)."""
        purchase = await self.find(reader_id, role, folio)
        if purchase is None:
            return None
        return purchase, await self._statements.after_sale(purchase)
