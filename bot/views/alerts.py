"""What admins read when the provider needs them: its balance low (and back), a run of
unknown outcomes (and the provider answering again)."""

from __future__ import annotations

from decimal import Decimal

from bot.domain.formatting import format_money
from bot.domain.purchases import Purchase
from bot.i18n import Html, t
from bot.views.history import status_label


def low_balance(lang: str, balance: Decimal, threshold: Decimal, currency: str) -> Html:
    return t(
        lang,
        "alerts.low_balance",
        balance=format_money(balance, currency),
        threshold=format_money(threshold, currency),
    )


def balance_recovered(lang: str, balance: Decimal, threshold: Decimal, currency: str) -> Html:
    return t(
        lang,
        "alerts.balance_recovered",
        balance=format_money(balance, currency),
        threshold=format_money(threshold, currency),
    )


def outage(lang: str, count: int) -> Html:
    return t(lang, "alerts.outage", count=count)


def outage_over(lang: str, purchase: Purchase) -> Html:
    return t(
        lang,
        "alerts.outage_over",
        folio=purchase.folio,
        status=status_label(lang, purchase.status),
    )
