"""The top-up steps as the reseller sees them: text and buttons.

Callback data names a draft and the version the user saw, never the phone, product
or amount that a purchase would trust: the purchase reads those from storage.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.catalog import CATALOG, Product
from bot.domain.formatting import format_money, format_phone
from bot.i18n import Html, es, plain, t
from storage.models import Draft, Purchase

QUICK_AMOUNTS = (20, 30, 50, 100, 200, 500)
Screen = tuple[Html, InlineKeyboardMarkup | None]


def example_phone() -> str:
    return es.EXAMPLE_PHONE


def _button(lang: str, key: str, data: str, **params: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(plain(lang, key, **params), callback_data=data)


def ask_phone(lang: str) -> Screen:
    return t(lang, "topup.ask_phone", example=example_phone()), None


def ask_product(draft: Draft) -> Screen:
    lang, ref = draft.lang, f"{draft.id}:{draft.version}"
    rows: list[list[InlineKeyboardButton]] = []
    packages: list[InlineKeyboardButton] = []
    for index, product in enumerate(CATALOG):
        data = f"p:{ref}:{index}"
        if product.price is None:
            rows.append([_button(lang, "button.airtime", data)])
        else:
            packages.append(_button(lang, "button.package", data, price=product.price))
    rows.extend(packages[i : i + 2] for i in range(0, len(packages), 2))
    rows.append(
        [
            _button(lang, "button.change_phone", f"e:{ref}"),
            _button(lang, "button.cancel", f"x:{ref}"),
        ]
    )
    phone = format_phone(draft.phone or "")
    return t(lang, "topup.ask_product", phone=phone), InlineKeyboardMarkup(rows)


def ask_amount(draft: Draft, product: Product) -> Screen:
    lang, ref = draft.lang, f"{draft.id}:{draft.version}"
    quick = [
        InlineKeyboardButton(f"${amount}", callback_data=f"a:{ref}:{amount}")
        for amount in QUICK_AMOUNTS
    ]
    rows = [quick[:3], quick[3:], [_button(lang, "button.cancel", f"x:{ref}")]]
    text = t(
        lang,
        "topup.ask_amount",
        phone=format_phone(draft.phone or ""),
        min=product.min_amount,
        max=f"{product.max_amount:,}",
    )
    return text, InlineKeyboardMarkup(rows)


def confirm(draft: Draft, product: Product) -> Screen:
    lang, ref = draft.lang, f"{draft.id}:{draft.version}"
    text = t(
        lang,
        "topup.confirm",
        phone=format_phone(draft.phone or ""),
        product=product.name(lang),
        amount=format_money(draft.amount or 0),
    )
    buttons = [
        _button(lang, "button.confirm", f"c:{ref}"),
        _button(lang, "button.cancel_confirm", f"x:{ref}"),
    ]
    return text, InlineKeyboardMarkup([buttons])


def processing(purchase: Purchase) -> Html:
    return t(
        purchase.lang,
        "topup.processing",
        amount=format_money(purchase.amount),
        phone=format_phone(purchase.phone),
    )
