"""Receipt history as resellers and admins see it: ten lines a page, ◀ ▶, one receipt.

Page buttons carry `hist:<o|n>:<folio>:<number or nothing>`: which way to page from
which folio, and the number filter. Whose receipts a page shows is decided by the
handler from who pressed, so nothing in the button can widen it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.i18n import Html, plain, t
from bot.views.receipt import pending_alert, product_name, receipt, receipt_actions
from bot.views.safety import settle_buttons
from bot.views.topup import Screen, processing
from storage.history import Direction, Page, Scope
from storage.models import Purchase, Status

_TAG = re.compile(r"<[^>]*>")


def plain_text(text: str) -> str:
    """An HTML text as Telegram displays it: without tags, with entities decoded.

    Every "<" of a value is escaped by `t`, so whatever looks like a tag is one.
    """
    return html.unescape(_TAG.sub("", text))


def status_label(lang: str, status: Status) -> str:
    return plain(lang, f"status.{status.value}")


def shown_at(purchase: Purchase) -> datetime:
    """The time a receipt carries: when the provider answered, else when it was placed."""
    return purchase.completed_at or purchase.created_at


def pager(
    page: Page, lang: str, data: Callable[[Direction, int], str]
) -> InlineKeyboardMarkup | None:
    """◀ to the newer page, ▶ to the older one, each shown only when there is one."""
    buttons = []
    if page.newer:
        newest = page.purchases[0].id
        buttons.append(
            InlineKeyboardButton(
                plain(lang, "button.newer"), callback_data=data(Direction.NEWER, newest)
            )
        )
    if page.older:
        oldest = page.purchases[-1].id
        buttons.append(
            InlineKeyboardButton(
                plain(lang, "button.older"), callback_data=data(Direction.OLDER, oldest)
            )
        )
    return InlineKeyboardMarkup([buttons]) if buttons else None


def history(page: Page, scope: Scope, lang: str, zone: ZoneInfo) -> Screen:
    """/recibos: a page of receipts; admins (scope over every reseller) see who sold each."""
    everyone = scope.reseller_id is None
    phone = format_phone(scope.phone) if scope.phone else ""
    title = "history.title" + ("_all" if everyone else "") + ("_phone" if phone else "")
    if not page.purchases:
        empty = "history.empty_phone" if phone else "history.empty"
        return Html(t(lang, title, phone=phone) + "\n\n" + t(lang, empty, phone=phone)), None
    lines = [t(lang, title, phone=phone)]
    for purchase in page.purchases:
        line = t(
            lang,
            "history.line",
            when=format_datetime(shown_at(purchase), zone, lang),
            status=status_label(lang, purchase.status),
            phone=format_phone(purchase.phone),
            product=product_name(purchase.product_id, lang),
            amount=format_money(purchase.amount),
            link=t(lang, "history.link", folio=purchase.folio),
        )
        if everyone:
            line = Html(line + t(lang, "history.seller", seller=purchase.seller))
        lines.append(line)
    filter_ = scope.phone or ""
    markup = pager(page, lang, lambda way, folio: f"hist:{way.value}:{folio}:{filter_}")
    return Html("\n\n".join(lines)), markup


def one_receipt(purchase: Purchase, lang: str, zone: ZoneInfo, *, admin: bool) -> Screen:
    """/recibo <folio>: the reseller's receipt, in the reader's language, with its actions."""
    readers = replace(purchase, lang=lang)
    text = processing(readers) if purchase.status is Status.SENDING else receipt(readers, zone)
    actions = receipt_actions(readers)
    if not admin:
        return text, actions
    if purchase.status is Status.PENDING:  # what an admin checks it with, and settles it
        rows = [settle_buttons(purchase, lang), *actions.inline_keyboard]
        return pending_alert(purchase, lang, purchase.seller), InlineKeyboardMarkup(rows)
    return Html(t(lang, "receipt.seller", seller=purchase.seller) + text), actions


def share_link(purchase: Purchase, link: str, lang: str) -> Html:
    """What the reseller forwards to the customer."""
    return t(lang, "share.link", phone=format_phone(purchase.phone), link=link)
