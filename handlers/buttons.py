"""The top-up conversation's buttons: product, quick amount, change number, confirm, cancel.

Each button names a draft and the version the reseller saw. A button from an older
summary, another user's draft or a forged client finds no match and changes nothing.
Every callback query is answered exactly once. ✅ of a top-up sold moments ago turns the
summary into a warning (a new version of the draft) whose "r" button is the second,
explicit confirmation.
"""

from __future__ import annotations

import asyncio
import re

from telegram import CallbackQuery, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot import views
from bot.domain import DomainError
from bot.domain.amounts import parse_amount
from bot.domain.catalog import CATALOG
from bot.i18n import plain, t
from bot.outcome import complete_purchase
from bot.roles import Role
from bot.services import BotContext
from bot.telegram_io import answer_quietly, show
from handlers.access import lang_of, requires
from storage.models import Draft, Step
from storage.purchases import Refusal, Reserved
from storage.repeats import Repeat

PATTERN = re.compile(
    r"^(?P<action>[pacexr]):(?P<draft>[0-9]{1,12}):(?P<version>[0-9]{1,9})(?::(?P<arg>[0-9]{1,6}))?$"
)


async def _stale(query: CallbackQuery, lang: str, refusal: Refusal = Refusal.CHANGED) -> None:
    await query.answer(plain(lang, f"confirm.{refusal.value}"), show_alert=True)


async def _closed(query: CallbackQuery, context: BotContext, lang: str, draft_id: int) -> None:
    """A button of a draft that is not open as the message showed it: say why."""
    draft = await context.services.drafts.get(draft_id)
    if draft is None:
        await _stale(query, lang, Refusal.NOT_FOUND)
    elif draft.user_id != query.from_user.id:
        await _stale(query, lang, Refusal.NOT_YOURS)
    elif draft.status in ("cancelled", "replaced"):  # replaced: /recarga started another
        await _stale(query, draft.lang, Refusal.CANCELLED)
    elif draft.status == "submitted":
        await _stale(query, draft.lang, Refusal.ALREADY_PLACED)
    else:  # open, but moved on since this message
        await query.answer(plain(draft.lang, "button.earlier"), show_alert=True)


async def _open_draft(
    query: CallbackQuery, context: BotContext, draft_id: int, version: int
) -> Draft | None:
    """The draft the button belongs to, if it is still the user's open draft as shown."""
    draft = await context.services.drafts.current(query.from_user.id)
    if draft is None or draft.id != draft_id or draft.version != version:
        return None
    return draft


@requires(Role.RESELLER)
async def pressed(update: Update, context: BotContext) -> None:
    """Route a button press of the top-up conversation."""
    query = update.callback_query
    assert query is not None  # noqa: S101 - registered for callback queries only
    lang = lang_of(update)
    match = PATTERN.match(query.data or "")
    if match is None:
        await _stale(query, lang, Refusal.NOT_FOUND)
        return
    action, arg = match["action"], match["arg"]
    draft_id, version = int(match["draft"]), int(match["version"])
    if action in ("c", "r"):
        await _confirm(update, query, context, draft_id, version, allow_repeat=action == "r")
        return
    draft = await _open_draft(query, context, draft_id, version)
    if draft is None:
        await _closed(query, context, lang, draft_id)
        return
    if action == "x":
        await context.services.drafts.cancel(query.from_user.id)
        await _answer_and_show(query, context, draft, t(draft.lang, "topup.cancelled"))
    elif action == "e":
        await _change_phone(query, context, draft)
    elif action == "p" and draft.step is Step.PRODUCT and arg is not None:
        await _product(query, context, draft, int(arg))
    elif action == "a" and draft.step is Step.AMOUNT and arg is not None:
        await _quick_amount(query, context, draft, arg)
    else:
        await _stale(query, draft.lang)


def _message_id(query: CallbackQuery) -> int | None:
    return query.message.message_id if query.message else None


