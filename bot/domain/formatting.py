"""How money, phone numbers and times are shown to people, in Spanish or English.

Fixed formats rather than the process locale: the server's locale is not the reader's,
and "%b" would print whatever month names the host happens to have installed.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Context, Decimal
from zoneinfo import ZoneInfo

# Mexico City, Guadalajara and Monterrey have two-digit area codes; all others three.
_TWO_DIGIT_AREAS = frozenset({"55", "33", "81"})
_CENT = Decimal("0.01")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_money(amount: int | Decimal, currency: str = "MXN") -> str:
    """Show `amount` as "$1,234 MXN", or as "$1,234.50 USD" when it has cents.

    Decimals are shown to the cent (half up); the figure is displayed, never converted.
    """
    if isinstance(amount, Decimal):
        if not amount.is_finite():
            raise ValueError(f"cannot format a non-finite amount: {amount}")
        # Digits enough for any amount: the default 28 would refuse 10^26 and more.
        digits = Context(prec=max(28, amount.adjusted() + 3))
        cents = amount.quantize(_CENT, rounding=ROUND_HALF_UP, context=digits)
        whole = cents == cents.to_integral_value()
        number = f"{cents.copy_abs():,.0f}" if whole else f"{cents.copy_abs():,.2f}"
        negative = cents < 0
    else:
        number = f"{abs(amount):,d}"
        negative = amount < 0
    return f"{'-' if negative else ''}${number} {currency}"


def format_phone(ten_digits: str) -> str:
    """Group ten digits as "55 3768 6660" in the big three cities, else "222 123 4567"."""
    if len(ten_digits) != 10 or not ten_digits.isascii() or not ten_digits.isdigit():
        raise ValueError("expected a ten-digit national number")
    if ten_digits[:2] in _TWO_DIGIT_AREAS:
        return f"{ten_digits[:2]} {ten_digits[2:6]} {ten_digits[6:]}"
    return f"{ten_digits[:3]} {ten_digits[3:6]} {ten_digits[6:]}"


def format_datetime(dt: datetime, tz: ZoneInfo, lang: str) -> str:
    """Show `dt` in `tz`: "28/11/2026 14:05" in Spanish, "28 Nov 2026, 14:05" in English.

    Day before month in both languages, 24-hour clock, so no reader misreads a date.
    """
    if dt.tzinfo is None or dt.utcoffset() is None:
        # astimezone() would silently read a naive time as the server's local time.
        raise ValueError("format_datetime needs an aware datetime")
    local = dt.astimezone(tz)
    if lang == "en":
        month = _MONTHS_EN[local.month - 1]
        return f"{local.day} {month} {local.year}, {local.hour:02d}:{local.minute:02d}"
    return f"{local.day:02d}/{local.month:02d}/{local.year} {local.hour:02d}:{local.minute:02d}"
