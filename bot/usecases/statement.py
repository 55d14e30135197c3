"""/movimientos: a reseller's statement, newest first, ten lines a page.

A reseller reads their own, suspended or not; an admin reads any reseller's, named as
`Resellers.find` resolves it. Whose statement a command or a ◀ ▶ press shows is
decided from who is asking, on every update: a page button names a reseller and a
ledger id, and a reseller's press on anyone else's is refused like their command.
How holds read is written in bot/domain/statements.py.
"""

from __future__ import annotations

from bot.domain.history import NEWEST, Direction
from bot.domain.roles import Role
from bot.domain.statements import Statement, StatementRefusal
from bot.domain.wallets import Ambiguous, NoSuchReseller
from bot.usecases.resellers import Resellers
from storage.resellers import ResellerRepository
from storage.statements import StatementRepository


class Statements:
    def __init__(
        self,
        statements: StatementRepository,
        accounts: ResellerRepository,
        resellers: Resellers,
    ) -> None:
        self._statements = statements
        self._accounts = accounts
        self._resellers = resellers

    async def show(
        self, reader_id: int, role: Role, asked: str
    ) -> Statement | StatementRefusal | NoSuchReseller | Ambiguous:
        """/movimientos [reseller]: the first page of the reader's own statement, or for
        an admin of the reseller `asked` names. A reseller naming anyone but themselves
        is refused the same whether that someone exists or not."""
        asked = asked.strip()
        if role is Role.ADMIN:
            if not asked:
                return StatementRefusal.NAME_ONE
            found = await self._resellers.find(asked)
            if isinstance(found, NoSuchReseller | Ambiguous):
                return found
            return await self._first_page(found.user_id)
        if asked:
            found = await self._resellers.find(asked)
            if isinstance(found, NoSuchReseller | Ambiguous) or found.user_id != reader_id:
                return StatementRefusal.NOT_YOURS
        return await self._first_page(reader_id)

    async def page(
        self, reader_id: int, role: Role, reseller_id: int, direction: Direction, cursor: int
    ) -> Statement | StatementRefusal | NoSuchReseller:
        """◀ ▶: the page next to ledger id `cursor`; a stale or made-up cursor with
        nothing past it gives the first page."""
        if role is not Role.ADMIN and reseller_id != reader_id:
            return StatementRefusal.NOT_YOURS
        reseller = await self._accounts.get(reseller_id)
        if reseller is None:
            return NoSuchReseller(str(reseller_id))
        page = await self._statements.page(reseller_id, direction, cursor)
        if not page.lines and cursor != NEWEST:
            page = await self._statements.page(reseller_id)
        return Statement(reseller, page)

    async def _first_page(self, reseller_id: int) -> Statement | StatementRefusal:
        reseller = await self._accounts.get(reseller_id)
        if reseller is None:  # a seller with no account: an admin, who names one
            return StatementRefusal.NAME_ONE
        return Statement(reseller, await self._statements.page(reseller_id))
