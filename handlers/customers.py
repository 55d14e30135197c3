"""Customers: /mis_recargas with their verified number, its pages, and /avisos.

Customers are not resellers, so nothing here asks for a role. A number is only ever
taken from the sender's own Telegram contact (`contact.user_id` is the sender), which
Telegram vouches for; a typed number or someone else's contact proves nothing.
"""

from __future__ import annotations

import re
from datetime import timedelta

from telegram import ReplyKeyboardRemove, Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot import views
from bot.domain import DomainError
from bot.domain.formatting import format_phone
from bot.domain.phones import parse_phone
from bot.i18n import plain, t
from bot.roles import Role, role_of
from bot.services import BotContext
from handlers.access import lang_of
from handlers.receipts import edit_page
from handlers.topup import not_text
from storage.customers import Customer, CustomerRepository
from storage.history import Direction, HistoryRepository, Scope
from storage.models import utcnow

PAGE = re.compile(r"^mine:(?P<direction>[on]):(?P<cursor>[0-9]{1,19})$")
# Only digits and what people type between them; seven digits or more make it a number.
PHONE_CHARS = re.compile(r"[0-9\s().+\-]+")
MIN_DIGITS = 7
# How long "share your contact" stays the question: a number typed after that is a new
# conversation, most likely someone who wants to sell.
ASK_LASTS = timedelta(days=1)


def customers_of(context: BotContext) -> CustomerRepository:
    # A stateless view of the shared connection: Services lists the money path's stores.
    return CustomerRepository(context.services.database)


async def _send_history(context: BotContext, chat_id: int, customer: Customer, lang: str) -> None:
    page = await HistoryRepository(context.services.database).page(Scope(phone=customer.phone))
    text, markup = views.customer_history(
        page, customer.phone, lang, context.services.settings.zone
    )
    await context.bot.send_message(chat_id, text, reply_markup=markup)


async def my_topups(update: Update, context: BotContext) -> None:
    """/mis_recargas: the receipts for the verified number, or the button to verify it."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang = lang_of(update)
    customers = customers_of(context)
    customer = await customers.get(user.id)
    if customer is None:
        await customers.ask(user.id)
        keyboard = views.contact_keyboard(lang)
        await context.bot.send_message(
            chat.id, t(lang, "customers.ask_contact"), reply_markup=keyboard
        )
        return
    await _send_history(context, chat.id, customer, lang)


async def contact_shared(update: Update, context: BotContext) -> None:
    """A shared contact: kept as the verified number only when it is the sender's own."""
    message, user = update.effective_message, update.effective_user
    assert message and message.contact and user  # noqa: S101 - contact message updates
    lang, contact = lang_of(update), message.contact
    customers = customers_of(context)
    seller = role_of(context.services.settings, user.id) is not Role.NONE
    if seller and not await customers.asked_since(user.id, utcnow() - ASK_LASTS):
        # A seller sharing a card they were not asked for is in the middle of a sale (even
        # their own card: topping up their own phone): the top-up takes it.
        await not_text(update, context)
        return
    if contact.user_id is not None and contact.user_id == user.id:
        await _verify(update, context, contact.phone_number)
        return
    key = "customers.no_user_id" if contact.user_id is None else "customers.not_own"
    await message.reply_text(t(lang, key), reply_markup=views.contact_keyboard(lang))


async def _verify(update: Update, context: BotContext, phone_number: str) -> None:
    message, user = update.effective_message, update.effective_user
    assert message and user  # noqa: S101 - contact message updates
    lang = lang_of(update)
    try:
        phone = parse_phone(phone_number)
    except DomainError:
        await message.reply_text(
            t(lang, "customers.not_mexican"), reply_markup=ReplyKeyboardRemove()
        )
        return
    customer = await customers_of(context).verify(user.id, phone, lang)
    # The contact keyboard goes with this message: one with inline buttons can't remove it.
    await message.reply_text(
        t(lang, "customers.verified", phone=format_phone(phone)),
        reply_markup=ReplyKeyboardRemove(),
    )
    await _send_history(context, message.chat.id, customer, lang)


async def typed_number(update: Update, context: BotContext) -> None:
    """A customer asked for their contact types a number instead: explain why only the
    button counts.

    Runs before the top-up's catch-all (in an earlier group). Anyone else's text goes on
    untouched: a seller's to their top-up, a stranger's to the usual refusal.
    """
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or not _looks_like_a_number(message.text or ""):
        return
    if role_of(context.services.settings, user.id) is not Role.NONE:
        return
    if not await customers_of(context).asked_since(user.id, utcnow() - ASK_LASTS):
        return
    lang = lang_of(update)
    await message.reply_text(t(lang, "customers.typed"), reply_markup=views.contact_keyboard(lang))
    raise ApplicationHandlerStop


async def alerts(update: Update, context: BotContext) -> None:
    """/avisos: turn the notices about top-ups to the verified number on or off."""
    message, user = update.effective_message, update.effective_user
    assert message and user  # noqa: S101 - command updates
    lang = lang_of(update)
    customers = customers_of(context)
    customer = await customers.get(user.id)
    if customer is not None:
        customer = await customers.set_alerts(user.id, on=not customer.alerts)
    if customer is None:
        await message.reply_text(t(lang, "customers.not_verified"))
        return
    key = "alerts.on" if customer.alerts else "alerts.off"
    await message.reply_text(t(lang, key, phone=format_phone(customer.phone)))


async def page_pressed(update: Update, context: BotContext) -> None:
    """◀ ▶ under /mis_recargas: pages of the presser's own verified number, never the
    button's (it names no number)."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    lang = lang_of(update)
    match = PAGE.match(query.data or "")
    customer = await customers_of(context).get(query.from_user.id)
    if match is None or customer is None or query.message is None:
        await query.answer(plain(lang, "customers.not_verified"), show_alert=True)
        return
    history = HistoryRepository(context.services.database)
    scope = Scope(phone=customer.phone)
    page = await history.page(scope, Direction(match["direction"]), int(match["cursor"]))
    if not page.purchases:
        page = await history.page(scope)  # a stale or made-up folio: back to the newest
    await query.answer()
    zone = context.services.settings.zone
    text, markup = views.customer_history(page, customer.phone, lang, zone)
    await edit_page(context, query, text, markup)


def _looks_like_a_number(text: str) -> bool:
    return bool(PHONE_CHARS.fullmatch(text)) and sum(c.isdigit() for c in text) >= MIN_DIGITS


def customer_text_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """For a group ahead of the top-up's: a customer's typed number."""
    text = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
    return [MessageHandler(text, typed_number)]


def customer_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [
        CommandHandler(["mis_recargas", "my_topups"], my_topups),
        CommandHandler(["avisos", "alerts"], alerts),
        MessageHandler(filters.CONTACT & filters.ChatType.PRIVATE, contact_shared),
        CallbackQueryHandler(page_pressed, pattern=r"^mine:"),
    ]
