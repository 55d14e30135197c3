"""A shared receipt link (`/start <token>`): the customer copy, for whoever holds it.

No role is needed: the person opening it is usually the reseller's customer. Every
failure reads the same ("this link is not valid"), and a user who keeps trying wrong
tokens is slowed down (see bot.sharing.open_shared).
"""

from __future__ import annotations

import time

from telegram import Update

from bot import views
from bot.i18n import t
from bot.services import BotContext
from bot.sharing import Refused, open_shared
from handlers.access import lang_of
from storage.shares import ShareRepository


async def shared_receipt(update: Update, context: BotContext, token: str) -> None:
    """/start <token>: the customer copy of the receipt behind the token."""
    user, chat = update.effective_user, update.effective_chat
    assert user and chat  # noqa: S101 - command updates
    lang = lang_of(update)
    shares = ShareRepository(context.services.database)
    found = await open_shared(shares, user.id, token, time.time())
    if isinstance(found, Refused):
        key = "shared.slow_down" if found is Refused.SLOW_DOWN else "shared.invalid"
        await context.bot.send_message(chat.id, t(lang, key))
        return
    copy = views.customer_copy(found, lang, context.services.settings.zone)
    await context.bot.send_message(chat.id, copy)
