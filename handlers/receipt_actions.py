"""The buttons under a receipt: 🔁 Repetir and 📤 Compartir.

A button names a folio only. The receipt is read again for whoever pressed, within what
they may see (their own, or anyone's for admins); anything else gets the same answer as
a folio that does not exist.
"""

from __future__ import annotations

import re

from telegram import CallbackQuery, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import views
from bot.domain import DomainError
from bot.domain.amounts import parse_amount
from bot.domain.catalog import get_product
from bot.i18n import plain
from bot.roles import Role
from bot.services import BotContext
from bot.sharing import deep_link, new_token
from handlers.access import lang_of, requires
from handlers.receipts import history_of, scope_for
from storage.models import Purchase, Status
from storage.shares import ShareRepository

ACTION = re.compile(r"^(?P<action>again|share):(?P<folio>[0-9]{1,12})$")


@requires(Role.RESELLER)
async def pressed(update: Update, context: BotContext) -> None:
    """Route 🔁 and 📤 of a receipt the presser may see."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    lang = lang_of(update)
    match = ACTION.match(query.data or "")
    scope = scope_for(context, query.from_user.id, None)
    purchase = await history_of(context).find(int(match["folio"]), scope) if match else None
    if match is None or purchase is None:
        await query.answer(plain(lang, "receipt.gone"), show_alert=True)
        return
    if match["action"] == "again":
        await _again(query, context, purchase, lang)
    else:
        await _share(query, context, purchase, lang)


async def _again(query: CallbackQuery, context: BotContext, purchase: Purchase, lang: str) -> None:
    """A new draft with the same number, product and amount, at the confirm step.

    It is a new purchase like any other: the ✅ of its summary goes through the usual
    reservation, duplicate guard included.
    """
    if purchase.status in (Status.PENDING, Status.SENDING):
        await query.answer(plain(lang, "repeat.not_now"), show_alert=True)
        return
    product = get_product(purchase.product_id)
    try:
        if product is None:
            raise DomainError("repeat.unavailable")
        amount = parse_amount(str(purchase.amount), product)  # the catalog may have changed
    except DomainError:
        await query.answer(plain(lang, "repeat.unavailable"), show_alert=True)
        return
    user_id, chat_id = query.from_user.id, _chat_id(query)
    drafts = context.services.drafts
    draft = await drafts.start_at_confirm(
        user_id, chat_id, lang, phone=purchase.phone, product_id=product.product_id, amount=amount
    )
    await query.answer()
    text, markup = views.confirm(draft, product)
    sent = await context.bot.send_message(chat_id, text, reply_markup=markup)
    await drafts.set_summary_message(draft.id, sent.message_id)


async def _share(query: CallbackQuery, context: BotContext, purchase: Purchase, lang: str) -> None:
    """The customer copy's link, the same one each time this receipt is shared."""
    shares = ShareRepository(context.services.database)
    token = await shares.token_for(purchase.id, query.from_user.id, new_token())
    await query.answer()
    link = deep_link(context.bot.username, token)
    await context.bot.send_message(_chat_id(query), views.share_link(purchase, link, lang))


def _chat_id(query: CallbackQuery) -> int:
    return query.message.chat.id if query.message else query.from_user.id


def receipt_action_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [CallbackQueryHandler(pressed, pattern=r"^(again|share):")]
