"""The top-up conversation's typed side: /recarga, /cancelar, the typed number and
amount, and what is not text (a contact card is the number).

The state lives in the draft in storage (bot/usecases/topup.py), read on every update,
so a restart leaves a reseller exactly where they were.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from bot import views
from bot.context import BotContext
from bot.domain.drafts import Answered, Draft, Invalid, Nudge, Step
from bot.domain.roles import Role
from bot.i18n import t
from handlers.common import lang_of, requires


async def _reply(message: Message, context: BotContext, answered: Answered, lang: str) -> None:
    """The draft's next step, what was wrong with the answer, or what to do instead."""
    if isinstance(answered, Draft):
        text, markup = views.step_screen(answered)
        sent = await message.reply_text(text, reply_markup=markup)
        if answered.step is Step.CONFIRM:
            await context.services.topup.summary_shown(answered, sent.message_id)
    elif isinstance(answered, Invalid):
        await message.reply_text(views.invalid(answered))
    elif isinstance(answered, Nudge):
        await message.reply_text(views.nudge(lang, answered))


@requires(Role.RESELLER)
async def start_topup(update: Update, context: BotContext) -> None:
    """/recarga: a fresh draft, asking for the number; `/recarga 55 1234 5678` answers
    that question at once, as a reseller at the counter would type it."""
    message, user, chat = update.effective_message, update.effective_user, update.effective_chat
    assert message and user and chat  # noqa: S101 - command updates
    typed = " ".join(context.args) if context.args else None
    answered = await context.services.topup.start(user.id, chat.id, lang_of(update), typed)
    if typed is None and isinstance(answered, Draft):
        await context.bot.send_message(chat.id, views.ask_phone(lang_of(update)))
        return
    await _reply(message, context, answered, lang_of(update))


@requires(Role.RESELLER)
async def cancel(update: Update, context: BotContext) -> None:
    """/cancelar: leave the top-up at any step; the old summary loses its buttons."""
    assert update.effective_user and update.effective_chat  # noqa: S101 - command updates
    draft = await context.services.topup.cancel(update.effective_user.id)
    if draft is None:
        text = t(lang_of(update), "topup.nothing_to_cancel")
        await context.bot.send_message(update.effective_chat.id, text)
        return
    if draft.summary_message_id is not None:
        await context.services.messenger.drop_buttons(draft.chat_id, draft.summary_message_id)
    await context.bot.send_message(update.effective_chat.id, t(draft.lang, "topup.cancelled"))


@requires(Role.RESELLER)
async def typed(update: Update, context: BotContext) -> None:
    """Any text: the answer to whatever step the reseller's draft is at."""
    message, user = update.effective_message, update.effective_user
    assert message and user  # noqa: S101 - text message updates
    answered = await context.services.topup.typed(user.id, message.text or "")
    await _reply(message, context, answered, lang_of(update))


@requires(Role.RESELLER)
async def not_text(update: Update, context: BotContext) -> None:
    """A contact card at the phone step is the number; a photo, sticker or voice note
    gets what the current step needs instead."""
    message, user = update.effective_message, update.effective_user
    assert message and user  # noqa: S101 - message updates
    number = message.contact.phone_number if message.contact else None
    answered = await context.services.topup.not_text(user.id, number)
    await _reply(message, context, answered, lang_of(update))


def topup_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """The typed side of the conversation, Spanish commands first. A contact reaches
    here only when the customers' handler (an earlier group) left it to the sale."""
    private = filters.ChatType.PRIVATE
    return [
        CommandHandler(["recarga", "topup"], start_topup),
        CommandHandler(["cancelar", "cancel"], cancel),
        MessageHandler(filters.TEXT & ~filters.COMMAND & private, typed),
        MessageHandler(~filters.TEXT & ~filters.COMMAND & private, not_text),
    ]
