"""/recibos and /recibo: a reseller's receipts, newest first; every reseller's for admins.
Under a receipt: 🔁 Repetir (a new summary of the same top-up) and 📤 Compartir (the
customer copy's link).

Whose receipts a command or a button shows comes from who is asking, checked on every
update (bot/usecases/receipts.py): a button names only a folio or where to page from.
"""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import callback_data, views
from bot.callback_data import ReceiptsPage, RepeatSale, ShareReceipt
from bot.context import BotContext
from bot.domain import DomainError
from bot.domain.drafts import NoRepeat
from bot.domain.roles import Role
from bot.domain.sharing import LinkRefused
from bot.i18n import plain, t
from handlers.common import lang_of, requires, show_page

# A folio as typed after /recibo ("000012", "12", "#12"); twelve digits fit SQLite's integer.
FOLIO = re.compile(r"#?(?P<folio>[0-9]{1,12})")
# The tappable /recibo_000012 in a history line.
FOLIO_LINK = re.compile(r"^/(?:recibo|receipt)_(?P<folio>[0-9]{1,12})(?:@\w+)?$")


@requires(Role.RESELLER)
async def list_receipts(update: Update, context: BotContext) -> None:
    """/recibos [número]: the newest ten receipts, of one number when it is given."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang, services = lang_of(update), context.services
    role = services.people.staff_role(user.id)
    try:
        if context.args:
            scope, page = await services.receipts.of_number(user.id, role, " ".join(context.args))
        else:
            scope, page = await services.receipts.page(user.id, role)
    except DomainError as error:
        text = t(lang, error.key, example=views.example_phone(), **error.params)
        await context.bot.send_message(chat.id, text)
        return
    text, markup = views.history(page, scope, lang, services.zone)
    await context.bot.send_message(chat.id, text, reply_markup=markup)


@requires(Role.RESELLER)
async def page_pressed(update: Update, context: BotContext) -> None:
    """◀ ▶ under /recibos: the next page, of the presser's own receipts."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    button = callback_data.parse(query.data)
    assert isinstance(button, ReceiptsPage)  # noqa: S101 - the pattern
    services, user_id = context.services, query.from_user.id
    role = services.people.staff_role(user_id)
    scope, page = await services.receipts.page(
        user_id, role, button.phone, button.direction, button.cursor
    )
    await query.answer()
    text, markup = views.history(page, scope, lang_of(update), services.zone)
    await show_page(context, query, text, markup)


@requires(Role.RESELLER)
async def one_receipt(update: Update, context: BotContext) -> None:
    """/recibo <folio>: one receipt in full, with 🔁 Repetir and 📤 Compartir."""
    match = FOLIO.fullmatch(" ".join(context.args or []).strip())
    await _show_receipt(update, context, int(match["folio"]) if match else None)


@requires(Role.RESELLER)
async def folio_link(update: Update, context: BotContext) -> None:
    """/recibo_000012, tapped in a history line: the same as /recibo 000012."""
    message = update.effective_message
    match = FOLIO_LINK.match(message.text or "") if message else None
    await _show_receipt(update, context, int(match["folio"]) if match else None)


async def _show_receipt(update: Update, context: BotContext, folio: int | None) -> None:
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - message updates
    lang, services = lang_of(update), context.services
    if folio is None:
        await context.bot.send_message(chat.id, t(lang, "receipt.usage"))
        return
    role = services.people.staff_role(user.id)
    found = await services.receipts.open(user.id, role, folio)
    if found is None:
        # Someone else's folio reads exactly like one that does not exist.
        await context.bot.send_message(chat.id, t(lang, "receipt.not_found", folio=f"{folio:06d}"))
        return
    purchase, after = found
    admin = role is Role.ADMIN
    text, markup = views.one_receipt(purchase, lang, services.zone, admin=admin, after=after)
    await context.bot.send_message(chat.id, text, reply_markup=markup)


@requires(Role.RESELLER)
async def action_pressed(update: Update, context: BotContext) -> None:
    """🔁 and 📤 of a receipt the presser may see; any other reads as no receipt."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    button = callback_data.parse(query.data)
    assert isinstance(button, RepeatSale | ShareReceipt)  # noqa: S101 - the pattern
    lang, services, user_id = lang_of(update), context.services, query.from_user.id
    role = services.people.staff_role(user_id)
    chat_id = query.message.chat.id if query.message else user_id
    if isinstance(button, ShareReceipt):
        shared = await services.sharing.link(user_id, role, button.folio, context.bot.username)
        if shared is None or isinstance(shared, LinkRefused):
            key = "receipt.gone" if shared is None else "share.not_charged"
            await query.answer(plain(lang, key), show_alert=True)
            return
        await query.answer()
        await context.bot.send_message(chat_id, views.share_link(*shared, lang))
        return
    draft = await services.topup.repeat_sale(user_id, role, chat_id, lang, button.folio)
    if isinstance(draft, NoRepeat):
        key = "receipt.gone" if draft is NoRepeat.GONE else f"repeat.{draft.value}"
        await query.answer(plain(lang, key), show_alert=True)
        return
    await query.answer()
    text, markup = views.summary(draft)
    sent = await context.bot.send_message(chat_id, text, reply_markup=markup)
    await services.topup.summary_shown(draft, sent.message_id)


def receipt_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [
        CommandHandler(["recibos", "receipts"], list_receipts),
        CommandHandler(["recibo", "receipt"], one_receipt),
        MessageHandler(filters.Regex(FOLIO_LINK) & filters.ChatType.PRIVATE, folio_link),
        CallbackQueryHandler(page_pressed, pattern=callback_data.family(ReceiptsPage)),
        CallbackQueryHandler(
            action_pressed, pattern=callback_data.family(RepeatSale, ShareReceipt)
        ),
    ]
