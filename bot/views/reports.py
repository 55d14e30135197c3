"""/corte and /reporte as people read them: a reseller's day in one message, and an
admin's report in pages of at most `PAGE_LIMIT` characters with ◀ ▶ between them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import ReportPage
from bot.domain.formatting import format_money
from bot.domain.periods import Period
from bot.domain.reports import Cut, Line, Report, Sales
from bot.domain.wallets import format_centavos
from bot.i18n import Html, plain, t
from bot.views.receipt import product_name
from bot.views.statement import signed
from bot.views.topup import Screen

# A page's HTML, title included. Telegram's 4,096 counts the text once its tags are
# parsed, which is never longer; a report line is under 200 characters.
PAGE_LIMIT = 3_800
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day(found: date, lang: str) -> str:
    """05/12/2026 in Spanish, 5 Dec 2026 in English: the day never misread."""
    if lang == "en":
        return f"{found.day} {_MONTHS_EN[found.month - 1]} {found.year}"
    return f"{found.day:02d}/{found.month:02d}/{found.year}"


def when(period: Period, lang: str) -> str:
    """The period as people say it: "hoy (05/12/2026)", "01/12/2026 – 05/12/2026"."""
    first, last = day(period.first, lang), day(period.last, lang)
    dates = first if period.is_one_day else plain(lang, "reports.range", first=first, last=last)
    if period.named is None:
        return dates
    name = plain(lang, f"periods.{period.named.value}")
    return plain(lang, "reports.named", name=name, dates=dates)


def _pesos(pesos: int) -> str:
    return format_centavos(pesos * 100)


def _sales(sales: Sales, lang: str) -> list[Html]:
    return [
        t(lang, "reports.sales", count=sales.count),
        t(lang, "reports.approved", count=sales.approved.count, face=_pesos(sales.sold)),
        t(lang, "reports.declined", count=sales.declined.count, face=_pesos(sales.declined.face)),
        t(lang, "reports.pending", count=sales.pending.count, face=_pesos(sales.pending.face)),
        t(lang, "reports.commission", commission=format_centavos(sales.commission)),
    ]


def cut(found: Cut, lang: str, *, own: bool) -> Html:
    """/corte: the day's sales, then the wallet from the day's start to its end."""
    reseller, sales, funds = found.reseller, found.sales, found.funds
    period = when(found.period, lang)
    lines = [
        t(lang, "cashup.title_own", when=period)
        if own
        else t(
            lang, "cashup.title_of", shop=reseller.shop_name, user_id=reseller.user_id, when=period
        ),
        "",
    ]
    if sales.count == 0:
        lines.append(t(lang, "cashup.no_sales"))
    else:
        lines += _sales(sales, lang)
        lines.append(t(lang, "cashup.paid", paid=format_centavos(sales.paid)))
        if sales.pending.count:
            lines.append(t(lang, "cashup.held", held=format_centavos(sales.held)))
    lines += [
        "",
        t(lang, "cashup.wallet"),
        t(lang, "cashup.start", balance=format_centavos(found.start)),
        t(lang, "cashup.deposits", count=funds.deposit_count, amount=signed(funds.deposits)),
        t(
            lang,
            "cashup.adjustments",
            count=funds.adjustment_count,
            amount=signed(funds.adjustments),
        ),
        t(lang, "cashup.charged", amount=format_centavos(found.charged)),
        t(lang, "cashup.end", balance=format_centavos(found.end)),
    ]
    if found.held_end:
        lines.append(t(lang, "cashup.end_held", held=format_centavos(found.held_end)))
    if found.charged != -sales.paid:
        lines += ["", t(lang, "cashup.other_days")]
    return Html("\n".join(lines))


def _line(key: str, name: str, sales: Sales, lang: str) -> Html:
    return t(
        lang,
        key,
        name=name,
        approved=sales.approved.count,
        sold=_pesos(sales.sold),
        declined=sales.declined.count,
        pending=sales.pending.count,
        pending_face=_pesos(sales.pending.face),
        commission=format_centavos(sales.commission),
    )


def _summary(report: Report, lang: str) -> list[str]:
    totals, funds, owed = report.totals, report.funds, report.owed
    if totals.count == 0:
        lines: list[str] = [t(lang, "report.empty")]
    else:
        lines = [*_sales(totals, lang), t(lang, "report.cost", paid=format_centavos(totals.paid))]
        if totals.pending.count:
            lines.append(t(lang, "report.held", held=format_centavos(totals.held)))
    lines.append(
        t(
            lang,
            "report.funds",
            deposit_count=funds.deposit_count,
            deposits=signed(funds.deposits),
            adjustment_count=funds.adjustment_count,
            adjustments=signed(funds.adjustments),
        )
    )
    provider = report.provider
    lines += [
        "",
        t(lang, "report.provider", balance=format_money(provider.amount, provider.currency))
        if provider is not None
        else t(lang, "report.provider_unknown"),
        t(lang, "report.owed", count=owed.resellers, balances=format_centavos(owed.balances)),
        t(lang, "report.owed_held", held=format_centavos(owed.held)),
    ]
    return lines


def _sections(report: Report, lang: str) -> list[tuple[str, list[Html]]]:
    def lines(found: list[Line], key: str, name: Callable[[str], str]) -> list[Html]:
        return [_line(key, name(line.key), line.sales, lang) for line in found]

    if report.totals.count == 0:
        return []
    return [
        (
            plain(lang, "report.by_seller"),
            lines(report.by_seller, "report.seller_line", lambda key: key),
        ),
        (
            plain(lang, "report.by_day"),
            lines(report.by_day, "report.line", lambda key: day(date.fromisoformat(key), lang)),
        ),
        (
            plain(lang, "report.by_product"),
            lines(report.by_product, "report.line", lambda key: product_name(key, lang)),
        ),
    ]


def report_pages(report: Report, lang: str) -> list[list[str]]:
    """The report's lines cut into pages; a section going on from one page to the next
    names itself again."""
    pages: list[list[str]] = [_summary(report, lang)]
    size = sum(len(line) + 1 for line in pages[0])
    for title, lines in _sections(report, lang):
        for index, line in enumerate(lines):
            chunk = ["", t(lang, "report.section", section=title), line] if index == 0 else [line]
            cost = sum(len(part) + 1 for part in chunk)
            if size + cost > PAGE_LIMIT:
                heading = "report.continued" if index else "report.section"
                chunk = [t(lang, heading, section=title), line]
                cost = sum(len(part) + 1 for part in chunk)
                pages.append([])
                size = 0
            pages[-1].extend(chunk)
            size += cost
    return pages


def report(found: Report, lang: str, page: int = 0) -> Screen:
    """/reporte's page `page` (from 0; past the last, the last)."""
    pages = report_pages(found, lang)
    page = max(0, min(page, len(pages) - 1))
    title = [t(lang, "report.title", when=when(found.period, lang))]
    if len(pages) > 1:
        title.append(t(lang, "report.page", page=page + 1, pages=len(pages)))
    text = Html("\n".join([*title, "", *pages[page]]))
    buttons = []
    period = found.period
    if page > 0:
        data = ReportPage(period.first, period.last, page - 1).encode()
        buttons.append(InlineKeyboardButton(plain(lang, "report.previous"), callback_data=data))
    if page < len(pages) - 1:
        data = ReportPage(period.first, period.last, page + 1).encode()
        buttons.append(InlineKeyboardButton(plain(lang, "report.next"), callback_data=data))
    return text, InlineKeyboardMarkup([buttons]) if buttons else None
