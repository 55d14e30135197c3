"""Replayed updates: one delivered again (the same update_id, as long polling does after
a restart) is dropped before any other handler sees it (bot/usecases/replays.py)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, TypeHandler

from bot.context import BotContext

logger = logging.getLogger(__name__)


async def drop_replays(update: Update, context: BotContext) -> None:
    """Let a new update through; stop a replayed one here."""
    if not context.services.replays.claim(update.update_id):
        logger.info("Update %s was handled before; dropping the replay", update.update_id)
        raise ApplicationHandlerStop


def replay_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [TypeHandler(Update, drop_replays)]
