"""Deposits (bot/usecases/deposits.py): a reseller's `/deposito <amount>` and the photo of
the voucher, and the admins' ✅ Aprobar / ❌ Rechazar on its card.

Photos are looked at in a group ahead of the top-up's: a reseller's photo is about a
deposit (or told how to report one), and their top-up in progress stays where it was.
Anyone else's photo goes on to the top-up's handlers, as before.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot import callback_data
from bot.callback_data import DepositDecision
from bot.context import BotContext
from bot.domain.deposits import Decided, NoAccount
from bot.domain.roles import Role
from bot.views import deposits as views
from handlers.common import lang_of, requires


@requires(Role.RESELLER)
async def report(update: Update, context: BotContext) -> None:
    """/deposito 1500: the deposit waits for its photo; without an amount, it is asked for."""
    message, user = update.effective_message, update.effective_user
    assert message and user  # noqa: S101 - command updates
    typed = " ".join(context.args or [])
    lang = lang_of(update)
    result = await context.services.deposits.report(user.id, typed, lang)
    await message.reply_text(views.reported(lang, result, typed))


async def photo_sent(update: Update, context: BotContext) -> None:
    """A reseller's photo: the voucher of their deposit, or how to report one."""
    message, user = update.effective_message, update.effective_user
    if message is None or user is None or not message.photo:
        return
    if not context.services.people.staff_role(user.id).sells:
        return  # the top-up's handlers answer whoever may not sell
    lang = lang_of(update)
    caption = message.caption
    result = await context.services.deposits.photo(
        user.id, message.photo[-1].file_id, caption, lang
    )
    if result is NoAccount.NO_ACCOUNT:
        return  # an admin's photo: their top-up's handlers answer it, as ever
    await message.reply_text(views.reported(lang, result, caption or ""))
    raise ApplicationHandlerStop


@requires(Role.ADMIN)
async def decision_pressed(update: Update, context: BotContext) -> None:
    """✅ Aprobar / ❌ Rechazar on a deposit's card; the first decision stands."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - callback queries
    button = callback_data.parse(query.data)
    assert isinstance(button, DepositDecision)  # noqa: S101 - the pattern
    lang, admin = lang_of(update), query.from_user
    result = await context.services.deposits.decide(
        admin.id, admin.full_name, button.deposit_id, approve=button.approve
    )
    if isinstance(result, Decided):
        told = result.reseller_told
        await query.answer(
            views.decided_toast(lang, result.deposit, result.shop_name, reseller_told=told)
        )
        return
    await query.answer(
        views.decision_refused(lang, result, context.services.zone), show_alert=True
    )


def deposit_photo_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """For a group ahead of the top-up's: a reseller's photo."""
    return [MessageHandler(filters.PHOTO & filters.ChatType.PRIVATE, photo_sent)]


def deposit_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [
        CommandHandler(["deposito", "deposit"], report),
        CallbackQueryHandler(decision_pressed, pattern=callback_data.family(DepositDecision)),
    ]
