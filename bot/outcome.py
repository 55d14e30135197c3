"""After a confirm tap: send the purchase, then show the outcome and raise what is pending."""

from __future__ import annotations

import asyncio
import logging
import time

from telegram import Bot, CallbackQuery

from bot import views
from bot.domain.formatting import format_money, format_phone
from bot.i18n import plain, t
from bot.services import Services
from bot.telegram_io import answer_quietly, show, tell
from storage.models import Purchase, Status

logger = logging.getLogger(__name__)

# From the ✅ tap, when a provider still working is said to be: in the tap's answer,
# then in the summary itself (the second no sooner than the first).
ANSWER_TAP_AFTER_SECONDS = 1.0
PROCESSING_NOTICE_AFTER_SECONDS = 3.0


async def complete_purchase(
    bot: Bot, services: Services, purchase: Purchase, tap: CallbackQuery | None = None
) -> None:
    """Send the reserved purchase once and show its outcome in place of the summary.

    `tap`, the ✅ that confirmed it, is answered once the outcome shows: until then
    Telegram shows a progress bar on the button, and a "processing" toast over a receipt
    already on screen would only be noise. A provider slower than a second gets the
    toast; slower than three seconds, the summary turns into a processing notice too.
    Most top-ups answer within a couple of seconds, and one edit instead of two keeps
    the bot within Telegram's overall rate when many resellers confirm at once.
    """
    started = time.monotonic()
    sending = asyncio.create_task(services.purchasing.send(purchase))
    try:
        await asyncio.wait({sending}, timeout=ANSWER_TAP_AFTER_SECONDS)
        if tap is not None and not sending.done():
            await answer_quietly(tap, plain(purchase.lang, "callback.processing"))
            tap = None
        waited = time.monotonic() - started
        await asyncio.wait({sending}, timeout=max(PROCESSING_NOTICE_AFTER_SECONDS - waited, 0))
        if not sending.done():
            await _show_processing(bot, services, purchase)
        done = await sending
    except BaseException:
        sending.cancel()
        if tap is not None:
            await answer_quietly(tap)
        raise
    # Stored before it is shown: if Telegram fails now, the retry job shows it later;
    # and whatever happens showing it, the admins still hear of a pending one.
    try:
        await services.delivery.deliver(bot, done)
    except Exception:
        logger.exception("Purchase %s: showing the outcome failed; will retry", done.folio)
    if tap is not None:
        await answer_quietly(tap)
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
