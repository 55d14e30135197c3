"""The door: handlers wrapped here run only for users with the right role."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot.domain.formatting import format_phone
from bot.i18n import Html, language_for, plain, t
from bot.roles import Role, role_of
from bot.services import BotContext
from storage.customers import CustomerRepository

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


def lang_of(update: Update) -> str:
    user = update.effective_user
    return language_for(user.language_code if user else None)


async def refuse(update: Update, context: BotContext) -> None:
    """Tell an unknown user, politely, which id to pass to an admin; a customer who
    verified their number is shown what they can do instead of being turned away."""
    user = update.effective_user
    if user is None:
        return
    lang = lang_of(update)
    if update.callback_query is not None:
        await update.callback_query.answer(plain(lang, "unauthorized.alert", user_id=user.id))
        return
    if update.effective_chat is None:
        return
    customer = await CustomerRepository(context.services.database).get(user.id)
    if customer is None:
        text = t(lang, "unauthorized", user_id=user.id)
    else:
        welcome = t(lang, "customer.welcome", phone=format_phone(customer.phone))
        text = Html(welcome + t(lang, "commands.customer"))
    await context.bot.send_message(update.effective_chat.id, text)


async def _admins_only(update: Update, context: BotContext) -> None:
    """A reseller asking for an admin's command: they have access, just not to this."""
    lang = lang_of(update)
    if update.callback_query is not None:
        await update.callback_query.answer(plain(lang, "admins_only"))
    elif update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, t(lang, "admins_only"))


def requires(role: Role) -> Callable[[Handler], Handler]:
    """Run the handler only for users holding `role` (admins hold every role)."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(update: Update, context: BotContext) -> None:
            user = update.effective_user
            if user is None:
                return
            held = role_of(context.services.settings, user.id)
            if held is Role.NONE:
                await refuse(update, context)
                return
            if held.value < role.value:
                await _admins_only(update, context)
                return
            await handler(update, context)

        return guarded

    return decorate
