"""The one error handler: log with the traceback first, then a short apology."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.i18n import plain, t
from handlers.common import lang_of

logger = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Unexpected failures: the draft stays as it was, so the user can go on."""
    logger.error("Unhandled error while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    lang = lang_of(update)
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(plain(lang, "error.generic")[:200])
        elif update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, t(lang, "error.generic"))
    except TelegramError:
        logger.warning("Could not tell the user about the error")
