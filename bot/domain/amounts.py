"""What counts as a top-up amount: whole pesos, within what the product accepts.

Accepted: ASCII digits with an optional leading "$" and sign, thousands grouped with
commas only when every group has three digits ("1,000", "5,000"), zero cents ("100.00"
and "100.0" are 100), and a trailing "MXN", "peso" or "pesos" in any letter case
("$1,000 MXN", "50 pesos").

Refused: "1,00" and "1.000" (ambiguous grouping), exponents, hex, "inf"/"nan", words,
non-ASCII digits such as "５０" (``str.isdigit`` accepts them; this parser does not),
any non-zero cents, and amounts the product does not take. A leading "-" is read as a
sign so "-5" is reported as out of range rather than as gibberish. Text longer than
40 characters is not read further: out of range if it is only digits (and commas), a
number far too big, else "amount.not_number".
"""

from __future__ import annotations

import re

from bot.domain import DomainError, visible
from bot.domain.catalog import Product

# No amount is written with more characters; the cap also keeps int() far from its
# digit limit (4,300), which would raise ValueError instead of AmountError.
_MAX_CHARS = 40

# re.ASCII keeps IGNORECASE from matching look-alikes such as "ſ" (long s) for "s".
_AMOUNT = re.compile(
    r"(?P<sign>[-+]?)\s?\$?\s?"
    r"(?P<whole>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
    r"(?:\.(?P<cents>[0-9]{1,2}))?"
    r"(?:\s?(?:mxn|pesos?))?",
    re.ASCII | re.IGNORECASE,
)


_DIGITS = re.compile(r"[0-9][0-9,]*")


class AmountError(DomainError):
    """The text is not an amount this product takes; `key` says why.

    Keys: "amount.empty", "amount.not_number", "amount.decimal", "amount.range"
    (params: ``min``, ``max``), "amount.package" (params: ``price``).
    """


def parse_amount(text: str, product: Product) -> int:
    """The whole-peso amount in `text` if `product` takes it, else AmountError."""
    stripped = visible(text).strip()
    if not stripped:
        raise AmountError("amount.empty")
    if len(stripped) > _MAX_CHARS:
        if _DIGITS.fullmatch(stripped):  # a number, only far too big
            _require_accepted(10**_MAX_CHARS, product)
        raise AmountError("amount.not_number")
    # split() also breaks on Unicode spaces (a pasted no-break space), which \s under
    # re.ASCII would not match.
    match = _AMOUNT.fullmatch(" ".join(stripped.split()))
    if match is None:
        raise AmountError("amount.not_number")
    if (match["cents"] or "0").strip("0"):
        raise AmountError("amount.decimal")
    amount = int(match["whole"].replace(",", ""))
    if match["sign"] == "-":
        amount = -amount
    _require_accepted(amount, product)
    return amount


def _require_accepted(amount: int, product: Product) -> None:
    if product.price is not None:
        if amount != product.price:
            raise AmountError("amount.package", {"price": product.price})
    elif not product.min_amount <= amount <= product.max_amount:
        raise AmountError("amount.range", {"min": product.min_amount, "max": product.max_amount})
