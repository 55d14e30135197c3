"""Admins manage resellers (bot/usecases/resellers.py, bot/usecases/invitations.py):
/alta (a one-time invitation link, or one added by id), /vendedores and its pages,
/suspender and /reactivar. A reseller is named by Telegram id or shop name; a name that
fits several is asked about, never guessed."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callback_data
from bot.callback_data import ResellersPage
from bot.context import BotContext
from bot.domain.resellers import StatusChanged
from bot.domain.roles import Role
from bot.i18n import t
from bot.views.invitations import invitation
from bot.views.resellers import added, not_found, reseller_page, status_changed
from handlers.common import lang_of, requires, show_page


@requires(Role.ADMIN)
async def invite_or_add(update: Update, context: BotContext) -> None:
    """/alta: a one-time link to forward to the future reseller; /alta <telegram id>
    <shop name> makes them one at once (or renames the shop of one already)."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang, services = lang_of(update), context.services
    if context.args:
        text = added(lang, await services.resellers.add(user.id, " ".join(context.args)))
    else:
        invited = await services.invitations.invite(user.id, context.bot.username)
        text = invitation(lang, invited, services.zone)
    await context.bot.send_message(chat.id, text)


@requires(Role.ADMIN)
async def list_resellers(update: Update, context: BotContext) -> None:
    """/vendedores: the first page of resellers, with their money and today's sales."""
    assert update.effective_chat is not None  # noqa: S101 - command updates have a chat
    page = await context.services.resellers.page()
    text, markup = reseller_page(page, lang_of(update))
    await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)


@requires(Role.ADMIN)
async def page_pressed(update: Update, context: BotContext) -> None:
    """◀ ▶ under /vendedores: the page the button names, as it stands now."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    button = callback_data.parse(query.data)
    assert isinstance(button, ResellersPage)  # noqa: S101 - the pattern
    page = await context.services.resellers.page(button.page)
    await query.answer()
    text, markup = reseller_page(page, lang_of(update))
    await show_page(context, query, text, markup)


@requires(Role.ADMIN)
async def suspend(update: Update, context: BotContext) -> None:
    """/suspender <reseller>: they sell nothing from now on, and are told."""
    await _change_status(update, context, suspending=True)


@requires(Role.ADMIN)
async def resume(update: Update, context: BotContext) -> None:
    """/reactivar <reseller>: they sell again, and are told."""
    await _change_status(update, context, suspending=False)


async def _change_status(update: Update, context: BotContext, *, suspending: bool) -> None:
    chat = update.effective_chat
    assert chat is not None  # noqa: S101 - command updates have a chat
    lang, resellers = lang_of(update), context.services.resellers
    if not context.args:
        await context.bot.send_message(
            chat.id, t(lang, "suspend.usage" if suspending else "resume.usage")
        )
        return
    asked = " ".join(context.args)
    result = await (resellers.suspend(asked) if suspending else resellers.resume(asked))
    if isinstance(result, StatusChanged):
        text = status_changed(lang, result)
    else:
        text = not_found(lang, result)
    await context.bot.send_message(chat.id, text)


def reseller_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [
        CommandHandler(["alta", "invite"], invite_or_add),
        CommandHandler(["vendedores", "resellers"], list_resellers),
        CallbackQueryHandler(page_pressed, pattern=callback_data.family(ResellersPage)),
        CommandHandler(["suspender", "suspend"], suspend),
        CommandHandler(["reactivar", "resume"], resume),
    ]
