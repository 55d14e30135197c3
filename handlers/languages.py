"""Admins' languages: noted from whatever they send, so that a purchase pending
verification, which the bot raises unasked, reaches each admin in their language."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, TypeHandler

from bot.roles import Role, role_of
from bot.services import BotContext
from handlers.access import lang_of


async def note_admin_language(update: Update, context: BotContext) -> None:
    user = update.effective_user
    if user is None or role_of(context.services.settings, user.id) is not Role.ADMIN:
        return
    await context.services.languages.remember(user.id, lang_of(update))


def language_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [TypeHandler(Update, note_admin_language)]