async def _answer_and_show(
    query: CallbackQuery,
    context: BotContext,
    draft: Draft,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> int | None:
    """Answer the tap while the pressed message changes: one round trip, not two. The
    new screen goes first: it is what the reseller waits for."""
    shown, _ = await asyncio.gather(
        show(context.bot, draft.chat_id, _message_id(query), text, markup),
        answer_quietly(query),
    )
    return shown


async def _change_phone(query: CallbackQuery, context: BotContext, draft: Draft) -> None:
    advanced = await context.services.drafts.advance(draft, Step.PHONE)
    if advanced is None:
        await _stale(query, draft.lang)
        return
    text, _ = views.ask_phone(draft.lang)
    await _answer_and_show(query, context, draft, text)


async def _product(query: CallbackQuery, context: BotContext, draft: Draft, index: int) -> None:
    if index >= len(CATALOG):
        await _stale(query, draft.lang, Refusal.NOT_FOUND)
        return
    product = CATALOG[index]
    drafts = context.services.drafts
    if product.price is None:
        advanced = await drafts.advance(draft, Step.AMOUNT, product_id=product.product_id)
        if advanced is None:
            await _stale(query, draft.lang)
            return
        text, markup = views.ask_amount(advanced, product)
        await _answer_and_show(query, context, draft, text, markup)
        return
    advanced = await drafts.advance(
        draft, Step.CONFIRM, product_id=product.product_id, amount=product.price
    )
    await _show_summary(query, context, advanced or draft)


async def _quick_amount(query: CallbackQuery, context: BotContext, draft: Draft, arg: str) -> None:
    product = next(p for p in CATALOG if p.product_id == draft.product_id)
    try:
        amount = parse_amount(arg, product)
    except DomainError:
        await _stale(query, draft.lang, Refusal.NOT_FOUND)
        return
    advanced = await context.services.drafts.advance(draft, Step.CONFIRM, amount=amount)
    await _show_summary(query, context, advanced or draft)


async def _show_summary(query: CallbackQuery, context: BotContext, draft: Draft) -> None:
    if draft.step is not Step.CONFIRM:  # the draft moved on meanwhile
        await _stale(query, draft.lang)
        return
    product = next(p for p in CATALOG if p.product_id == draft.product_id)
    text, markup = views.confirm(draft, product)
    shown = await _answer_and_show(query, context, draft, text, markup)
    if shown is not None:
        await context.services.drafts.set_summary_message(draft.id, shown)


async def _confirm(
    update: Update,
    query: CallbackQuery,
    context: BotContext,
    draft_id: int,
    version: int,
    *,
    allow_repeat: bool,
) -> None:
    """✅: reserve the purchase from storage, then send it in the background, once."""
    services = context.services
    user = query.from_user
    result = await services.purchasing.place(
        draft_id, version, user.id, seller_name=user.full_name, allow_repeat=allow_repeat
    )
    if isinstance(result, Repeat):
        await _warn_repeat(query, context, result)
        return
    if not isinstance(result, Reserved):
        await _stale(query, lang_of(update), result)
        return
    purchase = result.purchase
    # The purchase is reserved: it must be sent and settled even if telling the user
    # fails, so it starts before anything else can go wrong in this handler. The tap is
    # answered there, as its outcome shows.
    services.background.spawn(
        complete_purchase(context.bot, services, purchase, query),
        name=f"purchase-{purchase.folio}",
    )


async def _warn_repeat(query: CallbackQuery, context: BotContext, repeat: Repeat) -> None:
    """The summary becomes "sold moments ago: top up again?"; nothing is placed."""
    draft = repeat.draft
    product = next(p for p in CATALOG if p.product_id == draft.product_id)
    text, markup = views.repeat_warning(repeat, product, context.services.settings.zone)
    await answer_quietly(query, plain(draft.lang, "callback.repeat"))
    await show(context.bot, draft.chat_id, _message_id(query), text, markup)


def button_handlers() -> list[BaseHandler[Update, BotContext, None]]:
    return [CallbackQueryHandler(pressed)]
