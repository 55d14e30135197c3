"""/credito, /comision, /limite: admins set what a reseller's account allows."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot import views
from bot.context import BotContext
from bot.domain import DomainError
from bot.domain.roles import Role
from bot.domain.terms import Changed, DefaultChanged
from bot.i18n import t
from bot.views.resellers import not_found
from handlers.common import lang_of, requires

# A use case's setter of one term: (admin id, what they typed) → its outcome.
Setter = Callable[[int, str], Awaitable[object]]


async def _reply(update: Update, context: BotContext, what: str, outcome: object) -> None:
    chat = update.effective_chat
    assert chat is not None  # noqa: S101 - command updates have a chat
    lang = lang_of(update)
    if isinstance(outcome, Changed):
        text = views.terms_changed(lang, what, outcome)
    elif isinstance(outcome, DefaultChanged):
        text = views.default_changed(lang, outcome.commission)
    else:
        text = not_found(lang, outcome)  # type: ignore[arg-type]
    await context.bot.send_message(chat.id, text)


async def _usage(update: Update, context: BotContext, error: DomainError) -> None:
    chat = update.effective_chat
    assert chat is not None  # noqa: S101 - command updates have a chat
    await context.bot.send_message(chat.id, t(lang_of(update), error.key, **error.params))


async def _set(update: Update, context: BotContext, what: str, setter: Setter) -> None:
    """Set a reseller's term as typed after the command; a malformed line gets its usage."""
    user = update.effective_user
    assert user is not None  # noqa: S101 - command updates have a user
    try:
        outcome = await setter(user.id, " ".join(context.args or []))
    except DomainError as error:
        await _usage(update, context, error)
        return
    await _reply(update, context, what, outcome)


@requires(Role.ADMIN)
async def credit_limit(update: Update, context: BotContext) -> None:
    """/credito <reseller> <amount> | sin límite."""
    await _set(update, context, "credit", context.services.terms.set_credit)


@requires(Role.ADMIN)
async def commission(update: Update, context: BotContext) -> None:
    """/comision alone: the rates; with arguments, a reseller's or everyone's."""
    chat = update.effective_chat
    assert chat is not None  # noqa: S101 - command updates have a chat
    if not context.args:
        found = await context.services.terms.overview()
        await context.bot.send_message(chat.id, views.overview(lang_of(update), found))
        return
    await _set(update, context, "commission", context.services.terms.set_commission)


@requires(Role.ADMIN)
async def limits(update: Update, context: BotContext) -> None:
    """/limite <reseller> <per sale> <per day>."""
    await _set(update, context, "limits", context.services.terms.set_limits)


def terms_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [
        CommandHandler(["credito", "credit_limit"], credit_limit),
        CommandHandler(["comision", "commission"], commission),
        CommandHandler(["limite", "limits"], limits),
    ]
