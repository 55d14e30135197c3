"""/corte: a reseller's day (an admin names the reseller); /reporte: every seller's
period for admins, in pages with ◀ ▶; /resumen: a reseller's cut every day.

Whose cut a command shows is decided by bot/usecases/reports.py from who asks.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callback_data
from bot.callback_data import ReportPage
from bot.context import BotContext
from bot.domain import DomainError
from bot.domain.reports import CutRefusal
from bot.domain.roles import Role
from bot.domain.wallets import Ambiguous, NoSuchReseller
from bot.i18n import Html, plain, t
from bot.views.reports import cut as cut_view
from bot.views.reports import report as report_page
from bot.views.resellers import not_found
from handlers.common import lang_of, requires, show_page


def _period_error(lang: str, error: DomainError) -> Html:
    """Why that is no period, and what may be typed."""
    return Html(t(lang, error.key, **error.params) + "\n\n" + t(lang, "periods.forms"))


@requires(Role.RESELLER)
async def cashup(update: Update, context: BotContext) -> None:
    """/corte [reseller] [hoy|ayer|día]: the day's sales and the wallet's day."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang, services = lang_of(update), context.services
    typed = " ".join(context.args or [])
    try:
        found = await services.reports.cut(user.id, services.people.staff_role(user.id), typed)
    except DomainError as error:
        await context.bot.send_message(chat.id, _period_error(lang, error))
        return
    if isinstance(found, CutRefusal):
        text = t(lang, f"cashup.{found.value}", typed=typed[:60])
    elif isinstance(found, NoSuchReseller | Ambiguous):
        text = not_found(lang, found)
    else:
        text = cut_view(found, lang, own=found.reseller.user_id == user.id)
    await context.bot.send_message(chat.id, text)


@requires(Role.ADMIN)
async def report(update: Update, context: BotContext) -> None:
    """/reporte [hoy|ayer|semana|mes|<desde> <hasta>]: the first page."""
    chat = update.effective_chat
    assert chat  # noqa: S101 - command updates
    lang, services = lang_of(update), context.services
    try:
        found = await services.reports.report(" ".join(context.args or []))
    except DomainError as error:
        await context.bot.send_message(chat.id, _period_error(lang, error))
        return
    text, markup = report_page(found, lang)
    await context.bot.send_message(chat.id, text, reply_markup=markup)


@requires(Role.RESELLER)
async def summary(update: Update, context: BotContext) -> None:
    """/resumen: a reseller's cut every day at DAILY_SUMMARY_AT, or no more."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    services = context.services
    summaries = services.summaries
    choice = await summaries.toggle(user.id, services.people.staff_role(user.id))
    at = f"{summaries.at:%H:%M}" if summaries.at else ""
    await context.bot.send_message(chat.id, t(lang_of(update), f"summary.{choice.value}", at=at))


@requires(Role.ADMIN)
async def page_pressed(update: Update, context: BotContext) -> None:
    """◀ ▶ under /reporte: the page asked for, the figures read again."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    button = callback_data.parse(query.data)
    assert isinstance(button, ReportPage)  # noqa: S101 - the pattern
    lang, reports = lang_of(update), context.services.reports
    try:
        period = await reports.page_period(button.first, button.last)
    except DomainError:
        await query.answer(plain(lang, "report.stale"), show_alert=True)
        return
    await query.answer()
    text, markup = report_page(await reports.report_of(period, paging=True), lang, button.page)
    await show_page(context, query, text, markup)


def report_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [
        CommandHandler(["corte", "cashup"], cashup),
        CommandHandler(["reporte", "report"], report),
        CommandHandler(["resumen", "summary"], summary),
        CallbackQueryHandler(page_pressed, pattern=callback_data.family(ReportPage)),
    ]
