"""Deposits as people read them: what the reseller is told at each step, the card each
admin gets (the voucher's photo, its amount and reseller, ✅ Aprobar / ❌ Rechazar) and
that card once someone decided; and admins' credits and adjustments."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup

from bot.callback_data import DepositDecision
from bot.domain.deposits import (
    AlreadyDecided,
    AwaitingPhoto,
    BadAmount,
    Deposit,
    DepositStatus,
    NoAccount,
    NoPendingDeposit,
    NoSuchDeposit,
    Reported,
    Submitted,
)
from bot.domain.formatting import format_datetime
from bot.domain.wallets import MAX_CENTAVOS, Wallet, format_centavos
from bot.i18n import Html, plain, t
from bot.views.topup import button


def bad_amount(lang: str, problem: BadAmount, typed: str) -> Html:
    """Why what was typed is no amount (MISSING asks for one)."""
    if problem is BadAmount.MISSING:
        return t(lang, "deposits.ask_amount")
    return t(
        lang,
        f"deposits.amount.{problem.value}",
        text=typed.strip()[:40],
        maximum=format_centavos(MAX_CENTAVOS),
    )


def reported(lang: str, result: Reported, typed: str = "") -> Html:
    """What the reseller reads after `/deposito` or a photo."""
    if isinstance(result, BadAmount):
        return bad_amount(lang, result, typed)
    if isinstance(result, NoAccount):
        return t(lang, "deposits.no_account")
    if isinstance(result, AwaitingPhoto):
        text = t(lang, "deposits.awaiting_photo", amount=format_centavos(result.deposit.amount))
        return Html(text + t(lang, "deposits.replaced")) if result.replaced else text
    if isinstance(result, Submitted):
        key = "deposits.submitted" if result.admins_reached else "deposits.nobody_reached"
        return t(lang, key, amount=format_centavos(result.deposit.amount))
    return _no_pending(lang, result)


def _no_pending(lang: str, result: NoPendingDeposit) -> Html:
    if result.dropped is not None:
        amount = format_centavos(result.dropped.amount)
        text = t(lang, "deposits.no_pending_dropped", amount=amount)
    else:
        text = t(lang, "deposits.no_pending")
    return Html(text + t(lang, "deposits.still_selling")) if result.selling else text


def dropped_notice(deposit: Deposit) -> Html:
    return t(deposit.lang, "deposits.dropped_notice", amount=format_centavos(deposit.amount))


def decided_notice(deposit: Deposit, wallet: Wallet | None) -> Html:
    """What the reseller is told of an admin's decision, in their language."""
    amount = format_centavos(deposit.amount)
    if deposit.status is DepositStatus.APPROVED and wallet is not None:
        available = format_centavos(wallet.available)
        return t(deposit.lang, "deposits.approved_notice", amount=amount, available=available)
    return t(deposit.lang, "deposits.rejected_notice", amount=amount)


def card(
    deposit: Deposit, shop: str, lang: str, zone: ZoneInfo
) -> tuple[Html, InlineKeyboardMarkup | None]:
    """An admin's card of the deposit: its caption and, while it awaits a decision, ✅ / ❌."""
    decided = deposit.status in (DepositStatus.APPROVED, DepositStatus.REJECTED)
    heading = t(lang, f"deposits.card.{deposit.status.value if decided else 'submitted'}")
    reported_at = deposit.submitted_at or deposit.created_at
    text = t(
        lang,
        "deposits.card",
        heading=heading,
        shop=shop,
        user_id=deposit.reseller_id,
        amount=format_centavos(deposit.amount),
        when=format_datetime(reported_at, zone, lang),
    )
    if decided and deposit.decided_at is not None:
        decision = t(
            lang,
            f"deposits.card.decided.{deposit.status.value}",
            admin=deposit.decided_by_name or str(deposit.decided_by),
            when=format_datetime(deposit.decided_at, zone, lang),
        )
        return Html(text + decision), None
    buttons = [
        button(lang, "button.deposit_approve", DepositDecision(deposit.id, True).encode()),
        button(lang, "button.deposit_reject", DepositDecision(deposit.id, False).encode()),
    ]
    return text, InlineKeyboardMarkup([buttons])


def decision_refused(lang: str, refusal: AlreadyDecided | NoSuchDeposit, zone: ZoneInfo) -> str:
    """A second decision, or one about a deposit that is not awaiting one (an alert)."""
    if isinstance(refusal, NoSuchDeposit):
        return plain(lang, "deposits.not_found")
    deposit = refusal.deposit
    if deposit.decided_at is None or deposit.status not in (
        DepositStatus.APPROVED,
        DepositStatus.REJECTED,
    ):
        return plain(lang, "deposits.already.other")
    return plain(
        lang,
        f"deposits.already.{deposit.status.value}",
        admin=deposit.decided_by_name or str(deposit.decided_by),
        when=format_datetime(deposit.decided_at, zone, lang),
    )


def decided_toast(lang: str, deposit: Deposit, shop: str, *, reseller_told: bool) -> str:
    """The deciding admin's answer to their tap."""
    if deposit.status is DepositStatus.APPROVED:
        text = plain(
            lang, "callback.deposit_approved", amount=format_centavos(deposit.amount), shop=shop
        )
    else:
        text = plain(lang, "callback.deposit_rejected")
    return text if reseller_told else text + plain(lang, "callback.deposit_untold")
