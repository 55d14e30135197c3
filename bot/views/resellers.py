"""How admins read resellers: by shop name, what to do when a name is not one, the list
with each one's money and sales of the day, and what adding or suspending one did."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import ResellersPage
from bot.domain.resellers import Added, AddRefused, ResellerLine, ResellerPage, StatusChanged
from bot.domain.wallets import (
    AccountKind,
    Ambiguous,
    NoSuchReseller,
    Reseller,
    ResellerStatus,
    format_centavos,
)
from bot.i18n import Html, plain, t

# An ambiguous name lists at most this many of the shops it matches.
CANDIDATES_SHOWN = 10
# The start-up notice of unrestricted accounts names at most this many, so it stays one
# message however long RESELLER_IDS was.
UNRESTRICTED_SHOWN = 30

Screen = tuple[Html, InlineKeyboardMarkup | None]


def not_found(lang: str, found: NoSuchReseller | Ambiguous) -> Html:
    """No reseller by that name or id, or several: which ones, to ask again by id."""
    if isinstance(found, NoSuchReseller):
        return t(lang, "resellers.none", asked=found.asked)
    lines = [
        t(lang, "resellers.candidate", shop=reseller.shop_name, user_id=reseller.user_id)
        for reseller in found.candidates[:CANDIDATES_SHOWN]
    ]
    more = len(found.candidates) > CANDIDATES_SHOWN
    return t(
        lang,
        "resellers.ambiguous",
        asked=found.asked,
        candidates=Html("\n".join(lines) + ("\n…" if more else "")),
    )


def added(lang: str, result: Added | AddRefused) -> Html:
    """/alta <id> <shop name>: who is a reseller now, or why nothing changed."""
    if isinstance(result, AddRefused):
        return t(lang, f"add.{result.value}")
    reseller = result.reseller
    if result.renamed_from is not None:
        return t(
            lang,
            "add.renamed",
            user_id=reseller.user_id,
            shop=reseller.shop_name,
            before=result.renamed_from,
        )
    return t(lang, "add.added", user_id=reseller.user_id, shop=reseller.shop_name)


def _line(lang: str, line: ResellerLine) -> Html:
    reseller = line.reseller
    if reseller.account is AccountKind.PREPAID:
        account = t(lang, "list.prepaid", limit=format_centavos(reseller.credit_limit))
    else:
        account = t(lang, "list.unrestricted")
    status = "list.active" if reseller.status is ResellerStatus.ACTIVE else "list.suspended"
    held = t(lang, "list.held", held=format_centavos(line.held)) if line.held else ""
    return t(
        lang,
        "list.line",
        shop=reseller.shop_name,
        user_id=reseller.user_id,
        status=t(lang, status),
        account=account,
        balance=format_centavos(line.balance),
        held=Html(held),
        sales=line.sales_today,
        sold=format_centavos(line.sold_today),
    )


def reseller_page(page: ResellerPage, lang: str) -> Screen:
    """/vendedores: one page of resellers by shop name, ◀ ▶ to the others."""
    if not page.total:
        return t(lang, "list.empty"), None
    header = t(lang, "list.header", total=page.total, page=page.page + 1, pages=page.pages)
    text = Html("\n\n".join([header, *(_line(lang, line) for line in page.lines)]))
    buttons = [
        InlineKeyboardButton(plain(lang, key), callback_data=ResellersPage(to).encode())
        for key, to, shown in (
            ("button.list_previous", page.page - 1, page.has_previous),
            ("button.list_next", page.page + 1, page.has_next),
        )
        if shown
    ]
    return text, InlineKeyboardMarkup([buttons]) if buttons else None


def status_changed(lang: str, result: StatusChanged) -> Html:
    """/suspender, /reactivar: what changed (and whether the reseller heard), or that
    nothing did."""
    reseller = result.reseller
    suspended = reseller.status is ResellerStatus.SUSPENDED
    key = ("suspend" if suspended else "resume") + (".done" if result.changed else ".already")
    text = t(lang, key, shop=reseller.shop_name, user_id=reseller.user_id)
    if result.changed:
        text = Html(text + t(lang, "status.told" if result.told else "status.not_told"))
    return text


def status_notice(lang: str, reseller: Reseller) -> Html:
    """What the reseller hears when an admin suspends or reactivates them."""
    suspended = reseller.status is ResellerStatus.SUSPENDED
    return t(lang, "suspend.notice" if suspended else "resume.notice")


def unrestricted_notice(lang: str, resellers: Sequence[Reseller]) -> Html:
    """Told to admins once, at the start after wallets arrived: which resellers the first
    import made unrestricted, and how to make one prepaid."""
    lines = [
        t(lang, "resellers.candidate", shop=reseller.shop_name, user_id=reseller.user_id)
        for reseller in resellers[:UNRESTRICTED_SHOWN]
    ]
    if len(resellers) > UNRESTRICTED_SHOWN:
        lines.append(t(lang, "unrestricted.more", count=len(resellers) - UNRESTRICTED_SHOWN))
    return t(
        lang,
        "unrestricted.notice",
        resellers=Html("\n".join(lines)),
        example=resellers[0].user_id,
    )
