"""Replayed updates: one delivered again (the same update_id, as long polling does after
a restart) is dropped before any other handler sees it.

The update is claimed as it arrives, before it is handled, and the claim is stored so
it survives restarts. If the bot dies mid-update, its replay is dropped as well: for the money path
that is the safe side (at worst a reseller types a step again).
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
    # Not awaited: the claim is already in memory. Queued now, the record reaches SQLite
    # ahead of anything this update's handler writes (the database serves in order).
    services.background.spawn(
        services.updates.record(update.update_id), name=f"update-{update.update_id}"
    )


def dedupe_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [TypeHandler(Update, drop_replays)]
