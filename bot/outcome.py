"""After a confirm tap: send the purchase, then show the outcome and raise what is pending."""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot

from bot import views
from bot.domain.formatting import format_money, format_phone
from bot.i18n import t
from bot.services import Services
from bot.telegram_io import show, tell
from storage.models import Purchase, Status

logger = logging.getLogger(__name__)

PROCESSING_NOTICE_AFTER_SECONDS = 3.0


async def complete_purchase(bot: Bot, services: Services, purchase: Purchase) -> None:
    """Send the reserved purchase once and show its outcome in place of the summary.

    The tap's answer already says "processing"; the summary only turns into a
    processing notice when the provider is slow. Most top-ups answer within a couple
    of seconds, and one edit instead of two keeps the bot within Telegram's overall
    rate when many resellers confirm at once.
    """
    sending = asyncio.create_task(services.purchasing.send(purchase))
    try:
        await asyncio.wait({sending}, timeout=PROCESSING_NOTICE_AFTER_SECONDS)
        if not sending.done():
            await _show_processing(bot, services, purchase)
        done = await sending
    except asyncio.CancelledError:
        sending.cancel()
        raise
    # Stored before it is shown: if Telegram fails now, the retry job shows it later;
    # and whatever happens showing it, the admins still hear of a pending one.
    try:
        await services.delivery.deliver(bot, done)
    except Exception:
        logger.exception("Purchase %s: showing the outcome failed; will retry", done.folio)
    if done.status is Status.PENDING:
        await services.delivery.alert_admins(bot, done)
    await tell_listeners(bot, services, done)


async def tell_listeners(bot: Bot, services: Services, purchase: Purchase) -> None:
    """Whoever else follows outcomes (customers' notices): after the provider answers,
    and again when an admin settles a pending purchase."""
    for listener in services.on_outcome:
        try:
            await listener(bot, services, purchase)
        except Exception:
            logger.exception("Outcome listener %r failed for %s", listener, purchase.folio)


async def _show_processing(bot: Bot, services: Services, purchase: Purchase) -> None:
    shown = await show(bot, purchase.chat_id, purchase.message_id, views.processing(purchase))
    if shown is not None and shown != purchase.message_id:
        await services.purchases.set_message(purchase.id, shown)


async def recover(bot: Bot, services: Services) -> None:
    """At start: purchases in flight at the last stop are pending; tell their sellers."""
    for purchase in await services.purchasing.recover_interrupted():
        await tell(
            bot,
            purchase.chat_id,
            t(
                purchase.lang,
                "restart.pending",
                amount=format_money(purchase.amount),
                phone=format_phone(purchase.phone),
                folio=purchase.folio,
            ),
        )
        # The summary still says "processing": it becomes the pending receipt, and the
        # purchase counts as seen once it does.
        await services.delivery.deliver(bot, purchase)
        await services.delivery.alert_admins(bot, purchase)
