"""/start and /ayuda: who you are to the bot and what you can do; /start <token>, a
shared receipt's link, shows its customer copy to whoever holds it."""

from __future__ import annotations

import time

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot import views
from bot.context import BotContext
from bot.domain.roles import Role
from bot.domain.sharing import LinkRefused
from bot.i18n import t
from handlers.common import lang_of, refuse


async def start(update: Update, context: BotContext) -> None:
    """/start: a greeting with the commands of the user's role, or the polite refusal;
    /start <token>: the customer copy of a shared receipt."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    lang = lang_of(update)
    if context.args:
        found = await context.services.sharing.open(user.id, context.args[0], time.time())
        if isinstance(found, LinkRefused):
            key = (
                f"shared.{found.value}" if found is not LinkRefused.NOT_FOUND else "shared.invalid"
            )
            await context.bot.send_message(chat.id, t(lang, key))
        else:
            copy = views.customer_copy(found, lang, context.services.zone)
            await context.bot.send_message(chat.id, copy)
        return
    role = context.services.people.staff_role(user.id)
    if not role.sells:
        await refuse(update, context)
        return
    sandbox = context.services.settings.uses_sandbox
    text = views.greeting(role, lang, user.first_name, sandbox=sandbox)
    await context.bot.send_message(chat.id, text)
    # Their role's menu, again: set at start-up only if their chat could be reached then.
    await context.services.menus.set_for(user.id)


async def help_command(update: Update, context: BotContext) -> None:
    """/ayuda: the steps of a top-up, and how a reseller adds funds (or an admin credits them)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    if not context.services.people.staff_role(user.id).sells:
        await refuse(update, context)
        return
    lang = lang_of(update)
    admin = context.services.people.staff_role(user.id) is Role.ADMIN
    more = t(lang, "help.funds" if admin else "help.deposits")
    await context.bot.send_message(chat.id, t(lang, "help", example=views.example_phone()) + more)


def start_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [
        CommandHandler("start", start),
        CommandHandler(["ayuda", "help"], help_command),
    ]
