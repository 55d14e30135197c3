"""Who hears of a purchase's outcome, until they have: the reseller who sold it, every
admin while it is pending verification, and the customer who verified its number.

The outcome is stored before anyone is told, and `notified_at` is set only once Telegram
took the message that shows it to the reseller. Whatever Telegram does meanwhile (429
beyond the rate limiter's own retries, 5xx, a network error, a blocked chat) leaves the
purchase unnotified, and the retry job (bot/jobs.py) tries again. "Message is not
modified" means the message already shows it, so it counts as seen.

A reseller's receipt ends with what the sale did to their wallet (debited, released or
still held), read from the ledger rows the outcome's own transaction wrote, so every
delivery and redelivery of it reads the same.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot import views
from bot.domain.clock import utcnow
from bot.domain.purchases import OUT_OF_FUNDS_ALERT_EVERY, Purchase, Status
from bot.messenger import Messenger, Refused
from bot.usecases.people import People
from storage.customers import CustomerRepository
from storage.notices import NoticeRepository
from storage.statements import StatementRepository

logger = logging.getLogger(__name__)

# After this long an outcome nobody could be shown stays in storage (and in the
# reseller's history) but is no longer pushed: the chat is most likely blocked.
RETRY_FOR = timedelta(days=2)


class Outcomes:
    def __init__(
        self,
        notices: NoticeRepository,
        customers: CustomerRepository,
        people: People,
        messenger: Messenger,
        zone: ZoneInfo,
        statements: StatementRepository,
    ) -> None:
        self._notices = notices
        self._statements = statements
        self._customers = customers
        self._people = people
        self._messenger = messenger
        self._zone = zone
        # One delivery per purchase at a time, so the retry job and the purchase that
        # just finished do not both send it.
        self._in_progress: set[int] = set()
        self._funds_alerted_at: datetime | None = None

    async def deliver(self, purchase: Purchase, *, waited_for: bool = True) -> bool:
        """Show the purchase's outcome to its reseller unless they saw it already.

        `purchase` is as just read or written. Should it change meanwhile (a settlement),
        showing this one does not count as seen, and the newer outcome is shown in turn.
        `waited_for`: the reseller just pressed ✅ and waits for it (else it is news that
        can wait its turn: a settlement, a retry).
        True once they have; False if it could not be shown now (it will be retried).
        """
        if purchase.id in self._in_progress:
            return False
        self._in_progress.add(purchase.id)
        try:
            return await self._deliver(purchase, waited_for)
        finally:
            self._in_progress.discard(purchase.id)

    async def _deliver(self, purchase: Purchase, waited_for: bool) -> bool:
        if purchase.status is Status.SENDING:
            return False
        if purchase.notified_at is not None:
            return True
        # The ledger moved in the outcome's own transaction: the receipt ends with it.
        after = await self._statements.after_sale(purchase)
        text, in_place = views.outcome_notice(purchase, self._zone, after)
        target = purchase.message_id if in_place else None
        actions = views.receipt_actions(purchase)
        shown = await self._messenger.deliver(
            purchase.chat_id, target, text, actions, waited_for=waited_for
        )
        if isinstance(shown, Refused):
            return await self._undeliverable(purchase, shown)
        if shown is None:
            logger.warning("Purchase %s: outcome not shown yet; will retry", purchase.folio)
            return False
        await self._notices.mark_notified(purchase, shown)
        if not in_place and purchase.message_id not in (None, shown):
            # A settlement is news in a message of its own; the receipt it settles,
            # which still says "pending, don't sell it again", now says what it is.
            receipt = views.receipt(purchase, self._zone, after)
            await self._messenger.refresh(purchase.chat_id, purchase.message_id, receipt, actions)
        return True

    async def _undeliverable(self, purchase: Purchase, refused: Refused) -> bool:
        """Telegram will never take this outcome's message: retrying it for two days
        would only be refused again. The reseller gets a short notice that always fits
        (the folio and the outcome, and /recibo to see it), the summary loses its
        buttons, the admins hear why, and the outcome counts as told."""
        logger.error("Purchase %s: Telegram refused its outcome: %s", purchase.folio, refused)
        notice = views.undeliverable_notice(purchase)
        shown = await self._messenger.show(purchase.chat_id, None, notice)
        if shown is None:
            return False  # not even the short notice went out now: the retry job tries again
        if purchase.message_id is not None:
            await self._messenger.drop_buttons(purchase.chat_id, purchase.message_id)
        if not await self._notices.mark_notified(purchase, shown):
            return True  # changed meanwhile (settled): the newer outcome is told in turn
        for admin_id in self._people.admins:
            lang = await self._people.language_of(admin_id)
            alert = views.undeliverable_alert(purchase, refused.reason, lang)
            await self._messenger.tell(admin_id, alert)
        return True

    async def redeliver(self) -> int:
        """Try again for every recent outcome not seen yet; returns how many got through."""
        delivered = 0
        for purchase in await self._notices.unnotified(utcnow() - RETRY_FOR):
            if await self.deliver(purchase, waited_for=False):
                delivered += 1
        if delivered:
            logger.info("Delivered %d outcome(s) that could not be shown before", delivered)
        return delivered

    async def alert_admins(self, purchase: Purchase) -> bool:
        """Every admin hears of a purchase pending verification, with what they need to
        check it with the provider (folio, distributor_transaction_id, reseller, phone,
        product, amount), in the language they last wrote in. Until at least one of them
        has, the retry job tries again."""
        told = False
        admins = self._people.admins
        for admin_id in admins:
            lang = await self._people.language_of(admin_id)
            told |= await self._messenger.tell(admin_id, views.pending_alert(purchase, lang))
        if told or not admins:
            await self._notices.mark_admins_alerted(purchase.id)
        return told

    async def realert(self) -> int:
        """Alert the admins of every pending purchase none of them has heard of yet."""
        told = 0
        for purchase in await self._notices.unalerted():
            told += await self.alert_admins(purchase)
        return told

    async def alert_out_of_funds(self, last_balance: Purchase | None) -> None:
        """The distributor's account is out of funds: every reseller's sale fails until
        an admin funds it, so every admin hears at once, with the last balance the
        provider reported, and again at most every 10 minutes while sales keep failing
        for it."""
        now = utcnow()
        last = self._funds_alerted_at
        if last is not None and now - last < OUT_OF_FUNDS_ALERT_EVERY:
            return
        self._funds_alerted_at = now
        logger.error("The provider account is out of funds (code 51): alerting the admins")
        for admin_id in self._people.admins:
            lang = await self._people.language_of(admin_id)
            alert = views.out_of_funds_alert(last_balance, lang, self._zone)
            await self._messenger.tell(admin_id, alert)

    async def notify_customers(self, purchase: Purchase) -> None:
        """A top-up approved (or settled as charged) is news to the customer who verified
        its number and wants notices; the reseller topping up their own phone already has
        the receipt."""
        if purchase.status is not Status.APPROVED:
            return
        for customer in await self._customers.watching(purchase.phone):
            if customer.user_id != purchase.reseller_id:
                notice = views.topup_notice(purchase, customer.lang, self._zone)
                await self._messenger.tell(customer.user_id, notice)
