"""/saldo: the provider's balance, for admins only."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.context import BotContext
from bot.domain.roles import Role
from bot.views.account import balance as balance_view
from handlers.common import lang_of, requires


@requires(Role.ADMIN)
async def balance(update: Update, context: BotContext) -> None:
    """/saldo: the balance in the currency the provider names, never converted."""
    chat = update.effective_chat
    assert chat is not None  # noqa: S101 - command updates have a chat
    found = await context.services.account.balance()
    text = balance_view(found, lang_of(update), context.services.zone)
    await context.bot.send_message(chat.id, text)


def balance_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [CommandHandler(["saldo", "balance"], balance)]
