"""What customers see: the contact button, their receipts, the shared copy, the notice.

A customer copy carries what a Mexican recarga ticket carries and nothing of the
seller's: no balance, no cost, no provider transaction id, no name.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import KeyboardButton, ReplyKeyboardMarkup

from bot.callback_data import MyTopupsPage
from bot.domain.customers import CustomerPage
from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.domain.purchases import Purchase, Status
from bot.i18n import Html, plain, t
from bot.views.history import pager, status_label
from bot.views.receipt import product_name
from bot.views.topup import Screen

_MISSING = "—"


def contact_keyboard(lang: str) -> ReplyKeyboardMarkup:
    """Telegram's own "share my number" button: the only way a number gets verified."""
    button = KeyboardButton(plain(lang, "button.share_contact"), request_contact=True)
    return ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)


def customer_copy(purchase: Purchase, lang: str, zone: ZoneInfo) -> Html:
    """The receipt behind a shared link."""
    return t(
        lang,
        "shared.copy",
        product=product_name(purchase.product_id, lang),
        phone=format_phone(purchase.phone),
        amount=format_money(purchase.amount),
        when=format_datetime(purchase.shown_at, zone, lang),
        folio=purchase.folio,
        auth_code=purchase.auth_code or _MISSING,
        reference=purchase.reference or _MISSING,
        status=status_label(lang, purchase.status),
    )


def customer_history(found: CustomerPage, lang: str, zone: ZoneInfo) -> Screen:
    """/mis_recargas: every receipt for the customer's verified number, newest first."""
    page, phone = found.page, found.customer.phone
    title = t(lang, "customers.title", phone=format_phone(phone))
    if not page.purchases:
        return Html(title + "\n\n" + t(lang, "customers.empty", phone=format_phone(phone))), None
    lines = [title]
    for purchase in page.purchases:
        auth = ""
        if purchase.status is Status.APPROVED and purchase.auth_code:
            auth = t(lang, "customers.auth", auth_code=purchase.auth_code)
        lines.append(
            t(
                lang,
                "customers.line",
                when=format_datetime(purchase.shown_at, zone, lang),
                status=status_label(lang, purchase.status),
                product=product_name(purchase.product_id, lang),
                amount=format_money(purchase.amount),
                folio=purchase.folio,
                auth=Html(auth),
            )
        )
    markup = pager(page, lang, lambda way, folio: MyTopupsPage(way, folio).encode())
    return Html("\n\n".join(lines)), markup


def topup_notice(purchase: Purchase, lang: str, zone: ZoneInfo) -> Html:
    """What a customer with a verified number is told when a top-up to it is approved."""
    return t(
        lang,
        "customers.notice",
        phone=format_phone(purchase.phone),
        amount=format_money(purchase.amount),
        product=product_name(purchase.product_id, lang),
        when=format_datetime(purchase.shown_at, zone, lang),
        folio=purchase.folio,
        auth=(
            t(lang, "customers.notice_auth", auth_code=purchase.auth_code)
            if purchase.auth_code
            else Html("")
        ),
    )
