"""Sorting the provider's answers into the contract's outcome classes."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from bot.domain.provider import DECLINE_CODES, Approved, Declined, PurchaseOutcome, Unknown
from bot.latcom.scrub import ID_LIMIT, RAW_BODY_LIMIT, TEXT_LIMIT, cap

CODE_LIMIT = 8
# No balance or lifetime in this trade comes near: a larger figure is a garbled answer.
LARGEST_FIGURE = Decimal(10) ** 15


def classify(
    status: int, content: bytes, redact: Callable[[str], str] = lambda text: text
) -> PurchaseOutcome:
    """Sort a purchase answer into the contract's outcome classes. `redact` takes secrets
    out of the provider's words before they are cut to length (bot/latcom/scrub.py), so
    that no secret is ever half-cut and left half-visible."""
    snippet = content[:RAW_BODY_LIMIT].decode("utf-8", errors="replace")
    data = json_object(content)
    if data is None:
        return Unknown(f"HTTP {status}: the body is not a JSON object", status, snippet)
    raw = json_object(content, plain=True) or {}
    code = _code(data.get("response_code"))
    if data.get("success") is True:
        transaction_id = data.get("transaction_id")
        if status == 200 and code == "00" and isinstance(transaction_id, str) and transaction_id:
            return Approved(
                transaction_id=transaction_id,
                reference=_text(data.get("reference"), redact, ID_LIMIT),
                auth_code=_text(data.get("auth_code"), redact, ID_LIMIT),
                balance_after=decimal_or_none(data.get("balance_after")),
                raw=raw,
            )
        reason = f"HTTP {status}: success without a documented approval (code {code})"
        return Unknown(reason, status, snippet)
    error = _text(data.get("error"), redact, TEXT_LIMIT) or f"HTTP {status}"
    if status >= 500:
        # A gateway can fail after the carrier accepted: whatever code it carries, the
        # outcome is unknown (the contract's rule for 5xx), never a decline.
        return Unknown(
            f"HTTP {status}: {error}" + (f" (code {code})" if code else ""), status, snippet
        )
    if code in DECLINE_CODES or (status in (400, 402) and code not in ("00", "96")):
        return Declined(code or f"http_{status}", error, status, raw)
    return Unknown(
        f"HTTP {status}: {error}" + (f" (code {code})" if code else ""), status, snippet
    )


def json_object(content: bytes, *, plain: bool = False) -> dict[str, Any] | None:
    # Decimal numbers keep the provider's figures exact; `plain` gives the raw body
    # as ordinary JSON values, safe to store or dump again.
    with contextlib.suppress(ValueError, RecursionError):
        data = json.loads(content) if plain else json.loads(content, parse_float=Decimal)
        return data if isinstance(data, dict) else None
    return None


def _code(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()[:CODE_LIMIT]
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:02d}"[:CODE_LIMIT]
    return None


def decimal_or_none(value: object) -> Decimal | None:
    """A figure of the answer (a balance, a token's lifetime) as a Decimal; None when it
    is not a finite number, or is larger than any this trade knows: a garbled answer."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    number = Decimal(value)
    return number if number.is_finite() and abs(number) < LARGEST_FIGURE else None


def _text(value: object, redact: Callable[[str], str], limit: int) -> str:
    return cap(redact(value), limit) if isinstance(value, str) else ""
