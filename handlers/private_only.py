"""The bot works in private chats only. In a group or a channel it says so once and
leaves: nothing about money or receipts is ever posted where others read, and no
command there is obeyed (edited ones included). Registered ahead of every other group."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, BaseHandler, TypeHandler

from bot.context import BotContext
from bot.i18n import plain, t
from handlers.common import lang_of

logger = logging.getLogger(__name__)


async def outside_private(update: Update, context: BotContext) -> None:
    """Let a private chat's update through; answer anything else once, leave, and stop."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return
    lang = lang_of(update)
    if update.callback_query is not None:
        username = context.bot.username
        await update.callback_query.answer(plain(lang, "private.only", bot=username))
    if context.services.people.first_word_outside(chat.id):
        try:
            if chat.type != ChatType.CHANNEL:
                text = t(lang, "private.only", bot=context.bot.username)
                await context.bot.send_message(chat.id, text)
            await context.bot.leave_chat(chat.id)
        except TelegramError as exc:
            logger.warning("Could not leave chat %s: %s", chat.id, exc)
    raise ApplicationHandlerStop


def private_only_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [TypeHandler(Update, outside_private)]
