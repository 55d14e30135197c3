"""What nobody above answered: a command the bot does not have, and a button that is
none of ours (forged, or from a version long gone)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from bot import callback_data, views
from bot.context import BotContext
from bot.domain.roles import Role
from bot.i18n import plain
from handlers.common import lang_of, requires

# Telegram's commands are at most 32 characters; anything typed longer is cut to show.
SHOWN_COMMAND_CHARACTERS = 33
# A button that parses as none of ours is answered in the words of the family its first
# word names (a forged receipt button reads like a receipt that is gone); the rest as a
# button of the conversation that leads nowhere.
_GONE = {
    "receipts": "history.gone",
    "hist": "history.gone",
    "again": "receipt.gone",
    "share": "receipt.gone",
    "mine": "customers.not_verified",
    "settle": "settle.not_found",
    "pending": "settle.not_found",
    "s": "settle.not_found",
    "deposit": "deposits.not_found",
}
_ADMINS_ONLY = ("settle.not_found", "deposits.not_found")


async def unknown_command(update: Update, context: BotContext) -> None:
    """/historial (say): "I don't know /historial", then the user's own commands (to a
    stranger once in a while, as the refusal)."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or not message.text:
        return
    command = message.text.split(maxsplit=1)[0].split("@", 1)[0]
    if len(command) > SHOWN_COMMAND_CHARACTERS:
        command = command[:SHOWN_COMMAND_CHARACTERS] + "…"
    people = context.services.people
    role = people.staff_role(user.id)
    if (
        role is Role.STRANGER
        and await people.customer(user.id) is None
        and not people.first_word_to_stranger(user.id)
    ):
        return  # a stranger told a moment ago hears nothing more for now
    await message.reply_text(views.unknown_command(lang_of(update), command, role))


async def unknown_button(update: Update, context: BotContext) -> None:
    """Every press is answered once: one that is none of ours, that it leads nowhere, in
    the words its family's own handler would have used (the same door included)."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    first_word = (query.data or "").split(":", 1)[0]
    if first_word == "mine":  # the customers' pages ask for no role; the rest do
        await _answer_gone(update, context)
        return
    needed = Role.ADMIN if _GONE.get(first_word) in _ADMINS_ONLY else Role.RESELLER
    await requires(needed)(_answer_gone)(update, context)


async def _answer_gone(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None  # noqa: S101 - callback queries only
    first_word = (query.data or "").split(":", 1)[0]
    key = _GONE.get(first_word, "confirm.not_found")
    await query.answer(plain(lang_of(update), key), show_alert=True)


def unknown_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [
        MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, unknown_command),
        CallbackQueryHandler(unknown_button, pattern=callback_data.unknown),
    ]
