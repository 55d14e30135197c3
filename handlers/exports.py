"""/exportar [período] [vendedor]: a period's sales and balance movements as CSV
documents; an admin's of anyone, a reseller's of their own (bot/usecases/exports.py)."""

from __future__ import annotations

import asyncio
import contextlib

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler

from bot.context import BotContext
from bot.domain import DomainError
from bot.domain.exports import Exported, Refused
from bot.domain.roles import Role
from bot.domain.wallets import Ambiguous, NoSuchReseller
from bot.i18n import t
from bot.views import exports as view
from bot.views.resellers import not_found
from handlers.common import lang_of, requires


class _Reply:
    """The export's files, or why there are none, to the chat that asked."""

    def __init__(self, context: BotContext, chat_id: int, lang: str) -> None:
        self._context, self._chat_id, self._lang = context, chat_id, lang

    async def working(self) -> None:
        """ "sending a file…" at the top of the chat; a lost one costs nothing."""
        with contextlib.suppress(TelegramError):
            await self._context.bot.send_chat_action(self._chat_id, ChatAction.UPLOAD_DOCUMENT)

    async def deliver(self, exported: Exported | None) -> None:
        bot, chat_id, lang = self._context.bot, self._chat_id, self._lang
        if exported is None:
            await bot.send_message(chat_id, t(lang, "exports.failed"))
            return
        if not exported.files:
            await bot.send_message(chat_id, view.nothing(lang, exported.scope))
        for file in exported.files:
            # python-telegram-bot holds a document in memory to upload it (MAX_FILE at most);
            # read in a worker thread, so the event loop is not held by the disk.
            content = await asyncio.to_thread(file.path.read_bytes)
            caption = view.caption(lang, exported.scope, file)
            await bot.send_document(chat_id, content, filename=file.name, caption=caption)
            del content


@requires(Role.RESELLER)
async def export(update: Update, context: BotContext) -> None:
    """/exportar [período] [vendedor]: the files follow in the background, or why none."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang, services = lang_of(update), context.services
    role = services.people.staff_role(user.id)
    typed = " ".join(context.args or [])
    try:
        started = await services.exports.start(
            user.id, role, typed, lang, _Reply(context, chat.id, lang)
        )
    except DomainError as error:
        await context.bot.send_message(chat.id, view.period_error(lang, error.key, error.params))
        return
    if isinstance(started, Refused):
        await context.bot.send_message(chat.id, view.refused(lang, started))
    elif isinstance(started, NoSuchReseller | Ambiguous):
        await context.bot.send_message(chat.id, not_found(lang, started))


def export_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """Spanish commands first."""
    return [CommandHandler(["exportar", "export"], export)]
