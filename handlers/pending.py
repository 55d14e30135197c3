"""/pendientes: admins list the purchases pending verification and settle each one.

"✅ se cobró" asks for the provider's reference (handlers/references.py takes the
answer); "❌ no se cobró" asks to confirm, then settles. A settlement is one atomic update
of a row still pending, so a second admin (or a second tap) is told who settled it and
when. The reseller is told through the delivery, which retries until they have seen it.
"""

from __future__ import annotations

import html
import logging
import re

from telegram import CallbackQuery, Message, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
)

from bot import views
from bot.i18n import DEFAULT_LANG, plain
from bot.outcome import tell_listeners
from bot.roles import Role
from bot.services import BotContext
from bot.telegram_io import answer_quietly, drop_buttons, show, tell
from bot.views.safety import PAGE_SIZE
from handlers.access import lang_of, requires
from storage.models import Status
from storage.settlements import NotPending

logger = logging.getLogger(__name__)

PATTERN = re.compile(r"^s:(?P<action>[afFnp]):(?P<arg>[0-9]{1,12})$")


async def _page(
    context: BotContext, lang: str, *, after: int = 0, before: int | None = None
) -> views.Screen:
    settlements = context.services.settlements
    page = await settlements.pending(PAGE_SIZE, after=after, before=before)
    if not page.purchases and (after or before):  # nothing left that way: the first page
        page = await settlements.pending(PAGE_SIZE)
    return views.pending_page(page, lang, context.services.settings.zone)


@requires(Role.ADMIN)
async def list_pending(update: Update, context: BotContext) -> None:
    """/pendientes: the oldest pending purchases, each with its settle buttons."""
    assert update.effective_chat is not None  # noqa: S101 - command updates have a chat
    text, markup = await _page(context, lang_of(update))
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)


@requires(Role.ADMIN)
async def pressed(update: Update, context: BotContext) -> None:
    """A settle or page button; the purchase is read from storage, never from the button."""
    query = update.callback_query
    assert query is not None and query.message is not None  # noqa: S101 - callback queries
    lang = lang_of(update)
    match = PATTERN.match(query.data or "")
    if match is None:
        await query.answer(plain(lang, "settle.not_found"), show_alert=True)
        return
    action, arg = match["action"], int(match["arg"])
    chat_id = query.message.chat.id
    if action in ("n", "p"):  # the page after purchase `arg`, or the one before it
        after, before = (arg, None) if action == "n" else (0, arg)
        text, markup = await _page(context, lang, after=after, before=before)
        await query.answer()
        await show(context.bot, chat_id, query.message.message_id, text, markup)
        return
    purchase = await context.services.purchases.get(arg)
    if purchase is None:
        await query.answer(plain(lang, "settle.not_found"), show_alert=True)
    elif purchase.status is not Status.PENDING:
        zone = context.services.settings.zone
        await query.answer(views.already_settled(purchase, lang, zone), show_alert=True)
    elif action == "a":
        text, force_reply = views.ask_reference(purchase, lang)
        await answer_quietly(query, plain(lang, "callback.settle_asked"))
        asked = await context.bot.send_message(chat_id, text, reply_markup=force_reply)
        await context.services.settlements.ask_reference(
            query.from_user.id, purchase.id, asked.message_id
        )
    elif action == "f":
        text, markup = views.confirm_failed(purchase, lang)
        await query.answer()
        await context.bot.send_message(chat_id, text, reply_markup=markup)
    else:
        await settle(context, query, chat_id, purchase.id, lang, approved=False)


async def settle(
    context: BotContext,
    origin: CallbackQuery | Message,
    chat_id: int,
    purchase_id: int,
    lang: str,
    *,
    approved: bool,
    reference: str | None = None,
) -> None:
    """Settle once, tell the reseller, and tell the admin how it went."""
    services = context.services
    admin = origin.from_user
    assert admin is not None  # noqa: S101 - both come from a person
    result = await services.settlements.settle(
        purchase_id,
        approved=approved,
        admin_id=admin.id,
        admin_name=admin.full_name,
        reference=reference,
    )
    if result is None or isinstance(result, NotPending):
        refusal = (
            plain(lang, "settle.not_found")
            if result is None
            else views.already_settled(result.purchase, lang, services.settings.zone)
        )
        if isinstance(origin, CallbackQuery):
            await origin.answer(refusal, show_alert=True)
        else:
            await origin.reply_text(html.escape(refusal, quote=False))
        return
    purchase = result.purchase
    logger.info(
        "Purchase %s (%s) settled as %s by admin %s",
        purchase.folio,
        purchase.distributor_transaction_id,
        purchase.status.value,
        admin.id,
    )
    if isinstance(origin, CallbackQuery):
        await answer_quietly(origin)
        if origin.message is not None:  # "❌ Sí, no se cobró" has done its job
            await drop_buttons(context.bot, chat_id, origin.message.message_id)
    told = await services.delivery.deliver(context.bot, purchase)
    await tell_listeners(context.bot, services, purchase)
    await context.bot.send_message(chat_id, views.settled_done(purchase, lang, seller_told=told))
    for other in sorted(services.settings.admin_ids - {admin.id}):
        other_lang = await services.languages.of(other, DEFAULT_LANG)
        await tell(context.bot, other, views.settled_by_another(purchase, other_lang))


def pending_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first; the buttons before the top-up's catch-all buttons."""
    return [
        CommandHandler(["pendientes", "pending"], list_pending),
        CallbackQueryHandler(pressed, pattern=r"^s:"),
    ]
