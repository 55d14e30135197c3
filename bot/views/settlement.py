"""Settlement as admins see it: /pendientes, its buttons, the reference question, and
what the settling admin and the other admins read once it is done.

Settlement buttons name a purchase by id only; the settlement reads everything else
from storage and is refused for anyone but an admin.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import PendingList, Settle
from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.domain.history import Direction
from bot.domain.purchases import Purchase, Status
from bot.domain.settlement import NoSuchPurchase, NotPending, PendingPage
from bot.i18n import Html, plain, t
from bot.views.reasons import pending_reason
from bot.views.receipt import facts
from bot.views.topup import Screen, button


def settle_buttons(purchase: Purchase, lang: str) -> list[InlineKeyboardButton]:
    """✅ se cobró / ❌ no se cobró for one pending purchase (handlers/pending.py)."""
    return [
        button(
            lang,
            "button.settle_approved",
            Settle(purchase.id, charged=True).encode(),
            folio=purchase.folio,
        ),
        button(
            lang,
            "button.settle_failed",
            Settle(purchase.id, charged=False).encode(),
            folio=purchase.folio,
        ),
    ]


def pending_page(page: PendingPage, lang: str, zone: ZoneInfo) -> Screen:
    """One page of /pendientes: each purchase with what an admin needs to check it."""
    purchases = page.purchases
    if not purchases:
        return t(lang, "pending.empty"), None
    first = page.earlier + 1
    parts = [
        t(lang, "pending.header", total=page.total, first=first, last=first + len(purchases) - 1)
    ]
    rows: list[list[InlineKeyboardButton]] = []
    for purchase in purchases:
        parts.append(
            t(
                lang,
                "pending.item",
                when=format_datetime(purchase.created_at, zone, lang),
                dtid=purchase.distributor_transaction_id,
                reseller=purchase.seller,
                reason=pending_reason(purchase.pending_reason, lang),
                **facts(purchase, lang),
            )
        )
        rows.append(settle_buttons(purchase, lang))
    pages: list[InlineKeyboardButton] = []
    if page.earlier > 0:
        previous = PendingList(Direction.OLDER, purchases[0].id).encode()
        pages.append(button(lang, "button.page_prev", previous))
    if page.more_after:
        following = PendingList(Direction.NEWER, purchases[-1].id).encode()
        pages.append(button(lang, "button.page_next", following))
    if pages:
        rows.append(pages)
    return Html("\n\n".join(parts)), InlineKeyboardMarkup(rows)


def ask_reference(purchase: Purchase, lang: str) -> tuple[Html, ForceReply]:
    placeholder = plain(lang, "settle.reference_placeholder")
    text = t(lang, "settle.ask_reference", **facts(purchase, lang))
    return text, ForceReply(input_field_placeholder=placeholder)


def confirm_failed(purchase: Purchase, lang: str) -> Screen:
    sure = Settle(purchase.id, charged=False, sure=True).encode()
    markup = InlineKeyboardMarkup([[button(lang, "button.settle_failed_confirm", sure)]])
    return t(lang, "settle.confirm_failed", **facts(purchase, lang)), markup


def settled_done(purchase: Purchase, lang: str, *, seller_told: bool) -> Html:
    """What the settling admin reads once it is done."""
    if purchase.status is Status.APPROVED:
        reference = (
            t(lang, "settle.with_reference", reference=purchase.reference)
            if purchase.reference
            else t(lang, "settle.no_reference")
        )
        done = t(lang, "settle.done_approved", folio=purchase.folio, reference=reference)
    else:
        done = t(lang, "settle.done_failed", folio=purchase.folio)
    told = t(lang, "settle.seller_told" if seller_told else "settle.seller_later")
    return Html(f"{done}\n{told}")


def settled_by_another(purchase: Purchase, lang: str) -> Html:
    """What the other admins hear of a settlement, so nobody checks it twice."""
    outcome = "approved" if purchase.status is Status.APPROVED else "failed"
    return t(
        lang,
        "settle.by_another",
        admin=purchase.settled_by_name or str(purchase.settled_by),
        folio=purchase.folio,
        phone=format_phone(purchase.phone),
        amount=format_money(purchase.amount),
        outcome=plain(lang, f"settle.by_another.{outcome}"),
    )


def already_settled(purchase: Purchase, lang: str, zone: ZoneInfo) -> str:
    """The alert for an admin tapping a purchase that is no longer pending."""
    if purchase.settled_at is None:
        return plain(lang, "settle.not_pending")
    outcome = "approved" if purchase.status is Status.APPROVED else "failed"
    return plain(
        lang,
        "settle.already",
        admin=purchase.settled_by_name or str(purchase.settled_by),
        when=format_datetime(purchase.settled_at, zone, lang),
        outcome=plain(lang, f"settle.outcome.{outcome}"),
    )


def settle_refusal(result: NotPending | NoSuchPurchase, lang: str, zone: ZoneInfo) -> str:
    """Why a settlement changed nothing (plain text: an alert, or escaped in a reply)."""
    if isinstance(result, NoSuchPurchase):
        return plain(lang, "settle.not_found")
    return already_settled(result.purchase, lang, zone)
