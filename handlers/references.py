"""The provider's reference an admin is asked for when settling a purchase as charged.

"✅ se cobró" (handlers/pending.py) asks; the admin answers in reply, with /omitir when
there is none, or /cancelar to leave the purchase pending. A question is answered once
and expires after PROMPT_TTL; a reply to an expired one is told so and goes nowhere
else, so a reference is never taken for the admin's own top-up amount.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import ForceReply, Update
from telegram.ext import (
    ApplicationHandlerStop,
    BaseHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.domain import visible
from bot.i18n import plain, t
from bot.roles import Role, role_of
from bot.services import BotContext
from handlers.access import lang_of, requires
from handlers.pending import settle
from storage.models import utcnow
from storage.settlements import Prompt

# An unanswered question about a reference stops catching the admin's text after this.
PROMPT_TTL = timedelta(minutes=15)
MAX_REFERENCE = 64


async def reference_typed(update: Update, context: BotContext) -> None:
    """An admin's answer to "provider's reference?" settles that purchase with it.

    Runs in a group ahead of the top-up steps. A reply to the question (it asks for one)
    answers it. Text that is no reply answers the newest open question only while the
    admin has no top-up of their own open: their own sale's text is never taken for a
    reference; it goes on to the other handlers untouched. A reply to a question too old
    to answer is told so, and goes nowhere else either: "100" meant as a reference must
    not become the amount of the admin's own top-up.
    """
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    if role_of(context.services.settings, user.id) is not Role.ADMIN:
        return
    replied = message.reply_to_message
    if replied is None and await context.services.drafts.current(user.id) is not None:
        return
    settlements = context.services.settlements
    prompt = await settlements.take_prompt(user.id, replied.message_id if replied else None)
    if prompt is None or (replied is None and _expired(prompt)):
        return
    lang = lang_of(update)
    if _expired(prompt):
        await message.reply_text(t(lang, "settle.expired"))
        raise ApplicationHandlerStop
    reference = _reference(message.text or "")
    if reference is None:
        again = ForceReply(input_field_placeholder=plain(lang, "settle.reference_placeholder"))
        asked = await message.reply_text(t(lang, "settle.reference_invalid"), reply_markup=again)
        await settlements.ask_reference(user.id, prompt.purchase_id, asked.message_id)
        raise ApplicationHandlerStop
    await settle(
        context,
        message,
        message.chat.id,
        prompt.purchase_id,
        lang,
        approved=True,
        reference=reference,
    )
    raise ApplicationHandlerStop


async def question_cancelled(update: Update, context: BotContext) -> None:
    """/cancelar while "provider's reference?" is open: nothing is settled, the purchase
    stays pending. In reply to a question it closes that one; typed or tapped in the
    question's text (not a reply), the admin's newest open one, as /omitir does. With no
    open question, it goes on to the top-up's /cancelar."""
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    if role_of(context.services.settings, user.id) is not Role.ADMIN:
        return
    asked_in = message.reply_to_message.message_id if message.reply_to_message else None
    prompt = await context.services.settlements.take_prompt(user.id, asked_in)
    if prompt is None or _expired(prompt):
        return
    purchase = await context.services.purchases.get(prompt.purchase_id)
    folio = purchase.folio if purchase is not None else "—"
    await message.reply_text(t(lang_of(update), "settle.question_cancelled", folio=folio))
    raise ApplicationHandlerStop


@requires(Role.ADMIN)
async def skip_reference(update: Update, context: BotContext) -> None:
    """/omitir: settle as approved without the provider's reference."""
    user, message = update.effective_user, update.effective_message
    assert user is not None and message is not None  # noqa: S101 - command updates
    lang = lang_of(update)
    asked_in = message.reply_to_message.message_id if message.reply_to_message else None
    prompt = await context.services.settlements.take_prompt(user.id, asked_in)
    if prompt is None:
        await message.reply_text(t(lang, "settle.nothing_to_skip"))
        return
    if _expired(prompt):
        await message.reply_text(t(lang, "settle.expired"))
        return
    await settle(context, message, message.chat.id, prompt.purchase_id, lang, approved=True)


def _reference(typed: str) -> str | None:
    """The provider's reference as typed: one line of at most MAX_REFERENCE characters,
    with what cannot be seen (zero-width characters) dropped and any run of spaces
    (tabs, no-break spaces) made one space; None when nothing visible is left."""
    if "\n" in typed.strip():
        return None
    reference = " ".join(visible(typed).split())
    if not reference or len(reference) > MAX_REFERENCE or not reference.isprintable():
        return None
    return reference


def _expired(prompt: Prompt) -> bool:
    return prompt.asked_at < utcnow() - PROMPT_TTL


def reference_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """For a group ahead of the top-up's: an admin answering "provider's reference?"."""
    text = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
    return [
        MessageHandler(text, reference_typed),
        CommandHandler(["cancelar", "cancel"], question_cancelled),
    ]


def skip_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    """/omitir, among the admins' commands."""
    return [CommandHandler(["omitir", "skip"], skip_reference)]
