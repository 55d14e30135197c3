"""Outcomes as people see them: the reseller's receipt and the admins' alert."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import RepeatSale, ShareReceipt
from bot.domain.catalog import get_product
from bot.domain.formatting import format_datetime, format_money, format_phone
from bot.domain.purchases import Purchase, Status
from bot.domain.statements import AfterSale
from bot.domain.wallets import format_centavos
from bot.i18n import Html, plain, t
from bot.views.reasons import pending_reason

# Decline codes grouped by what the reseller can do about them.
_NEXT_STEP = {
    "83": "next.check_number",
    "13": "next.check_amount",
    "14": "next.check_amount",
    "51": "next.wait_for_funds",
    "settled_failed": "next.sell_again",
    "05": "next.call_admin",
    "unauthorized": "next.call_admin",
    "login_failed": "next.call_admin",
}
_KNOWN_DECLINES = {"05", "12", "13", "14", "51", "83", "91", "unreachable", "unauthorized"}
_KNOWN_DECLINES |= {"login_failed", "settled_failed"}  # settled_failed: an admin's settlement


def product_name(product_id: str, lang: str) -> str:
    product = get_product(product_id)
    return product.name(lang) if product else product_id


def decline_reason(lang: str, code: str | None) -> tuple[Html, Html]:
    """Why it was declined, and what to do next: the standard explanation of the code.
    The provider's own words are for admins (kept redacted in the purchase's record),
    never a reseller's receipt: they may be anything, in any language."""
    code = code or ""
    status = code.removeprefix("http_")
    if code in _KNOWN_DECLINES:
        reason = t(lang, f"decline.{code}")
    elif code.startswith("http_") and status.isdigit():  # a refusal that named no code
        reason = t(lang, "decline.http", status=status)
    elif code:
        reason = t(lang, "decline.other", code=code)
    else:
        reason = t(lang, "decline.unknown")
    return reason, t(lang, _NEXT_STEP.get(code, "next.retry_later"))


def wallet_line(after: AfterSale | None, lang: str) -> Html:
    """The end of a reseller's receipt: their balance after the sale (debited, released,
    or still held until it is verified). Nothing for a sale with no wallet (an admin's)."""
    if after is None:
        return Html("")
    return t(
        lang,
        f"after.{after.kind.value}",
        cost=format_centavos(after.cost),
        balance=format_centavos(after.balance),
        held=format_centavos(after.held),
    )


def receipt(purchase: Purchase, zone: ZoneInfo, after: AfterSale | None = None) -> Html:
    """The outcome as the reseller sees it, in the message that showed the summary, ending
    with what it did to their wallet (`after`)."""
    return Html(_receipt(purchase, zone) + wallet_line(after, purchase.lang))


def _receipt(purchase: Purchase, zone: ZoneInfo) -> Html:
    lang = purchase.lang
    common = {
        "product": product_name(purchase.product_id, lang),
        "phone": format_phone(purchase.phone),
        "amount": format_money(purchase.amount),
        "folio": purchase.folio,
    }
    if purchase.status is Status.APPROVED:
        when = purchase.completed_at or purchase.created_at
        given = {
            "transaction_id": purchase.transaction_id,
            "reference": purchase.reference,
            "auth_code": purchase.auth_code,
        }
        # An admin's settlement may know only the reference, or nothing: no empty lines.
        ids = Html("".join(t(lang, f"receipt.{key}", value=v) for key, v in given.items() if v))
        return t(
            lang, "receipt.approved", when=format_datetime(when, zone, lang), ids=ids, **common
        )
    if purchase.status is Status.DECLINED:
        reason, next_step = decline_reason(lang, purchase.response_code)
        return t(lang, "receipt.declined", reason=reason, next=next_step, **common)
    return t(lang, "receipt.pending", **common)


def pending_alert(purchase: Purchase, lang: str) -> Html:
    """What admins are told about a purchase pending verification."""
    return t(
        lang,
        "admin.pending_alert",
        folio=purchase.folio,
        dtid=purchase.distributor_transaction_id,
        reseller=purchase.seller,
        phone=format_phone(purchase.phone),
        product=product_name(purchase.product_id, lang),
        amount=format_money(purchase.amount),
        reason=pending_reason(purchase.pending_reason, lang),
    )


def undeliverable_notice(purchase: Purchase) -> Html:
    """What the reseller gets when Telegram refused the receipt itself: short enough to
    always fit, with the folio and the outcome."""
    lang = purchase.lang
    status = plain(lang, f"status.{purchase.status.value}")
    return t(lang, "receipt.undeliverable", status=status, **facts(purchase, lang))


def undeliverable_alert(purchase: Purchase, refusal: str, lang: str) -> Html:
    """What admins hear when a receipt could not be delivered, and Telegram's reason."""
    status = plain(lang, f"status.{purchase.status.value}")
    return t(
        lang,
        "admin.undeliverable",
        folio=purchase.folio,
        status=status,
        reseller=purchase.seller,
        refusal=refusal[:200],
    )


def out_of_funds_alert(last: Purchase | None, lang: str, zone: ZoneInfo) -> Html:
    """Admins' alert: the provider account is out of funds, with the last balance it
    reported (the provider's figure, in the account's currency, never computed)."""
    if last is None or last.balance_after is None:
        known = t(lang, "admin.out_of_funds.unknown")
    else:
        when = format_datetime(last.completed_at or last.created_at, zone, lang)
        known = t(
            lang,
            "admin.out_of_funds.last",
            balance=last.balance_after,
            folio=last.folio,
            when=when,
        )
    return t(lang, "admin.out_of_funds", last=known)


def receipt_actions(purchase: Purchase) -> InlineKeyboardMarkup | None:
    """🔁 Repetir and 📤 Compartir under a receipt.

    No 🔁 while the outcome is unknown: the reseller is told not to sell it again yet.
    📤 only under a top-up that went through: a customer copy of a declined or
    unverified one would read as proof of a top-up that may not exist.
    """
    if purchase.unsettled:
        return None
    lang = purchase.lang
    buttons = [
        InlineKeyboardButton(
            plain(lang, "button.repeat"), callback_data=RepeatSale(purchase.id).encode()
        )
    ]
    if purchase.shareable:
        share = ShareReceipt(purchase.id).encode()
        buttons.append(InlineKeyboardButton(plain(lang, "button.share"), callback_data=share))
    return InlineKeyboardMarkup([buttons])


def facts(purchase: Purchase, lang: str) -> dict[str, str]:
    return {
        "folio": purchase.folio,
        "phone": format_phone(purchase.phone),
        "product": product_name(purchase.product_id, lang),
        "amount": format_money(purchase.amount),
    }


def outcome_notice(
    purchase: Purchase, zone: ZoneInfo, after: AfterSale | None = None
) -> tuple[Html, bool]:
    """How the reseller learns the outcome, and whether it replaces the message that
    showed the purchase (a receipt) or comes as a new one (news of a settlement, which
    an edit of an old message would not make them notice). Either ends with their
    balance after it (`after`)."""
    lang = purchase.lang
    if purchase.settled_at is None:
        return receipt(purchase, zone, after), True
    if purchase.status is Status.APPROVED:
        reference = (
            t(lang, "settled.reference", reference=purchase.reference)
            if purchase.reference
            else ""
        )
        text = t(lang, "settled.approved", reference=reference, **facts(purchase, lang))
    else:
        # Settled otherwise is settled as not charged (SETTLED_FAILED): nothing was charged.
        text = t(lang, "settled.failed", **facts(purchase, lang))
    return Html(text + wallet_line(after, lang)), False
