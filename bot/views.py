"""What each screen looks like: text and buttons for every step and outcome.

Callback data names a draft and the version the user saw, never the phone, product
or amount that a purchase would trust: the purchase reads those from storage.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.catalog import CATALOG, Product, get_product
from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.i18n import Html, es, plain, t
from storage.models import Draft, Purchase, Status

QUICK_AMOUNTS = (20, 30, 50, 100, 200, 500)
Screen = tuple[Html, InlineKeyboardMarkup | None]

# Decline codes grouped by what the reseller can do about them.
_NEXT_STEP = {
    "83": "next.check_number",
    "13": "next.check_amount",
    "14": "next.check_amount",
    "51": "next.call_admin",
    "05": "next.call_admin",
    "unauthorized": "next.call_admin",
    "login_failed": "next.call_admin",
}
_KNOWN_DECLINES = {"05", "12", "13", "14", "51", "83", "91", "unreachable", "unauthorized"}
_KNOWN_DECLINES |= {"login_failed"}


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


def product_name(product_id: str, lang: str) -> str:
    product = get_product(product_id)
    return product.name(lang) if product else product_id


def decline_reason(lang: str, code: str | None) -> tuple[Html, Html]:
    code = code or "other"
    reason = (
        t(lang, f"decline.{code}")
        if code in _KNOWN_DECLINES
        else t(lang, "decline.other", code=code)
    )
    return reason, t(lang, _NEXT_STEP.get(code, "next.retry_later"))


def receipt(purchase: Purchase, zone: ZoneInfo) -> Html:
    """The outcome as the reseller sees it, in the message that showed the summary."""
    lang = purchase.lang
    common = {
        "product": product_name(purchase.product_id, lang),
        "phone": format_phone(purchase.phone),
        "amount": format_money(purchase.amount),
        "folio": purchase.folio,
    }
    if purchase.status is Status.APPROVED:
        when = purchase.completed_at or purchase.created_at
        return t(
            lang,
            "receipt.approved",
            when=format_datetime(when, zone, lang),
            transaction_id=purchase.transaction_id or "",
            reference=purchase.reference or "",
            auth_code=purchase.auth_code or "",
            **common,
        )
    if purchase.status is Status.DECLINED:
        reason, next_step = decline_reason(lang, purchase.response_code)
        return t(lang, "receipt.declined", reason=reason, next=next_step, **common)
    return t(lang, "receipt.pending", **common)


def pending_alert(purchase: Purchase, lang: str, reseller: str) -> Html:
    """What admins are told about a purchase pending verification."""
    return t(
        lang,
        "admin.pending_alert",
        folio=purchase.folio,
        dtid=purchase.distributor_transaction_id,
        reseller=reseller,
        phone=format_phone(purchase.phone),
        product=product_name(purchase.product_id, lang),
        amount=format_money(purchase.amount),
        reason=purchase.pending_reason or "",
    )
