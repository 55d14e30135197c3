"""Replayed updates: one delivered again (the same update_id, as long polling does after
a restart) is dropped before any other handler sees it.

The update is claimed as it arrives, before it is handled, and the claim is stored a
moment later (storage/updates.py) so it survives restarts. Whether the bot dies before or
after that, the money path is safe: a replayed ✅ finds its draft already placed, a
replayed step only shows that step again.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, TypeHandler

from bot.services import BotContext

logger = logging.getLogger(__name__)


async def drop_replays(update: Update, context: BotContext) -> None:
    """Let a new update through; stop a replayed one here."""
    services = context.services
    if not services.updates.claim(update.update_id):
        logger.info("Update %s was handled before; dropping the replay", update.update_id)
        raise ApplicationHandlerStop


def dedupe_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [TypeHandler(Update, drop_replays)]
