"""Receipt history as resellers and admins see it: ten lines a page, ◀ ▶, one receipt.

Page buttons carry which way to page from which folio, and the number filter
(bot/callback_data.py). Whose receipts a page shows is decided again from who pressed,
so nothing in the button can widen it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import ReceiptsPage
from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.domain.history import Direction, Page, Scope
from bot.domain.purchases import Purchase, Status
from bot.domain.statements import AfterSale
from bot.i18n import Html, plain, t
from bot.views.receipt import pending_alert, product_name, receipt, receipt_actions
from bot.views.settlement import settle_buttons
from bot.views.topup import Screen, processing

_TAG = re.compile(r"<[^>]*>")


def plain_text(text: str) -> str:
    """An HTML text as Telegram displays it: without tags, with entities decoded.

    Every "<" of a value is escaped by `t`, so whatever looks like a tag is one.
    """
    return html.unescape(_TAG.sub("", text))


def status_label(lang: str, status: Status) -> str:
    return plain(lang, f"status.{status.value}")


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
    everyone = scope.everyone
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
            when=format_datetime(purchase.shown_at, zone, lang),
            status=status_label(lang, purchase.status),
            phone=format_phone(purchase.phone),
            product=product_name(purchase.product_id, lang),
            amount=format_money(purchase.amount),
            link=t(lang, "history.link", folio=purchase.folio),
        )
        if everyone:
            line = Html(line + t(lang, "history.seller", seller=purchase.seller))
        lines.append(line)
    markup = pager(page, lang, lambda way, folio: ReceiptsPage(way, folio, scope.phone).encode())
    return Html("\n\n".join(lines)), markup


def one_receipt(
    purchase: Purchase,
    lang: str,
    zone: ZoneInfo,
    *,
    admin: bool,
    after: AfterSale | None = None,
) -> Screen:
    """/recibo <folio>: the reseller's receipt, in the reader's language, with its actions
    and what the sale did to the reseller's wallet (`after`)."""
    readers = replace(purchase, lang=lang)
    sending = purchase.status is Status.SENDING
    text = processing(readers) if sending else receipt(readers, zone, after)
    actions = receipt_actions(readers)
    if not admin:
        return text, actions
    if purchase.status is Status.PENDING:  # what an admin checks it with, and settles it
        rows = [settle_buttons(purchase, lang), *(actions.inline_keyboard if actions else ())]
        return pending_alert(purchase, lang), InlineKeyboardMarkup(rows)
    return Html(t(lang, "receipt.seller", seller=purchase.seller) + text), actions


def share_link(purchase: Purchase, link: str, lang: str) -> Html:
    """What the reseller forwards to the customer."""
    return t(lang, "share.link", phone=format_phone(purchase.phone), link=link)
