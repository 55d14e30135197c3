"""An invitation's link opened (/start join_…), and the shop's name it asks for.

A link used by someone else, or none of ours, is refused as any stranger is (once in a
while). The answer is read in a group ahead of the top-up's steps: text from someone
who was asked nothing goes on untouched.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.context import BotContext
from bot.domain.invitations import PAYLOAD, Joined, NotJoined, Opened
from bot.views.invitations import not_joined, opened, welcome
from handlers.common import lang_of, refuse

# /start join_<token>: what Telegram sends when the link is opened.
_OPENED = filters.Regex(rf"^/start(@\w+)?\s+{PAYLOAD.pattern}\s*$")


async def invitation_opened(update: Update, context: BotContext) -> None:
    """/start join_…: their shop's name is asked, or they are told why not."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or not context.args:
        return
    result = await context.services.invitations.open(user.id, context.args[0])
    if result is Opened.USED:
        await refuse(update, context)
        return
    await context.bot.send_message(chat.id, opened(lang_of(update), result))


async def shop_name_typed(update: Update, context: BotContext) -> None:
    """The shop's name an invitation asked for: a reseller now, welcomed with how to add
    funds and their commands; a name that won't do is asked again."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    invitations = context.services.invitations
    result = await invitations.answer(user.id, user.full_name, message.text or "")
    if result is NotJoined.NOT_ASKED:
        return
    lang = lang_of(update)
    text = welcome(lang, result) if isinstance(result, Joined) else not_joined(lang, result)
    await message.reply_text(text)
    raise ApplicationHandlerStop


def invitation_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Ahead of /start's own handler, which reads a shared receipt's link."""
    return [CommandHandler("start", invitation_opened, filters=_OPENED)]


def shop_name_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """For a group ahead of the top-up's: the answer to "your shop's name?"."""
    text = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
    return [MessageHandler(text, shop_name_typed)]
