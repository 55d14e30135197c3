"""Admins' credits and adjustments as people read them: the admin's confirmation, what
was wrong with the command, and the reseller's notice."""

from __future__ import annotations

from bot.domain.funds import Credited, FundsRefusal, NotAnAmount, NoteTooLong
from bot.domain.wallets import Ambiguous, MovementKind, NoSuchReseller, Wallet, format_centavos
from bot.i18n import Html, t
from bot.views.deposits import bad_amount
from bot.views.resellers import not_found


def signed_centavos(kind: MovementKind, centavos: int) -> str:
    """A credit as $500.00; an adjustment with its sign, +$50.00 or -$50.00."""
    shown = format_centavos(centavos)
    return f"+{shown}" if kind is MovementKind.ADJUSTMENT and centavos > 0 else shown


def credited_notice(
    lang: str, kind: MovementKind, centavos: int, note: str | None, wallet: Wallet
) -> Html:
    """The reseller's notice of an admin's credit or adjustment."""
    available = format_centavos(wallet.available)
    amount = signed_centavos(kind, centavos)
    if kind is MovementKind.ADJUSTMENT:
        return t(
            lang, "funds.adjusted_notice", amount=amount, reason=note or "", available=available
        )
    line = t(lang, "funds.note_line", note=note) if note else Html("")
    return t(lang, "funds.added_notice", amount=amount, note=line, available=available)


def outcome(
    lang: str,
    kind: MovementKind,
    result: Credited | NoSuchReseller | Ambiguous | NotAnAmount | FundsRefusal | NoteTooLong,
) -> Html:
    """What the admin reads after `/abonar` or `/ajustar`."""
    if isinstance(result, NoSuchReseller | Ambiguous):
        return not_found(lang, result)
    if isinstance(result, NotAnAmount):
        return bad_amount(lang, result.problem, result.typed)
    if isinstance(result, NoteTooLong):
        return t(lang, "funds.note_too_long", maximum=result.maximum, length=result.length)
    if result is FundsRefusal.REASON_REQUIRED:
        return t(lang, "funds.reason_required")
    if isinstance(result, FundsRefusal):
        usage = "funds.usage_adjust" if kind is MovementKind.ADJUSTMENT else "funds.usage_add"
        return t(lang, usage)
    reseller, wallet = result.reseller, result.wallet
    facts = {
        "amount": signed_centavos(result.kind, result.amount),
        "shop": reseller.shop_name,
        "user_id": reseller.user_id,
        "balance": format_centavos(wallet.balance),
        "available": format_centavos(wallet.available),
    }
    if result.kind is MovementKind.ADJUSTMENT:
        text = t(lang, "funds.adjusted", reason=result.note or "", **facts)
    else:
        text = t(lang, "funds.added", **facts)
    return Html(text + t(lang, "funds.told" if result.reseller_told else "funds.untold"))
