"""/movimientos: a reseller's statement, ten lines a page with ◀ ▶; an admin's
/movimientos <reseller> reads anyone's.

Whose statement a command or a button shows is decided by bot/usecases/statement.py
from who is asking, on every update: a reseller is refused anyone else's.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callback_data
from bot.callback_data import StatementPage
from bot.context import BotContext
from bot.domain.roles import Role
from bot.domain.statements import StatementRefusal
from bot.domain.wallets import Ambiguous, NoSuchReseller
from bot.i18n import plain, t
from bot.views.resellers import not_found
from bot.views.statement import statement as statement_page
from handlers.common import lang_of, requires, show_page

_REFUSALS = {
    StatementRefusal.NOT_YOURS: "statement.not_yours",
    StatementRefusal.NAME_ONE: "statement.usage",
}


@requires(Role.RESELLER)
async def statement(update: Update, context: BotContext) -> None:
    """/movimientos [reseller]: the newest page of the statement."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang, services = lang_of(update), context.services
    role = services.people.staff_role(user.id)
    found = await services.statements.show(user.id, role, " ".join(context.args or []))
    if isinstance(found, StatementRefusal):
        await context.bot.send_message(chat.id, t(lang, _REFUSALS[found]))
        return
    if isinstance(found, NoSuchReseller | Ambiguous):
        await context.bot.send_message(chat.id, not_found(lang, found))
        return
    own = found.reseller.user_id == user.id
    text, markup = statement_page(found, lang, services.zone, own=own)
    await context.bot.send_message(chat.id, text, reply_markup=markup)


@requires(Role.RESELLER)
async def page_pressed(update: Update, context: BotContext) -> None:
    """◀ ▶ under /movimientos: the next page, if the presser may read that statement."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    button = callback_data.parse(query.data)
    assert isinstance(button, StatementPage)  # noqa: S101 - the pattern
    lang, services, user_id = lang_of(update), context.services, query.from_user.id
    role = services.people.staff_role(user_id)
    found = await services.statements.page(
        user_id, role, button.reseller_id, button.direction, button.cursor
    )
    if isinstance(found, StatementRefusal):
        await query.answer(plain(lang, "statement.not_yours_alert"), show_alert=True)
        return
    if isinstance(found, NoSuchReseller):
        await query.answer(plain(lang, "resellers.none", asked=found.asked), show_alert=True)
        return
    await query.answer()
    own = found.reseller.user_id == user_id
    text, markup = statement_page(found, lang, services.zone, own=own)
    await show_page(context, query, text, markup)


def statement_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [
        CommandHandler(["movimientos", "statement"], statement),
        CallbackQueryHandler(page_pressed, pattern=callback_data.family(StatementPage)),
    ]
