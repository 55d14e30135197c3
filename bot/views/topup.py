"""The top-up conversation as the reseller sees it: each step's screen, what a wrong
answer is told, the repeat warning, and the summary while the provider works.

Buttons name a draft and the version the user saw (bot/callback_data.py), never the
phone, product or amount that a purchase would trust: the purchase reads those again.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import CancelDraft, ChangePhone, ChooseProduct, Confirm, QuickAmount
from bot.domain.catalog import CATALOG
from bot.domain.clock import utcnow
from bot.domain.drafts import Draft, Invalid, Nudge, Refusal, Step
from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.domain.purchases import Purchase, Repeat
from bot.domain.wallets import Limited, Short, format_centavos
from bot.i18n import Html, es, plain, t

QUICK_AMOUNTS = (20, 30, 50, 100, 200, 500)
Screen = tuple[Html, InlineKeyboardMarkup | None]
# What a reseller typed, quoted back in an error, is cut at this many characters.
QUOTED_CHARACTERS = 40


def example_phone() -> str:
    return es.EXAMPLE_PHONE


def button(lang: str, key: str, data: str, **params: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(plain(lang, key, **params), callback_data=data)


def ask_phone(lang: str) -> Html:
    return t(lang, "topup.ask_phone", example=example_phone())


def step_screen(draft: Draft) -> Screen:
    """The screen of the step the draft is at."""
    if draft.step is Step.PHONE:
        return ask_phone(draft.lang), None
    if draft.step is Step.PRODUCT:
        return ask_product(draft)
    if draft.step is Step.AMOUNT:
        return ask_amount(draft)
    return summary(draft)


def ask_product(draft: Draft) -> Screen:
    lang, ref = draft.lang, (draft.id, draft.version)
    rows: list[list[InlineKeyboardButton]] = []
    packages: list[InlineKeyboardButton] = []
    for product in CATALOG:
        data = ChooseProduct(*ref, product.product_id).encode()
        if product.price is None:
            rows.append([button(lang, "button.airtime", data)])
        else:
            packages.append(button(lang, "button.package", data, price=product.price))
    rows.extend(packages[i : i + 2] for i in range(0, len(packages), 2))
    rows.append(
        [
            button(lang, "button.change_phone", ChangePhone(*ref).encode()),
            button(lang, "button.cancel", CancelDraft(*ref).encode()),
        ]
    )
    phone = format_phone(draft.phone or "")
    return t(lang, "topup.ask_product", phone=phone), InlineKeyboardMarkup(rows)


def _limits(draft: Draft) -> dict[str, object]:
    product = draft.product
    if product is None:
        return {}
    return {"min": product.min_amount, "max": f"{product.max_amount:,}"}


def ask_amount(draft: Draft) -> Screen:
    lang, ref = draft.lang, (draft.id, draft.version)
    quick = [
        InlineKeyboardButton(f"${amount}", callback_data=QuickAmount(*ref, amount).encode())
        for amount in QUICK_AMOUNTS
    ]
    rows = [quick[:3], quick[3:], [button(lang, "button.cancel", CancelDraft(*ref).encode())]]
    text = t(lang, "topup.ask_amount", phone=format_phone(draft.phone or ""), **_limits(draft))
    return text, InlineKeyboardMarkup(rows)


def summary(draft: Draft) -> Screen:
    lang, ref = draft.lang, (draft.id, draft.version)
    product = draft.product
    text = t(
        lang,
        "topup.confirm",
        phone=format_phone(draft.phone or ""),
        product=product.name(lang) if product else draft.product_id or "",
        amount=format_money(draft.amount or 0),
    )
    buttons = [
        button(lang, "button.confirm", Confirm(*ref).encode()),
        button(lang, "button.cancel_confirm", CancelDraft(*ref).encode()),
    ]
    return text, InlineKeyboardMarkup([buttons])


def invalid(answer: Invalid) -> Html:
    """What is wrong with the answer, and how to write it (the step is asked again)."""
    typed = answer.typed
    if len(typed) > QUOTED_CHARACTERS:
        typed = typed[: QUOTED_CHARACTERS - 1] + "…"
    error = answer.error
    params = {**error.params, **_limits(answer.draft), "text": typed}
    return t(answer.draft.lang, error.key, example=example_phone(), **params)


def nudge(lang: str, nudge: Nudge) -> Html:
    return t(lang, f"topup.{nudge.value}")


def refusal_alert(lang: str, refusal: Refusal) -> str:
    """Why a button changed nothing, as a button's alert."""
    if refusal is Refusal.EARLIER:
        return plain(lang, "button.earlier")
    return plain(lang, f"confirm.{refusal.value}")


def _ago(lang: str, when: datetime) -> str:
    minutes = max(0, int((utcnow() - when).total_seconds() // 60))
    if minutes >= 48 * 60:
        return plain(lang, "repeat.ago.days", days=minutes // (24 * 60))
    if minutes >= 120:
        return plain(lang, "repeat.ago.hours", hours=minutes // 60)
    if minutes:
        return plain(lang, "repeat.ago.minutes", minutes=minutes)
    return plain(lang, "repeat.ago.now")


def repeat_warning(repeat: Repeat, zone: ZoneInfo) -> Screen:
    """The summary, turned into "sold moments ago: top up again?" with a second confirm."""
    draft = repeat.draft
    lang, ref = draft.lang, (draft.id, draft.version)
    product = draft.product
    name = product.name(lang) if product else draft.product_id or ""
    amount = format_money(draft.amount or 0)
    # A package's name is its price ("Paquete $50"): said once, not "$50 de $50 MXN".
    packaged = product is not None and product.is_package
    sold = name if packaged else plain(lang, "repeat.sold.airtime", product=name, amount=amount)
    text = t(
        lang,
        "repeat.warning",
        sold=sold,
        product=name,
        amount=amount,
        phone=format_phone(draft.phone or ""),
        ago=_ago(lang, repeat.earlier_at),
        when=format_datetime(repeat.earlier_at, zone, lang),
        status=t(lang, f"repeat.status.{repeat.earlier_status.value}"),
    )
    buttons = [
        button(lang, "button.repeat_again", Confirm(*ref, repeat=True).encode()),
        button(lang, "button.cancel_confirm", CancelDraft(*ref).encode()),
    ]
    return text, InlineKeyboardMarkup([buttons])


def processing(purchase: Purchase) -> Html:
    return t(
        purchase.lang,
        "topup.processing",
        amount=format_money(purchase.amount),
        phone=format_phone(purchase.phone),
    )


def restart_notice(purchase: Purchase) -> Html:
    """What a reseller is told of their purchase that a stop left in flight."""
    return t(
        purchase.lang,
        "restart.pending",
        amount=format_money(purchase.amount),
        phone=format_phone(purchase.phone),
        folio=purchase.folio,
    )


def short_of_funds(lang: str, short: Short) -> Html:
    """✅ with a prepaid wallet that does not cover the sale: what is available, and how
    to add funds."""
    return t(
        lang,
        "wallet.short",
        cost=format_centavos(short.cost),
        available=format_centavos(short.available),
    )


def over_limit(lang: str, limited: Limited) -> Html:
    return t(
        lang,
        f"wallet.over_{limited.limit.value}",
        maximum=format_centavos(limited.maximum),
        sold=format_centavos(limited.sold_today),
    )
