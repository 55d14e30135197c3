"""Admins settle purchases pending verification: /pendientes, ✅ se cobró (which asks
for the provider's reference), ❌ no se cobró (asked to be sure first), /omitir.

A settlement is one atomic update of a purchase still pending, so a second admin (or a
second tap) is told who settled it and when. The reseller is told through Outcomes,
which retries until they have seen it; the customer of the number hears of a top-up
settled as charged; the other admins hear who settled which folio, so nobody checks it
twice.

The reference is answered by replying to the question. Text that is no reply answers
the admin's newest open question only while the admin has no top-up of their own
open: their own sale's text is never taken for a reference. A reply to a question too
old to answer is told so, and goes nowhere else: "100" meant as a reference must not
become the amount of the admin's own top-up.
"""

from __future__ import annotations

import logging

from bot import views
from bot.domain.clock import utcnow
from bot.domain.purchases import Purchase, Status
from bot.domain.settlement import (
    PENDING_PAGE_SIZE,
    Answer,
    AskAgain,
    NoSuchPurchase,
    NotPending,
    PendingPage,
    Prompt,
    Question,
    QuestionDropped,
    Settled,
    SettleResult,
    parse_reference,
)
from bot.messenger import Messenger
from bot.usecases.outcomes import Outcomes
from bot.usecases.people import People
from storage.drafts import DraftRepository
from storage.purchases import PurchaseRepository
from storage.settlements import SettlementRepository

logger = logging.getLogger(__name__)


class Settlement:
    def __init__(
        self,
        settlements: SettlementRepository,
        purchases: PurchaseRepository,
        drafts: DraftRepository,
        outcomes: Outcomes,
        people: People,
        messenger: Messenger,
    ) -> None:
        self._settlements = settlements
        self._purchases = purchases
        self._drafts = drafts
        self._outcomes = outcomes
        self._people = people
        self._messenger = messenger

    async def page(self, *, after: int = 0, before: int | None = None) -> PendingPage:
        """The oldest pending purchases after (or before) a purchase id; the first page
        when nothing is left that way."""
        page = await self._settlements.pending(PENDING_PAGE_SIZE, after=after, before=before)
        if not page.purchases and (after or before):
            page = await self._settlements.pending(PENDING_PAGE_SIZE)
        return page

    async def still_pending(self, purchase_id: int) -> Purchase | NotPending | NoSuchPurchase:
        """The purchase a settle button names, read again, if it is still to settle."""
        purchase = await self._purchases.get(purchase_id)
        if purchase is None:
            return NoSuchPurchase()
        if purchase.status is not Status.PENDING:
            return NotPending(purchase)
        return purchase

    async def asked(self, admin_id: int, purchase_id: int, message_id: int) -> None:
        """Message `message_id` asks the admin for the purchase's reference."""
        await self._settlements.ask_reference(admin_id, purchase_id, message_id)

    async def settle(
        self,
        admin_id: int,
        admin_name: str,
        purchase_id: int,
        *,
        charged: bool,
        reference: str | None = None,
    ) -> SettleResult:
        """Settle once, then tell the reseller, the number's customer and the other admins."""
        result = await self._settlements.settle(
            purchase_id,
            approved=charged,
            admin_id=admin_id,
            admin_name=admin_name,
            reference=reference,
        )
        if not isinstance(result, Settled):
            return result
        purchase = result.purchase
        logger.info(
            "Purchase %s (%s) settled as %s by admin %s",
            purchase.folio,
            purchase.distributor_transaction_id,
            purchase.status.value,
            admin_id,
        )
        told = await self._outcomes.deliver(purchase, waited_for=False)
        try:
            await self._outcomes.notify_customers(purchase)
        except Exception:
            logger.exception("Purchase %s: telling its customer failed", purchase.folio)
        for other in self._people.admins:
            if other != admin_id:
                lang = await self._people.language_of(other)
                await self._messenger.tell(other, views.settled_by_another(purchase, lang))
        return Settled(purchase, seller_told=told)

    async def answer(
        self, admin_id: int, admin_name: str, text: str, reply_to: int | None
    ) -> Answer:
        """An admin's text, if it answers "the provider's reference?": settles that
        purchase as charged with it. NOT_ASKED: the text is about something else."""
        if reply_to is None and await self._drafts.current(admin_id) is not None:
            return Question.NOT_ASKED  # their own sale's text
        prompt = await self._settlements.take_prompt(admin_id, reply_to)
        if prompt is None or (reply_to is None and self._expired(prompt)):
            return Question.NOT_ASKED
        if self._expired(prompt):
            return Question.EXPIRED
        reference = parse_reference(text)
        if reference is None:
            return AskAgain(prompt.purchase_id)
        return await self.settle(
            admin_id, admin_name, prompt.purchase_id, charged=True, reference=reference
        )

    async def skip(self, admin_id: int, admin_name: str, reply_to: int | None) -> Answer:
        """/omitir: settled as charged, without the provider's reference."""
        prompt = await self._settlements.take_prompt(admin_id, reply_to)
        if prompt is None:
            return Question.NOT_ASKED
        if self._expired(prompt):
            return Question.EXPIRED
        return await self.settle(admin_id, admin_name, prompt.purchase_id, charged=True)

    async def drop_question(
        self, admin_id: int, reply_to: int | None
    ) -> QuestionDropped | Question:
        """/cancelar in reply to a question closes it; typed or tapped in the question's
        text (no reply), the admin's newest open one. NOT_ASKED: no open question, so
        /cancelar is the top-up's."""
        prompt = await self._settlements.take_prompt(admin_id, reply_to)
        if prompt is None or self._expired(prompt):
            return Question.NOT_ASKED
        purchase = await self._purchases.get(prompt.purchase_id)
        return QuestionDropped(purchase.folio if purchase is not None else "—")

    @staticmethod
    def _expired(prompt: Prompt) -> bool:
        return prompt.expired(utcnow())
