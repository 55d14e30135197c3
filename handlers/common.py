"""What every handler module shares: the user's language, the door (`requires`), and
showing a page in place of the one pressed. Not a handler module: nothing here answers
an update of its own."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update

from bot import views
from bot.context import BotContext
from bot.domain.roles import Role
from bot.i18n import language_for, plain, t

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]


def lang_of(update: Update) -> str:
    user = update.effective_user
    return language_for(user.language_code if user else None)


async def refuse(update: Update, context: BotContext) -> None:
    """Tell someone who may not sell, politely, which id to pass to an admin (a stranger
    once in a while, then nothing: see `People.first_word_to_stranger`); a customer who
    verified their number is shown what they can do instead."""
    user = update.effective_user
    if user is None:
        return
    lang = lang_of(update)
    if update.callback_query is not None:  # a press is always answered, and is no message
        await update.callback_query.answer(plain(lang, "unauthorized.alert", user_id=user.id))
        return
    if update.effective_chat is None:
        return
    people = context.services.people
    customer = await people.customer(user.id)
    if customer is None and not people.first_word_to_stranger(user.id):
        return
    text = views.not_a_seller(lang, user.id, customer)
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
            held = context.services.people.staff_role(user.id)
            if not held.sells:
                await refuse(update, context)
            elif held < role:
                await _admins_only(update, context)
            else:
                await handler(update, context)

        return guarded

    return decorate


async def show_page(
    context: BotContext, query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Show a page in place of the one pressed, unless it is already what the message shows
    (a double tap, a stale ◀ ▶): Telegram refuses an edit that changes nothing."""
    message = query.message
    if message is None:
        return
    if isinstance(message, Message) and (message.text, message.reply_markup) == (
        views.plain_text(text),
        markup,
    ):
        return
    await context.services.messenger.show(message.chat.id, message.message_id, text, markup)
