"""The distributor account's balance as admins read it (/saldo)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.clock import utcnow
from bot.domain.formatting import format_datetime, format_money
from bot.domain.provider import Balance
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
