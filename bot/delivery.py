"""Telling each reseller the outcome of their purchase until they have seen it.

The outcome is stored before anyone is told, and `notified_at` is set only once Telegram
took the message that shows it. Whatever Telegram does meanwhile (429 beyond the rate
limiter's own retries, 5xx, a network error, a blocked chat) leaves the purchase
unnotified, and the retry job (bot/jobs.py) tries again. "Message is not modified" means
the message already shows it, so it counts as seen.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from zoneinfo import ZoneInfo

from telegram import Bot

from bot.i18n import DEFAULT_LANG
from bot.telegram_io import refresh, show, tell
from bot.views.receipt import pending_alert, receipt, receipt_actions
from bot.views.safety import outcome_notice
from storage.languages import LanguageRepository
from storage.models import Purchase, Status, utcnow
from storage.notices import NoticeRepository

logger = logging.getLogger(__name__)

# After this long an outcome nobody could be shown stays in storage (and in the
# reseller's history) but is no longer pushed: the chat is most likely blocked.
RETRY_FOR = timedelta(days=2)


class Delivery:
    def __init__(
        self,
        notices: NoticeRepository,
        languages: LanguageRepository,
        zone: ZoneInfo,
        admin_ids: frozenset[int] = frozenset(),
    ) -> None:
        self._notices = notices
        self._languages = languages
        self._zone = zone
        self._admins = sorted(admin_ids)
        # One delivery per purchase at a time, so the retry job and the purchase that
        # just finished do not both send it.
        self._in_progress: set[int] = set()

    async def deliver(self, bot: Bot, purchase: Purchase) -> bool:
        """Show the purchase's outcome to its reseller unless they saw it already.

        `purchase` is as just read or written. Should it change meanwhile (a settlement),
        showing this one does not count as seen, and the newer outcome is shown in turn.
        True once they have; False if it could not be shown now (it will be retried).
        """
        purchase_id = purchase.id
        if purchase_id in self._in_progress:
            return False
        self._in_progress.add(purchase_id)
        try:
            if purchase.status is Status.SENDING:
                return False
            if purchase.notified_at is not None:
                return True
            text, in_place = outcome_notice(purchase, self._zone)
            target = purchase.message_id if in_place else None
            shown = await show(bot, purchase.chat_id, target, text, receipt_actions(purchase))
            if shown is None:
                logger.warning("Purchase %s: outcome not shown yet; will retry", purchase.folio)
                return False
            await self._notices.mark_notified(purchase, shown)
            if not in_place and purchase.message_id not in (None, shown):
                # A settlement is news in a message of its own; the receipt it settles,
                # which still says "pending, don't sell it again", now says what it is.
                receipt_now = receipt(purchase, self._zone)
                await refresh(
                    bot,
                    purchase.chat_id,
                    purchase.message_id,
                    receipt_now,
                    receipt_actions(purchase),
                )
            return True
        finally:
            self._in_progress.discard(purchase_id)

    async def redeliver(self, bot: Bot) -> int:
        """Try again for every recent outcome not seen yet; returns how many got through."""
        delivered = 0
        for purchase in await self._notices.unnotified(utcnow() - RETRY_FOR):
            if await self.deliver(bot, purchase):
                delivered += 1
        if delivered:
            logger.info("Delivered %d outcome(s) that could not be shown before", delivered)
        return delivered

    async def alert_admins(self, bot: Bot, purchase: Purchase) -> bool:
        """Every admin hears of a purchase pending verification, with what they need to
        check it with the provider (folio, distributor_transaction_id, reseller, phone,
        product, amount), in the language they last wrote in. Until at least one of them
        has, the retry job tries again."""
        told = False
        for admin_id in self._admins:
            lang = await self._languages.of(admin_id, DEFAULT_LANG)
            told |= await tell(bot, admin_id, pending_alert(purchase, lang, purchase.seller))
        if told or not self._admins:
            await self._notices.mark_admins_alerted(purchase.id)
        return told

    async def realert(self, bot: Bot) -> int:
        """Alert the admins of every pending purchase none of them has heard of yet."""
        told = 0
        for purchase in await self._notices.unalerted():
            told += await self.alert_admins(bot, purchase)
        return told
