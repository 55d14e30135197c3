"""Edited messages: the bot reads what is sent, not what is changed afterwards.

Telegram delivers an edit as an update of its own. Taken as new input, an edited phone
number would land on whatever step the top-up is at by then (as an amount, say), and an
edited reference would never change the one already stored. So an edit is answered
with what to do instead, and goes no further.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ApplicationHandlerStop, BaseHandler, MessageHandler, filters

from bot.context import BotContext
from bot.i18n import t
from handlers.common import lang_of


async def edited(update: Update, context: BotContext) -> None:
    """An edited message: "send it again as a new message". Someone who may not sell is
    answered as for anything else they write."""
    message, user = update.edited_message, update.effective_user
    if message is None or user is None:
        return
    if not context.services.people.staff_role(user.id).sells:
        return
    await message.reply_text(t(lang_of(update), "edited.ignored"))
    raise ApplicationHandlerStop


def edit_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    # Text and captions only: a live location, say, arrives as a stream of edits.
    edited_text = filters.UpdateType.EDITED_MESSAGE & (filters.TEXT | filters.CAPTION)
    return [MessageHandler(edited_text & filters.ChatType.PRIVATE, edited)]
