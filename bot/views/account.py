"""/saldo as each reads it: a reseller their own account (available on a line of its
own, held, credit limit, commission); an admin the provider's balance and every
reseller's wallet added up."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.clock import utcnow
from bot.domain.formatting import format_datetime, format_money
from bot.domain.provider import Balance
from bot.domain.statements import Account, Overview
from bot.domain.wallets import format_centavos, format_percent
from bot.i18n import Html, t


def _updated_at(stamp: str | None) -> datetime:
    """The provider's own "last updated" (ISO 8601, e.g. 2024-12-17T00:00:00.000Z); now
    when it names none or an unreadable one."""
    if stamp:
        try:
            parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            return utcnow()
        if parsed.tzinfo is not None:
            return parsed
    return utcnow()


def balance(found: Balance | None, lang: str, zone: ZoneInfo) -> Html:
    """The balance in the currency the provider names, never converted."""
    if found is None:
        return t(lang, "balance.error")
    when = format_datetime(_updated_at(found.last_updated), zone, lang)
    return t(lang, "balance.show", balance=format_money(found.amount, found.currency), when=when)


def overview(found: Overview, lang: str, zone: ZoneInfo) -> Html:
    """An admin's /saldo: the provider's balance, then what the resellers hold."""
    totals = found.totals
    lines = [
        t(lang, "totals.title", count=totals.resellers),
        t(lang, "totals.balances", balances=format_centavos(totals.balances)),
    ]
    if totals.on_credit:
        lines.append(
            t(
                lang,
                "totals.split",
                in_favour=format_centavos(totals.in_favour),
                on_credit=format_centavos(totals.on_credit),
            )
        )
    lines += [
        t(lang, "totals.held", held=format_centavos(totals.held)),
        t(lang, "totals.statement"),
    ]
    return Html(balance(found.provider, lang, zone) + "\n\n" + "\n".join(lines))


def reseller_account(account: Account, lang: str) -> Html:
    """A reseller's /saldo: what they may still sell for first, then why."""
    reseller, wallet = account.reseller, account.wallet
    held = format_centavos(wallet.held)
    count = account.pending_sales
    held_key = "none" if count == 0 else "one" if count == 1 else "many"
    lines = [t(lang, "account.title", shop=reseller.shop_name), ""]
    if reseller.prepaid:
        lines.append(t(lang, "account.available", available=format_centavos(wallet.available)))
    else:
        lines.append(t(lang, "account.available_unrestricted"))
    lines += [
        t(lang, "account.balance", balance=format_centavos(wallet.balance)),
        t(lang, f"account.held_{held_key}", count=count, held=held),
        t(lang, "account.credit_limit", limit=format_centavos(wallet.credit_limit))
        if reseller.prepaid
        else t(lang, "account.unrestricted"),
        t(
            lang,
            "account.commission",
            airtime=format_percent(account.commission.airtime_bp),
            packages=format_percent(account.commission.package_bp),
        ),
    ]
    if not reseller.active:
        lines += ["", t(lang, "account.suspended")]
    lines += ["", t(lang, "account.statement")]
    return Html("\n".join(lines))
