"""Admins settle purchases pending verification (bot/usecases/settlement.py):
/pendientes and its buttons, and the answers to "the provider's reference?".

"✅ se cobró" asks for the reference, answered in reply (or /omitir when there is none,
/cancelar to leave the purchase pending); "❌ no se cobró" asks to be sure, then
settles. Every button is read against storage again: a purchase settled meanwhile is
told as such.
"""

from __future__ import annotations

import html

from telegram import CallbackQuery, ForceReply, Message, Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot import callback_data, views
from bot.callback_data import PendingList, Settle
from bot.context import BotContext
from bot.domain.history import Direction
from bot.domain.purchases import Purchase
from bot.domain.roles import Role
from bot.domain.settlement import Answer, AskAgain, Question, QuestionDropped, Settled
from bot.i18n import plain, t
from bot.messenger import answer_quietly
from handlers.common import lang_of, requires


@requires(Role.ADMIN)
async def list_pending(update: Update, context: BotContext) -> None:
    """/pendientes: the oldest pending purchases, each with its settle buttons."""
    assert update.effective_chat is not None  # noqa: S101 - command updates have a chat
    page = await context.services.settlement.page()
    text, markup = views.pending_page(page, lang_of(update), context.services.zone)
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)


@requires(Role.ADMIN)
async def page_pressed(update: Update, context: BotContext) -> None:
    """◀ ▶ under /pendientes: the page before or after the purchase the button names."""
    query = update.callback_query
    assert query is not None and query.message is not None  # noqa: S101 - callback queries
    button = callback_data.parse(query.data)
    assert isinstance(button, PendingList)  # noqa: S101 - the pattern
    settlement = context.services.settlement
    if button.direction is Direction.NEWER:
        page = await settlement.page(after=button.purchase_id)
    else:
        page = await settlement.page(before=button.purchase_id)
    text, markup = views.pending_page(page, lang_of(update), context.services.zone)
    await query.answer()
    await context.services.messenger.show(
        query.message.chat.id, query.message.message_id, text, markup
    )


@requires(Role.ADMIN)
async def settle_pressed(update: Update, context: BotContext) -> None:
    """✅ se cobró, ❌ no se cobró, and ❌ Sí, no se cobró; the purchase is read from
    storage, never from the button."""
    query = update.callback_query
    assert query is not None and query.message is not None  # noqa: S101 - callback queries
    button = callback_data.parse(query.data)
    assert isinstance(button, Settle)  # noqa: S101 - the pattern
    lang, chat_id = lang_of(update), query.message.chat.id
    settlement = context.services.settlement
    if button.sure:
        admin = query.from_user
        result = await settlement.settle(
            admin.id, admin.full_name, button.purchase_id, charged=False
        )
        await tell_admin(context, query, result, lang)
        return
    found = await settlement.still_pending(button.purchase_id)
    if not isinstance(found, Purchase):
        refusal = views.settle_refusal(found, lang, context.services.zone)
        await query.answer(refusal, show_alert=True)
    elif button.charged:
        text, force_reply = views.ask_reference(found, lang)
        await answer_quietly(query, plain(lang, "callback.settle_asked"))
        asked = await context.bot.send_message(chat_id, text, reply_markup=force_reply)
        await settlement.asked(query.from_user.id, found.id, asked.message_id)
    else:
        text, markup = views.confirm_failed(found, lang)
        await query.answer()
        await context.bot.send_message(chat_id, text, reply_markup=markup)


async def reference_typed(update: Update, context: BotContext) -> None:
    """An admin's answer to "provider's reference?" settles that purchase with it.

    Runs in a group ahead of the top-up steps; text that answers no open question goes
    on to them untouched (the use case says which)."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    if context.services.people.staff_role(user.id) is not Role.ADMIN:
        return
    replied = message.reply_to_message
    reply_to = replied.message_id if replied else None
    settlement = context.services.settlement
    result = await settlement.answer(user.id, user.full_name, message.text or "", reply_to)
    if result is Question.NOT_ASKED:
        return
    lang = lang_of(update)
    if isinstance(result, AskAgain):
        again = ForceReply(input_field_placeholder=plain(lang, "settle.reference_placeholder"))
        asked = await message.reply_text(t(lang, "settle.reference_invalid"), reply_markup=again)
        await settlement.asked(user.id, result.purchase_id, asked.message_id)
    else:
        await tell_admin(context, message, result, lang)
    raise ApplicationHandlerStop


async def question_cancelled(update: Update, context: BotContext) -> None:
    """/cancelar while "provider's reference?" is open: nothing is settled, the purchase
    stays pending. With no open question it goes on to the top-up's /cancelar."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    if context.services.people.staff_role(user.id) is not Role.ADMIN:
        return
    replied = message.reply_to_message
    dropped = await context.services.settlement.drop_question(
        user.id, replied.message_id if replied else None
    )
    if isinstance(dropped, QuestionDropped):
        text = t(lang_of(update), "settle.question_cancelled", folio=dropped.folio)
        await message.reply_text(text)
        raise ApplicationHandlerStop


@requires(Role.ADMIN)
async def skip_reference(update: Update, context: BotContext) -> None:
    """/omitir: settle as charged without the provider's reference."""
    user, message = update.effective_user, update.effective_message
    assert user is not None and message is not None  # noqa: S101 - command updates
    replied = message.reply_to_message
    reply_to = replied.message_id if replied else None
    result = await context.services.settlement.skip(user.id, user.full_name, reply_to)
    await tell_admin(context, message, result, lang_of(update))


async def tell_admin(
    context: BotContext, origin: CallbackQuery | Message, result: Answer, lang: str
) -> None:
    """Tell the admin what their settlement did, in answer to the button or message."""
    if isinstance(origin, Message) and isinstance(result, Question):
        key = "settle.expired" if result is Question.EXPIRED else "settle.nothing_to_skip"
        await origin.reply_text(t(lang, key))
        return
    if isinstance(result, Question | AskAgain):
        return
    if isinstance(origin, CallbackQuery):
        chat_id = origin.message.chat.id if origin.message else origin.from_user.id
    else:
        chat_id = origin.chat.id
    if not isinstance(result, Settled):
        refusal = views.settle_refusal(result, lang, context.services.zone)
        if isinstance(origin, CallbackQuery):
            await origin.answer(refusal, show_alert=True)
        else:
            await origin.reply_text(html.escape(refusal, quote=False))
        return
    if isinstance(origin, CallbackQuery):
        await answer_quietly(origin)
        if origin.message is not None:  # "❌ Sí, no se cobró" has done its job
            await context.services.messenger.drop_buttons(chat_id, origin.message.message_id)
    done = views.settled_done(result.purchase, lang, seller_told=result.seller_told)
    await context.bot.send_message(chat_id, done)


def settlement_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [
        CommandHandler(["pendientes", "pending"], list_pending),
        CallbackQueryHandler(page_pressed, pattern=callback_data.family(PendingList)),
        CallbackQueryHandler(settle_pressed, pattern=callback_data.family(Settle)),
        CommandHandler(["omitir", "skip"], skip_reference),
    ]


def reference_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """For a group ahead of the top-up's: an admin answering "provider's reference?"."""
    text = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
    return [
        MessageHandler(text, reference_typed),
        CommandHandler(["cancelar", "cancel"], question_cancelled),
    ]
