"""Customers: /mis_recargas with their verified number, its pages, and /avisos.

A number is only ever taken from the sender's own Telegram contact (`contact.user_id` is
the sender), which Telegram vouches for; a typed number or someone else's contact
proves nothing. A contact card a seller shares unasked is the number of a sale.
"""

from __future__ import annotations

from bot.domain import DomainError
from bot.domain.clock import utcnow
from bot.domain.customers import (
    ASK_LASTS,
    Customer,
    CustomerPage,
    NotVerified,
    looks_like_a_number,
)
from bot.domain.history import NEWEST, Direction, Scope
from bot.domain.phones import parse_contact_phone
from bot.domain.roles import Role
from storage.customers import CustomerRepository
from storage.history import HistoryRepository


class Customers:
    def __init__(self, customers: CustomerRepository, history: HistoryRepository) -> None:
        self._customers = customers
        self._history = history

    async def my_topups(self, user_id: int) -> CustomerPage | None:
        """The newest top-ups to the user's verified number; None, and the user is
        noted as asked for their contact, when they have none yet."""
        customer = await self._customers.get(user_id)
        if customer is None:
            await self._customers.ask(user_id)
            return None
        return await self._page(customer)

    async def contact_shared(
        self, user_id: int, role: Role, owner_id: int | None, number: str, lang: str
    ) -> CustomerPage | NotVerified:
        """A shared contact: kept as the verified number only when it is the sender's own."""
        if role.sells and not await self._asked_lately(user_id):
            # A seller sharing a card they were not asked for is in the middle of a sale
            # (even their own card: topping up their own phone).
            return NotVerified.FOR_SALE
        if owner_id is None:
            return NotVerified.NO_USER_ID
        if owner_id != user_id:
            return NotVerified.NOT_OWN
        try:
            phone = parse_contact_phone(number)
        except DomainError:
            return NotVerified.NOT_MEXICAN
        return await self._page(await self._customers.verify(user_id, phone, lang))

    async def typed_instead(self, user_id: int, role: Role, text: str) -> bool:
        """Whether `text` is a number typed by someone asked for their contact instead
        (they are told only the button counts). A seller's text is their sale's."""
        if role.sells or not looks_like_a_number(text):
            return False
        return await self._asked_lately(user_id)

    async def toggle_alerts(self, user_id: int) -> Customer | None:
        """/avisos: notices of top-ups to the verified number on or off; None without one."""
        customer = await self._customers.get(user_id)
        if customer is None:
            return None
        return await self._customers.set_alerts(user_id, on=not customer.alerts)

    async def page(self, user_id: int, direction: Direction, cursor: int) -> CustomerPage | None:
        """◀ ▶: a page of the presser's own verified number, never the button's."""
        customer = await self._customers.get(user_id)
        if customer is None:
            return None
        return await self._page(customer, direction, cursor)

    async def _page(
        self, customer: Customer, direction: Direction = Direction.OLDER, cursor: int = NEWEST
    ) -> CustomerPage:
        scope = Scope(phone=customer.phone)
        page = await self._history.page(scope, direction, cursor)
        if not page.purchases and cursor != NEWEST:  # a stale or made-up folio
            page = await self._history.page(scope)
        return CustomerPage(customer, page)

    async def _asked_lately(self, user_id: int) -> bool:
        return await self._customers.asked_since(user_id, utcnow() - ASK_LASTS)
