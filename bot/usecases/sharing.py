"""The customer copy of a receipt: its link (`t.me/<bot>?start=<token>`), the same each
time the receipt is shared, and opening it, for whoever holds it.

Every failure to open reads the same ("this link is not valid"), and a user who keeps
trying wrong tokens is slowed down: after MAX_FAILURES wrong tokens within
WINDOW_SECONDS the user's lookups are refused, even with a good token (so the refusal
says nothing about it), until the oldest of those failures leaves the window. Refused
lookups are not counted: the wait ends.
"""

from __future__ import annotations

from bot.domain.history import Scope
from bot.domain.purchases import Purchase
from bot.domain.roles import Role
from bot.domain.sharing import (
    MAX_FAILURES,
    WINDOW_SECONDS,
    LinkRefused,
    deep_link,
    new_token,
    well_formed,
)
from storage.history import HistoryRepository
from storage.shares import ShareRepository


class Sharing:
    def __init__(self, shares: ShareRepository, history: HistoryRepository) -> None:
        self._shares = shares
        self._history = history

    async def link(
        self, reader_id: int, role: Role, folio: int, bot_username: str
    ) -> tuple[Purchase, str] | LinkRefused | None:
        """The receipt and its customer copy's link; None if it is not the reader's,
        NOT_CHARGED unless it went through (only that is worth a customer copy)."""
        purchase = await self._history.find(folio, Scope.of_reader(reader_id, role))
        if purchase is None:
            return None
        if not purchase.shareable:
            return LinkRefused.NOT_CHARGED
        token = await self._shares.token_for(purchase.id, reader_id, new_token())
        return purchase, deep_link(bot_username, token)

    async def open(self, user_id: int, token: str, now: float) -> Purchase | LinkRefused:
        """The receipt behind `token` (`now`: Unix seconds), unless the user tried too
        many wrong ones lately."""
        since = now - WINDOW_SECONDS
        if await self._shares.failures(user_id, since) >= MAX_FAILURES:
            return LinkRefused.SLOW_DOWN
        purchase = await self._shares.shared(token) if well_formed(token) else None
        if purchase is None:
            await self._shares.failed(user_id, now, forget_before=since)
            return LinkRefused.NOT_FOUND
        # A link made before a settlement turned it "not charged" shows no receipt.
        return purchase if purchase.shareable else LinkRefused.NOT_CHARGED
