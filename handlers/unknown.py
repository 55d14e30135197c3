"""A command the bot does not have: say so, with the commands the user does have."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot.i18n import Html, t
from bot.roles import role_of
from bot.services import BotContext
from handlers.access import lang_of
from handlers.start import commands_of

# Telegram's commands are at most 32 characters; anything typed longer is cut to show.
SHOWN_COMMAND_CHARACTERS = 33


async def unknown_command(update: Update, context: BotContext) -> None:
    """/historial (say): "I don't know /historial", then the user's own commands."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or not message.text:
        return
    command = message.text.split(maxsplit=1)[0].split("@", 1)[0]
    if len(command) > SHOWN_COMMAND_CHARACTERS:
        command = command[:SHOWN_COMMAND_CHARACTERS] + "…"
    lang = lang_of(update)
    role = role_of(context.services.settings, user.id)
    text = Html(t(lang, "unknown.command", command=command) + commands_of(role, lang))
    await message.reply_text(text)


def unknown_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, unknown_command)]
