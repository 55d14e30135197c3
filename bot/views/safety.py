"""Screens of money safety: the repeat warning, the pending list and its settlement, and
which notice tells a reseller the outcome of their purchase.

Settlement buttons name a purchase by id only; the settlement reads everything else
from storage and is refused for anyone but an admin.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.catalog import Product
from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.i18n import Html, plain, t
from bot.views.reasons import pending_reason
from bot.views.receipt import product_name, receipt
from bot.views.topup import Screen
from storage.models import Purchase, Status, utcnow
from storage.repeats import Repeat
from storage.settlements import PendingPage

PAGE_SIZE = 5


def _button(lang: str, key: str, data: str, **params: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(plain(lang, key, **params), callback_data=data)


def _ago(lang: str, when: datetime) -> str:
    minutes = max(0, int((utcnow() - when).total_seconds() // 60))
    return (
        plain(lang, "repeat.ago.minutes", minutes=minutes)
        if minutes
        else plain(lang, "repeat.ago.now")
    )


def repeat_warning(repeat: Repeat, product: Product, zone: ZoneInfo) -> Screen:
    """The summary, turned into "sold moments ago: top up again?" with a second confirm."""
    draft = repeat.draft
    lang, ref = draft.lang, f"{draft.id}:{draft.version}"
    text = t(
        lang,
        "repeat.warning",
        product=product.name(lang),
        amount=format_money(draft.amount or 0),
        phone=format_phone(draft.phone or ""),
        ago=_ago(lang, repeat.earlier_at),
        when=format_datetime(repeat.earlier_at, zone, lang),
        status=t(lang, f"repeat.status.{repeat.earlier_status.value}"),
    )
    buttons = [
        _button(lang, "button.repeat_again", f"r:{ref}"),
        _button(lang, "button.cancel_confirm", f"x:{ref}"),
    ]
    return text, InlineKeyboardMarkup([buttons])


def _facts(purchase: Purchase, lang: str) -> dict[str, str]:
    return {
        "folio": purchase.folio,
        "phone": format_phone(purchase.phone),
        "product": product_name(purchase.product_id, lang),
        "amount": format_money(purchase.amount),
    }


def settle_buttons(purchase: Purchase, lang: str) -> list[InlineKeyboardButton]:
    """✅ se cobró / ❌ no se cobró for one pending purchase (handlers/pending.py)."""
    return [
        _button(lang, "button.settle_approved", f"s:a:{purchase.id}", folio=purchase.folio),
        _button(lang, "button.settle_failed", f"s:f:{purchase.id}", folio=purchase.folio),
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
                **_facts(purchase, lang),
            )
        )
        rows.append(settle_buttons(purchase, lang))
    pages: list[InlineKeyboardButton] = []
    if page.earlier > 0:
        pages.append(_button(lang, "button.page_prev", f"s:p:{purchases[0].id}"))
    if page.more_after:
        pages.append(_button(lang, "button.page_next", f"s:n:{purchases[-1].id}"))
    if pages:
        rows.append(pages)
    return Html("\n\n".join(parts)), InlineKeyboardMarkup(rows)


def ask_reference(purchase: Purchase, lang: str) -> tuple[Html, ForceReply]:
    placeholder = plain(lang, "settle.reference_placeholder")
    text = t(lang, "settle.ask_reference", **_facts(purchase, lang))
    return text, ForceReply(input_field_placeholder=placeholder)


def confirm_failed(purchase: Purchase, lang: str) -> Screen:
    button = _button(lang, "button.settle_failed_confirm", f"s:F:{purchase.id}")
    return t(lang, "settle.confirm_failed", **_facts(purchase, lang)), InlineKeyboardMarkup(
        [[button]]
    )


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


def outcome_notice(purchase: Purchase, zone: ZoneInfo) -> tuple[Html, bool]:
    """How the reseller learns the outcome, and whether it replaces the message that
    showed the purchase (a receipt) or comes as a new one (news of a settlement, which
    an edit of an old message would not make them notice)."""
    lang = purchase.lang
    if purchase.settled_at is None:
        return receipt(purchase, zone), True
    if purchase.status is Status.APPROVED:
        reference = (
            t(lang, "settled.reference", reference=purchase.reference)
            if purchase.reference
            else ""
        )
        return t(lang, "settled.approved", reference=reference, **_facts(purchase, lang)), False
    # Settled otherwise is settled as failed (SETTLED_FAILED): nothing was charged.
    return t(lang, "settled.failed", **_facts(purchase, lang)), False
