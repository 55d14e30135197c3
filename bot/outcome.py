"""After a confirm tap: send the purchase, then show the outcome and raise what is pending."""

from __future__ import annotations

import logging

from telegram import Bot

from bot import views
from bot.domain.formatting import format_money, format_phone
from bot.i18n import t
from bot.services import Services
from bot.telegram_io import show, tell
from storage.models import Purchase, Status

logger = logging.getLogger(__name__)


async def complete_purchase(bot: Bot, services: Services, purchase: Purchase, seller: str) -> None:
    """Send the reserved purchase once and show its outcome in place of the summary."""
    shown = await show(bot, purchase.chat_id, purchase.message_id, views.processing(purchase))
    if shown is not None and shown != purchase.message_id:
        await services.purchases.set_message(purchase.id, shown)
        purchase = await services.purchases.get(purchase.id) or purchase
    done = await services.purchasing.send(purchase)
    zone = services.settings.zone
    await show(bot, done.chat_id, shown, views.receipt(done, zone))
    if done.status is Status.PENDING:
        await alert_admins(bot, services, done, seller)
    for listener in services.on_outcome:
        try:
            await listener(bot, services, done)
        except Exception:
            logger.exception("Outcome listener %r failed for %s", listener, done.folio)


async def alert_admins(bot: Bot, services: Services, purchase: Purchase, seller: str) -> None:
    """Every admin hears at once of a purchase pending verification."""
    for admin_id in sorted(services.settings.admin_ids):
        await tell(bot, admin_id, views.pending_alert(purchase, "es", seller))


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
        await alert_admins(bot, services, purchase, str(purchase.reseller_id))
