"""Admins' own credits and adjustments (bot/usecases/funds.py): /abonar and /ajustar."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.context import BotContext
from bot.domain.roles import Role
from bot.domain.wallets import MovementKind
from bot.views import funds as views
from handlers.common import lang_of, requires


@requires(Role.ADMIN)
async def add_funds(update: Update, context: BotContext) -> None:
    """/abonar <reseller> <amount> [note]: credited, the reseller told."""
    message, user = update.effective_message, update.effective_user
    assert message and user  # noqa: S101 - command updates
    result = await context.services.funds.add(user.id, list(context.args or []))
    await message.reply_text(views.outcome(lang_of(update), MovementKind.DEPOSIT, result))


@requires(Role.ADMIN)
async def adjust(update: Update, context: BotContext) -> None:
    """/ajustar <reseller> <±amount> <reason>: corrected, the reseller told."""
    message, user = update.effective_message, update.effective_user
    assert message and user  # noqa: S101 - command updates
    result = await context.services.funds.adjust(user.id, list(context.args or []))
    await message.reply_text(views.outcome(lang_of(update), MovementKind.ADJUSTMENT, result))


def funds_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [
        CommandHandler(["abonar", "add_funds"], add_funds),
        CommandHandler(["ajustar", "adjust"], adjust),
    ]
