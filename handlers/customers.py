"""Customers: /mis_recargas with their verified number, its pages, /avisos, and the
contact they share to verify it (bot/usecases/customers.py).

Customers are not resellers, so nothing here asks for a role.
"""

from __future__ import annotations

from telegram import ReplyKeyboardRemove, Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot import callback_data, views
from bot.callback_data import MyTopupsPage
from bot.context import BotContext
from bot.domain.customers import CustomerPage, NotVerified
from bot.domain.formatting import format_phone
from bot.i18n import plain, t
from handlers.common import lang_of, show_page


async def my_topups(update: Update, context: BotContext) -> None:
    """/mis_recargas: the receipts for the verified number, or the button to verify it."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang = lang_of(update)
    found = await context.services.customers.my_topups(user.id)
    if found is None:
        keyboard = views.contact_keyboard(lang)
        await context.bot.send_message(
            chat.id, t(lang, "customers.ask_contact"), reply_markup=keyboard
        )
        return
    text, markup = views.customer_history(found, lang, context.services.zone)
    await context.bot.send_message(chat.id, text, reply_markup=markup)


async def contact_shared(update: Update, context: BotContext) -> None:
    """A shared contact: kept as the verified number only when it is the sender's own.
    A seller's card they were not asked for goes on to their sale (a later group)."""
    message, user = update.effective_message, update.effective_user
    assert message and message.contact and user  # noqa: S101 - contact message updates
    lang, contact, services = lang_of(update), message.contact, context.services
    role = services.people.staff_role(user.id)
    result = await services.customers.contact_shared(
        user.id, role, contact.user_id, contact.phone_number, lang
    )
    if result is NotVerified.FOR_SALE:
        return
    if isinstance(result, CustomerPage):
        # The contact keyboard goes with this message: one with inline buttons can't remove it.
        phone = format_phone(result.customer.phone)
        verified = t(lang, "customers.verified", phone=phone)
        await message.reply_text(verified, reply_markup=ReplyKeyboardRemove())
        text, markup = views.customer_history(result, lang, services.zone)
        await context.bot.send_message(message.chat.id, text, reply_markup=markup)
    elif result is NotVerified.NOT_MEXICAN:
        text = t(lang, "customers.not_mexican")
        await message.reply_text(text, reply_markup=ReplyKeyboardRemove())
    else:
        text = t(lang, f"customers.{result.value}")
        await message.reply_text(text, reply_markup=views.contact_keyboard(lang))
    raise ApplicationHandlerStop


async def typed_number(update: Update, context: BotContext) -> None:
    """Someone asked for their contact types a number instead: only the button counts.
    Anyone else's text goes on untouched: a seller's to their top-up, a stranger's to
    the usual refusal."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    role = context.services.people.staff_role(user.id)
    if not await context.services.customers.typed_instead(user.id, role, message.text or ""):
        return
    lang = lang_of(update)
    await message.reply_text(t(lang, "customers.typed"), reply_markup=views.contact_keyboard(lang))
    raise ApplicationHandlerStop


async def alerts(update: Update, context: BotContext) -> None:
    """/avisos: turn the notices about top-ups to the verified number on or off."""
    message, user = update.effective_message, update.effective_user
    assert message and user  # noqa: S101 - command updates
    lang = lang_of(update)
    customer = await context.services.customers.toggle_alerts(user.id)
    if customer is None:
        await message.reply_text(t(lang, "customers.not_verified"))
        return
    key = "alerts.on" if customer.alerts else "alerts.off"
    await message.reply_text(t(lang, key, phone=format_phone(customer.phone)))


async def page_pressed(update: Update, context: BotContext) -> None:
    """◀ ▶ under /mis_recargas: pages of the presser's own verified number."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    button = callback_data.parse(query.data)
    assert isinstance(button, MyTopupsPage)  # noqa: S101 - the pattern
    lang = lang_of(update)
    found = await context.services.customers.page(
        query.from_user.id, button.direction, button.cursor
    )
    if found is None or query.message is None:
        await query.answer(plain(lang, "customers.not_verified"), show_alert=True)
        return
    await query.answer()
    text, markup = views.customer_history(found, lang, context.services.zone)
    await show_page(context, query, text, markup)


def customer_first_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """For a group ahead of the top-up's: a customer's typed number and shared contact."""
    private = filters.ChatType.PRIVATE
    return [
        MessageHandler(filters.TEXT & ~filters.COMMAND & private, typed_number),
        MessageHandler(filters.CONTACT & private, contact_shared),
    ]


def customer_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [
        CommandHandler(["mis_recargas", "my_topups"], my_topups),
        CommandHandler(["avisos", "alerts"], alerts),
        CallbackQueryHandler(page_pressed, pattern=callback_data.family(MyTopupsPage)),
    ]
