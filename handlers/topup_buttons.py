"""The top-up conversation's buttons: product, quick amount, change number, cancel, ✅.

Each button names a draft and the version the reseller saw. A button from an older
summary, another user's draft or a forged client finds no match and changes nothing.
Every callback query is answered exactly once. ✅ of a top-up sold moments ago turns the
summary into a warning whose button is the second, explicit confirmation.
"""

from __future__ import annotations

import asyncio
from functools import partial

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import callback_data, views
from bot.callback_data import CancelDraft, ChangePhone, ChooseProduct, Confirm, QuickAmount
from bot.context import BotContext
from bot.domain.drafts import Cancelled, Draft, Refusal, Refused, Step
from bot.domain.purchases import Repeat
from bot.domain.roles import Role
from bot.domain.wallets import Limited, Short
from bot.i18n import plain, t
from bot.messenger import answer_quietly
from handlers.common import lang_of, requires


async def _show(
    query: CallbackQuery, context: BotContext, text: str, markup: InlineKeyboardMarkup | None
) -> int | None:
    """Answer the tap while the pressed message changes: one round trip, not two. The
    new screen goes first: it is what the reseller waits for."""
    chat_id = query.message.chat.id if query.message else query.from_user.id
    message_id = query.message.message_id if query.message else None
    shown, _ = await asyncio.gather(
        context.services.messenger.show(chat_id, message_id, text, markup),
        answer_quietly(query),
    )
    return shown


async def _refused(query: CallbackQuery, lang: str, refusal: Refusal) -> None:
    await query.answer(views.refusal_alert(lang, refusal), show_alert=True)


@requires(Role.RESELLER)
async def pressed(update: Update, context: BotContext) -> None:
    """A button of the conversation: the draft's next screen in place of this one."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    button = callback_data.parse(query.data)
    assert isinstance(button, ChooseProduct | QuickAmount | ChangePhone | CancelDraft)  # noqa: S101 - the pattern
    answered = await context.services.topup.press(query.from_user.id, button)
    if isinstance(answered, Refused):
        await _refused(query, answered.lang or lang_of(update), answered.reason)
    elif isinstance(answered, Cancelled):
        await _show(query, context, t(answered.draft.lang, "topup.cancelled"), None)
    elif isinstance(answered, Draft):
        text, markup = views.step_screen(answered)
        shown = await _show(query, context, text, markup)
        if shown is not None and answered.step is Step.CONFIRM:
            await context.services.topup.summary_shown(answered, shown)


@requires(Role.RESELLER)
async def confirmed(update: Update, context: BotContext) -> None:
    """✅: the purchase is reserved, then sent in the background, once; the tap is
    answered as its outcome shows."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    button = callback_data.parse(query.data)
    assert isinstance(button, Confirm)  # noqa: S101 - the pattern
    user = query.from_user
    result = await context.services.purchases.confirm(
        user.id,
        user.full_name,
        button.draft_id,
        button.version,
        partial(answer_quietly, query),
        repeat=button.repeat,
    )
    if isinstance(result, Repeat):
        await _warn_repeat(query, context, result)
    elif isinstance(result, Refusal):
        await _refused(query, lang_of(update), result)
    elif isinstance(result, Short | Limited):
        await _not_covered(query, context, lang_of(update), result)


async def _not_covered(
    query: CallbackQuery, context: BotContext, lang: str, result: Short | Limited
) -> None:
    """Nothing placed: the wallet or a limit does not allow the sale. The summary stays,
    so ✅ works again once funds arrive; the reason comes as a message of its own."""
    if isinstance(result, Short):
        toast, text = plain(lang, "callback.short"), views.short_of_funds(lang, result)
    else:
        toast, text = plain(lang, "callback.limited"), views.over_limit(lang, result)
    await answer_quietly(query, toast)
    chat_id = query.message.chat.id if query.message else query.from_user.id
    await context.bot.send_message(chat_id, text)


async def _warn_repeat(query: CallbackQuery, context: BotContext, repeat: Repeat) -> None:
    """The summary becomes "sold moments ago: top up again?"; nothing is placed."""
    draft = repeat.draft
    text, markup = views.repeat_warning(repeat, context.services.zone)
    await answer_quietly(query, plain(draft.lang, "callback.repeat"))
    message_id = query.message.message_id if query.message else None
    await context.services.messenger.show(draft.chat_id, message_id, text, markup)


def topup_button_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [
        CallbackQueryHandler(confirmed, pattern=callback_data.family(Confirm)),
        CallbackQueryHandler(
            pressed,
            pattern=callback_data.family(ChooseProduct, QuickAmount, ChangePhone, CancelDraft),
        ),
    ]
