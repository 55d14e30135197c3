"""/saldo: a reseller's own account; for admins, the provider's balance and what every
reseller holds."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.context import BotContext
from bot.domain.roles import Role
from bot.domain.statements import Overview
from bot.i18n import t
from bot.views.account import overview, reseller_account
from handlers.common import lang_of, requires


@requires(Role.RESELLER)
async def balance(update: Update, context: BotContext) -> None:
    """/saldo: a reseller sees what they may sell for (available, on a line of its own),
    what is held, their credit limit and commission; an admin the provider's balance in
    the currency it names, never converted, and the resellers' balances added up."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang, services = lang_of(update), context.services
    found = await services.balances.of(user.id, services.people.staff_role(user.id))
    if isinstance(found, Overview):
        text = overview(found, lang, services.zone)
    elif found is None:
        text = t(lang, "account.none")
    else:
        text = reseller_account(found, lang)
    await context.bot.send_message(chat.id, text)


def balance_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [CommandHandler(["saldo", "balance"], balance)]
