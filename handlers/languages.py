"""Admins' languages: noted from whatever they send, so that a purchase pending
verification, which the bot raises unasked, reaches each admin in their language."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, TypeHandler

from bot.context import BotContext
from handlers.common import lang_of


async def note_language(update: Update, context: BotContext) -> None:
    user = update.effective_user
    if user is not None:
        await context.services.people.note_language(user.id, lang_of(update))


def language_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [TypeHandler(Update, note_language)]
