"""/saldo: the provider's balance, for admins only."""

from __future__ import annotations

from datetime import datetime

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.domain.formatting import format_datetime, format_money
from bot.i18n import t
from bot.latcom.models import LatcomError
from bot.roles import Role
from bot.services import BotContext
from handlers.access import lang_of, requires
from storage.models import utcnow


def _updated_at(stamp: str | None) -> datetime:
    """The provider's own "last updated" (ISO 8601, e.g. 2024-12-17T00:00:00.000Z); now
    when it names none or an unreadable one."""
    if stamp:
        try:
            parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            return utcnow()
        if parsed.tzinfo is not None:
            return parsed
    return utcnow()


@requires(Role.ADMIN)
async def balance(update: Update, context: BotContext) -> None:
    """/saldo: the balance in the currency the provider names, never converted."""
    chat = update.effective_chat
    assert chat is not None  # noqa: S101 - command updates have a chat
    lang = lang_of(update)
    try:
        found = await context.services.client.get_balance()
    except LatcomError:
        await context.bot.send_message(chat.id, t(lang, "balance.error"))
        return
    when = format_datetime(_updated_at(found.last_updated), context.services.settings.zone, lang)
    shown = format_money(found.amount, found.currency)
    await context.bot.send_message(chat.id, t(lang, "balance.show", balance=shown, when=when))


def balance_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [CommandHandler(["saldo", "balance"], balance)]
