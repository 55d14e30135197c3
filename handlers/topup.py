"""The top-up conversation's typed steps: /recarga, the phone, the amount, /cancelar.

The state lives in the draft in storage, read on every update, so a restart leaves
a reseller exactly where they were.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from bot import views
from bot.domain import DomainError
from bot.domain.amounts import parse_amount
from bot.domain.catalog import get_product
from bot.domain.phones import parse_phone
from bot.i18n import Html, t
from bot.roles import Role
from bot.services import BotContext
from bot.telegram_io import drop_buttons
from handlers.access import lang_of, requires
from storage.models import Draft, Step


def error_text(lang: str, error: DomainError, **extra: object) -> Html:
    return t(lang, error.key, example=views.example_phone(), **{**error.params, **extra})


@requires(Role.RESELLER)
async def start_topup(update: Update, context: BotContext) -> None:
    """/recarga: a fresh draft, asking for the phone number; `/recarga 55 1234 5678`
    answers that question at once, as a reseller at the counter would type it."""
    assert update.effective_user and update.effective_chat  # noqa: S101 - command updates
    lang = lang_of(update)
    drafts = context.services.drafts
    draft = await drafts.start(update.effective_user.id, update.effective_chat.id, lang)
    if context.args and update.effective_message is not None:
        await _phone_typed(update.effective_message, context, draft, " ".join(context.args))
        return
    text, _ = views.ask_phone(lang)
    await context.bot.send_message(update.effective_chat.id, text)


@requires(Role.RESELLER)
async def cancel(update: Update, context: BotContext) -> None:
    """/cancelar: leave the top-up at any step; the old summary loses its buttons."""
    assert update.effective_user and update.effective_chat  # noqa: S101 - command updates
    lang = lang_of(update)
    draft = await context.services.drafts.cancel(update.effective_user.id)
    if draft is None:
        await context.bot.send_message(
            update.effective_chat.id, t(lang, "topup.nothing_to_cancel")
        )
        return
    if draft.summary_message_id is not None:
        await drop_buttons(context.bot, draft.chat_id, draft.summary_message_id)
    await context.bot.send_message(update.effective_chat.id, t(draft.lang, "topup.cancelled"))


@requires(Role.RESELLER)
async def not_text(update: Update, context: BotContext) -> None:
    """A contact card at the phone step is the number; a photo, sticker or voice note
    gets what the current step needs instead."""
    message = update.effective_message
    assert message and update.effective_user  # noqa: S101 - message updates
    draft = await context.services.drafts.current(update.effective_user.id)
    lang = draft.lang if draft else lang_of(update)
    if draft is None:
        await message.reply_text(t(lang, "topup.no_draft"))
    elif draft.step is Step.PHONE and message.contact is not None:
        # The customer's card from the address book: its number is the answer.
        await _phone_typed(message, context, draft, message.contact.phone_number)
    elif draft.step is Step.PHONE:
        await message.reply_text(t(lang, "phone.empty", example=views.example_phone()))
    elif draft.step is Step.AMOUNT:
        product = get_product(draft.product_id or "")
        limits: dict[str, object] = {"min": 10, "max": "5,000"}
        if product is not None:
            limits = {"min": product.min_amount, "max": f"{product.max_amount:,}"}
        await message.reply_text(t(lang, "amount.empty", **limits))
    else:
        await message.reply_text(t(lang, "topup.use_buttons"))


@requires(Role.RESELLER)
async def typed(update: Update, context: BotContext) -> None:
    """Any text: the answer to whatever step the reseller's draft is at."""
    message = update.effective_message
    assert message and update.effective_user  # noqa: S101 - text message updates
    draft = await context.services.drafts.current(update.effective_user.id)
    if draft is None:
        await message.reply_text(t(lang_of(update), "topup.no_draft"))
        return
    text = message.text or ""
    if draft.step is Step.PHONE:
        await _phone_typed(message, context, draft, text)
    elif draft.step is Step.AMOUNT:
        await _amount_typed(message, context, draft, text)
    else:
        await message.reply_text(t(draft.lang, "topup.use_buttons"))


async def _phone_typed(message: Message, context: BotContext, draft: Draft, text: str) -> None:
    try:
        phone = parse_phone(text)
    except DomainError as error:
        await message.reply_text(error_text(draft.lang, error))
        return
    advanced = await context.services.drafts.advance(draft, Step.PRODUCT, phone=phone)
    if advanced is not None:
        screen, markup = views.ask_product(advanced)
        await message.reply_text(screen, reply_markup=markup)


async def _amount_typed(message: Message, context: BotContext, draft: Draft, text: str) -> None:
    product = get_product(draft.product_id or "")
    if product is None:
        return
    try:
        amount = parse_amount(text, product)
    except DomainError as error:
        limits = {"min": product.min_amount, "max": f"{product.max_amount:,}"}
        await message.reply_text(error_text(draft.lang, error, text=_quoted(text), **limits))
        return
    advanced = await context.services.drafts.advance(draft, Step.CONFIRM, amount=amount)
    if advanced is not None:
        screen, markup = views.confirm(advanced, product)
        sent = await message.reply_text(screen, reply_markup=markup)
        await context.services.drafts.set_summary_message(advanced.id, sent.message_id)


def _quoted(text: str, longest: int = 40) -> str:
    """What the reseller typed, to quote back: a long text cut, and shown to be cut."""
    return text if len(text) <= longest else text[: longest - 1] + "…"


def topup_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """The typed side of the conversation, Spanish commands first."""
    text = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
    return [
        CommandHandler(["recarga", "topup"], start_topup),
        CommandHandler(["cancelar", "cancel"], cancel),
        MessageHandler(text, typed),
        # Contacts are the customers' (handlers/customers.py); anything else is not text.
        MessageHandler(
            ~filters.TEXT & ~filters.COMMAND & ~filters.CONTACT & filters.ChatType.PRIVATE,
            not_text,
        ),
    ]
