"""A reseller's terms as people read them: account kind and credit, commission, limits."""

from __future__ import annotations

from bot.domain.terms import Changed, Overview
from bot.domain.wallets import (
    AccountKind,
    Commission,
    Reseller,
    Wallet,
    format_centavos,
    format_percent,
)
from bot.i18n import Html, t


def account_line(lang: str, reseller: Reseller) -> Html:
    if reseller.account is AccountKind.UNRESTRICTED:
        return t(lang, "terms.account.unrestricted")
    return t(lang, "terms.account.prepaid", limit=format_centavos(reseller.credit_limit))


def commission_line(lang: str, commission: Commission, *, own: bool) -> Html:
    key = "terms.commission.own" if own else "terms.commission.default"
    return t(
        lang,
        key,
        airtime=format_percent(commission.airtime_bp),
        package=format_percent(commission.package_bp),
    )


def limits_line(lang: str, reseller: Reseller) -> Html:
    none = t(lang, "terms.limits.none")
    per_sale = none if reseller.max_per_sale is None else format_centavos(reseller.max_per_sale)
    per_day = none if reseller.max_per_day is None else format_centavos(reseller.max_per_day)
    return t(lang, "terms.limits.line", per_sale=Html(per_sale), per_day=Html(per_day))


def _lines(lang: str, what: str, reseller: Reseller, default: Commission) -> Html:
    if what == "credit":
        return account_line(lang, reseller)
    if what == "commission":
        own = reseller.airtime_bp is not None or reseller.package_bp is not None
        return commission_line(lang, reseller.commission(default), own=own)
    return limits_line(lang, reseller)


def terms_changed(lang: str, what: str, changed: Changed) -> Html:
    """The admin's confirmation."""
    reseller = changed.reseller
    return t(
        lang,
        "terms.changed",
        shop=reseller.shop_name,
        user_id=reseller.user_id,
        terms=_lines(lang, what, reseller, changed.default),
    )


def terms_notice(
    lang: str, what: str, reseller: Reseller, default: Commission, wallet: Wallet | None
) -> Html:
    """What the reseller is told of a change to their terms."""
    available = (
        t(lang, "terms.notice.available", available=format_centavos(wallet.available))
        if wallet is not None and wallet.account is AccountKind.PREPAID
        else Html("")
    )
    return t(
        lang,
        "terms.notice",
        terms=_lines(lang, what, reseller, default),
        available=available,
    )


def default_changed(lang: str, commission: Commission) -> Html:
    return t(lang, "terms.default_changed", terms=commission_line(lang, commission, own=False))


def overview(lang: str, found: Overview) -> Html:
    """/comision alone: the default, who has their own rate, and how to change either."""
    own = [
        t(
            lang,
            "terms.overview.own",
            shop=reseller.shop_name,
            user_id=reseller.user_id,
            terms=commission_line(lang, reseller.commission(found.default), own=True),
        )
        for reseller in found.own_rates[:30]
    ]
    more = len(found.own_rates) - len(own)
    if more > 0:
        own.append(t(lang, "terms.overview.more", count=more))
    return t(
        lang,
        "terms.overview",
        default=commission_line(lang, found.default, own=False),
        own=Html("\n".join(own)) if own else t(lang, "terms.overview.nobody"),
    )
