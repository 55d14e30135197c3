"""/recibos and /recibo: a reseller's receipts, newest first; every reseller's for admins.

Whose receipts a command or a ◀ ▶ press shows comes from who is asking, checked on every
update: a page button only names where to page from and the number filter.
"""

from __future__ import annotations

import re

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import views
from bot.domain import DomainError
from bot.domain.phones import parse_phone
from bot.i18n import plain, t
from bot.roles import Role, role_of
from bot.services import BotContext
from bot.telegram_io import show
from handlers.access import lang_of, requires
from storage.history import Direction, HistoryRepository, Scope

PAGE = re.compile(r"^hist:(?P<direction>[on]):(?P<cursor>[0-9]{1,19}):(?P<phone>[0-9]{10})?$")
# A folio as typed after /recibo ("000012", "12", "#12"); twelve digits fit SQLite's integer.
FOLIO = re.compile(r"#?(?P<folio>[0-9]{1,12})")
# The tappable /recibo_000012 in a history line.
FOLIO_LINK = re.compile(r"^/(?:recibo|receipt)_(?P<folio>[0-9]{1,12})(?:@\w+)?$")


def scope_for(context: BotContext, user_id: int, phone: str | None) -> Scope:
    """A reseller's own receipts; an admin's scope covers every reseller."""
    if role_of(context.services.settings, user_id) is Role.ADMIN:
        return Scope(reseller_id=None, phone=phone)
    return Scope(reseller_id=user_id, phone=phone)


def history_of(context: BotContext) -> HistoryRepository:
    # A stateless view of the shared connection: Services lists the money path's stores.
    return HistoryRepository(context.services.database)


@requires(Role.RESELLER)
async def list_receipts(update: Update, context: BotContext) -> None:
    """/recibos [número]: the newest ten receipts, of one number when it is given."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang, phone = lang_of(update), None
    if context.args:
        try:
            phone = parse_phone(" ".join(context.args))
        except DomainError as error:
            text = t(lang, error.key, example=views.example_phone(), **error.params)
            await context.bot.send_message(chat.id, text)
            return
    scope = scope_for(context, user.id, phone)
    page = await history_of(context).page(scope)
    text, markup = views.history(page, scope, lang, context.services.settings.zone)
    await context.bot.send_message(chat.id, text, reply_markup=markup)


@requires(Role.RESELLER)
async def page_pressed(update: Update, context: BotContext) -> None:
    """◀ ▶ under /recibos: the next page, of the presser's own receipts."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    lang = lang_of(update)
    match = PAGE.match(query.data or "")
    if match is None or query.message is None:
        await query.answer(plain(lang, "history.gone"), show_alert=True)
        return
    scope = scope_for(context, query.from_user.id, match["phone"])
    history = history_of(context)
    page = await history.page(scope, Direction(match["direction"]), int(match["cursor"]))
    if not page.purchases:
        page = await history.page(scope)  # a stale or made-up folio: back to the newest
    await query.answer()
    text, markup = views.history(page, scope, lang, context.services.settings.zone)
    await edit_page(context, query, text, markup)


async def edit_page(
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
    await show(context.bot, message.chat.id, message.message_id, text, markup)


@requires(Role.RESELLER)
async def one_receipt(update: Update, context: BotContext) -> None:
    """/recibo <folio>: one receipt in full, with 🔁 Repetir and 📤 Compartir."""
    typed = " ".join(context.args or [])
    match = FOLIO.fullmatch(typed.strip())
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
    lang = lang_of(update)
    if folio is None:
        await context.bot.send_message(chat.id, t(lang, "receipt.usage"))
        return
    scope = scope_for(context, user.id, None)
    purchase = await history_of(context).find(folio, scope)
    if purchase is None:
        # Someone else's folio reads exactly like one that does not exist.
        await context.bot.send_message(chat.id, t(lang, "receipt.not_found", folio=f"{folio:06d}"))
        return
    admin = scope.reseller_id is None
    zone = context.services.settings.zone
    text, markup = views.one_receipt(purchase, lang, zone, admin=admin)
    await context.bot.send_message(chat.id, text, reply_markup=markup)


def receipt_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first; the page buttons before the top-up's catch-all buttons."""
    return [
        CommandHandler(["recibos", "receipts"], list_receipts),
        CommandHandler(["recibo", "receipt"], one_receipt),
        MessageHandler(filters.Regex(FOLIO_LINK) & filters.ChatType.PRIVATE, folio_link),
        CallbackQueryHandler(page_pressed, pattern=r"^hist:"),
    ]
