"""A reseller's statement as they (or an admin) read it: ten lines a page, newest
first, each with the balance after it, every sale's line a tappable /recibo_000012.
How a hold reads is decided in bot/domain/statements.py."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import StatementPage
from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.domain.history import Direction
from bot.domain.purchases import Status
from bot.domain.statements import LedgerPage, Statement, StatementLine
from bot.domain.wallets import MovementKind, format_centavos
from bot.i18n import Html, plain, t
from bot.views.receipt import product_name
from bot.views.topup import Screen


def signed(centavos: int) -> str:
    """+$500.00 and -$97.00: which way the balance moved."""
    return ("+" if centavos > 0 else "") + format_centavos(centavos)


def _line(line: StatementLine, lang: str, zone: ZoneInfo) -> Html:
    movement, sale = line.movement, line.sale
    figures = {
        "when": format_datetime(movement.created_at, zone, lang),
        "amount": signed(movement.amount),
        "cost": format_centavos(abs(movement.held)),
        "balance": format_centavos(movement.balance_after),
    }
    if sale is None or movement.kind in (MovementKind.DEPOSIT, MovementKind.ADJUSTMENT):
        note = t(lang, "statement.note", note=movement.note) if movement.note else ""
        return t(lang, f"statement.{movement.kind.value}", note=Html(note), **figures)
    about = {
        "link": t(lang, "history.link", folio=sale.folio),
        "phone": format_phone(sale.phone),
        "product": product_name(sale.product_id, lang),
        "face": format_money(sale.face),
    }
    if movement.kind is MovementKind.HOLD:
        state = "sending" if sale.status is Status.SENDING else "pending"
        about["state"] = plain(lang, f"statement.hold.{state}")
    return t(lang, f"statement.{movement.kind.value}", **about, **figures)


def _pager(page: LedgerPage, reseller_id: int, lang: str) -> InlineKeyboardMarkup | None:
    """◀ to the newer page, ▶ to the older one, each shown only when there is one."""
    buttons = []
    if page.newer:
        data = StatementPage(Direction.NEWER, page.lines[0].movement.id, reseller_id).encode()
        buttons.append(InlineKeyboardButton(plain(lang, "button.newer"), callback_data=data))
    if page.older:
        data = StatementPage(Direction.OLDER, page.lines[-1].movement.id, reseller_id).encode()
        buttons.append(InlineKeyboardButton(plain(lang, "button.older"), callback_data=data))
    return InlineKeyboardMarkup([buttons]) if buttons else None


def statement(found: Statement, lang: str, zone: ZoneInfo, *, own: bool) -> Screen:
    """/movimientos: a page of the statement; `own` when the reseller reads theirs (an
    admin reads whose it is in the title)."""
    reseller, page = found.reseller, found.page
    title = (
        t(lang, "statement.title")
        if own
        else t(lang, "statement.title_of", shop=reseller.shop_name, user_id=reseller.user_id)
    )
    if not page.lines:
        empty = t(lang, "statement.empty" if own else "statement.empty_of")
        return Html(title + "\n\n" + empty), None
    lines = [title, *(_line(line, lang, zone) for line in page.lines)]
    return Html("\n\n".join(lines)), _pager(page, reseller.user_id, lang)
