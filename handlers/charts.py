"""/grafica (/chart): a PNG of sales per day (bot/usecases/charts.py decides whose and
which days; bot/views/chart.py draws it in a worker thread, off the event loop)."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.context import BotContext
from bot.domain import DomainError
from bot.domain.roles import Role
from bot.domain.wallets import Ambiguous, NoSuchReseller
from bot.i18n import Html, t
from bot.views import chart as views
from bot.views.resellers import not_found
from handlers.common import lang_of, requires


@requires(Role.RESELLER)
async def chart(update: Update, context: BotContext) -> None:
    """/grafica [período] [vendedor]: the chart with the period's totals, or why not."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang, services = lang_of(update), context.services
    role = services.people.staff_role(user.id)
    try:
        found = await services.charts.chart(user.id, role, " ".join(context.args or []))
    except DomainError as error:
        said = t(lang, error.key, **error.params)
        if error.key != "charts.not_yours":
            said = Html(f"{said}\n\n{t(lang, 'periods.forms')}\n{t(lang, 'charts.usage')}")
        await context.bot.send_message(chat.id, said)
        return
    if isinstance(found, NoSuchReseller | Ambiguous):
        await context.bot.send_message(chat.id, not_found(lang, found))
        return
    if found.empty:
        await context.bot.send_message(chat.id, views.empty(found, lang))
        return
    picture = await asyncio.to_thread(views.png, found, lang)
    await context.bot.send_photo(
        chat.id, picture, caption=views.caption(found, lang), filename="grafica.png"
    )


def chart_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish command first."""
    return [CommandHandler(["grafica", "chart"], chart)]
