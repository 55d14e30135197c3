"""Provider text made safe to keep and to show.

Whatever the provider writes (an error text, a reference, a whole answer) is stored and
can reach a Telegram message: an admin's pending list, a receipt. A provider that quotes
our request back ("invalid secret_key sk_live_…", "Bearer eyJ…") must not put a
credential in front of anyone, so every text leaves the client redacted and bounded:

- every secret the process knows (bot/logs.py: the configured credentials and each token
  the provider issued) and the client's own secret key become "***";
- anything shaped like a credential does too, known or not: a bearer token, a JWT, and
  the value of a field named like a secret (`secret_key=…`, `"access_token": "…"`);
- each text is capped, so no field can make a receipt longer than Telegram takes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from bot.logs import known_secrets

REDACTED = "***"
# Identifiers (transaction id, reference, authorization) fit a receipt line; longer ones
# are not this trade's and are cut with "…" (the whole answer stays in the raw copy).
ID_LIMIT = 64
# What the provider says in words (an error text, a pending reason).
TEXT_LIMIT = 200
# Our own sentence around it: "HTTP 400: <text> (code 99)".
REASON_LIMIT = TEXT_LIMIT + 40
# One string inside the stored raw answer, and the raw answer as a whole.
RAW_STRING_LIMIT = 500
RAW_BODY_LIMIT = 2000
# A nested answer deeper than this is garbage, not a record worth keeping.
RAW_DEPTH_LIMIT = 8
RAW_ITEMS_LIMIT = 50

_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Bearer <token>, with or without the header's name.
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9\-._~+/]+=*"), rf"\1 {REDACTED}"),
    # A JSON Web Token anywhere: three base64url parts, the first a JSON header.
    (re.compile(r"\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*"), REDACTED),
    # A field named like a secret, as JSON, a query string or prose: keep the name.
    (
        re.compile(
            r"(?i)(\b(?:secret(?:_?key)?|password|passwd|api_?key|access_?token|"
            r"refresh_?token|token|authorization|auth)\b[\"']?\s*[:=]\s*[\"']?)"
            r"([^\s\"',;&}]+)"
        ),
        rf"\1{REDACTED}",
    ),
)


class Scrubber:
    """Redacts and caps provider text for one client, whose own secret key it knows."""

    def __init__(self, own_secrets: Iterable[str] = ()) -> None:
        self._own = sorted((s for s in own_secrets if s), key=len, reverse=True)

    def text(self, value: str, limit: int = TEXT_LIMIT) -> str:
        """`value` without any secret, at most `limit` characters."""
        return cap(self.redact(value), limit)

    def redact(self, value: str) -> str:
        value = known_secrets.redact(value)
        for secret in self._own:
            value = value.replace(secret, REDACTED)
        for shape, replacement in _SHAPES:
            value = shape.sub(replacement, value)
        return value

    def raw(self, data: dict[str, Any]) -> dict[str, Any]:
        """A stored copy of the provider's answer: every string redacted and capped, and
        the whole of it bounded (an answer too large keeps the contract's fields only)."""
        cleaned = self._dict(data, 0)
        if len(json.dumps(cleaned, ensure_ascii=False, default=str)) > RAW_BODY_LIMIT:
            cleaned = {key: cleaned[key] for key in _CONTRACT_FIELDS if key in cleaned}
            cleaned["truncated"] = True
        return cleaned

    def _dict(self, value: dict[str, Any], depth: int) -> dict[str, Any]:
        return {
            self.text(str(key), ID_LIMIT): self._value(item, depth + 1)
            for key, item in list(value.items())[:RAW_ITEMS_LIMIT]
        }

    def _value(self, value: Any, depth: int) -> Any:
        if isinstance(value, str):
            return self.text(value, RAW_STRING_LIMIT)
        if depth >= RAW_DEPTH_LIMIT:
            return "…"
        if isinstance(value, dict):
            return self._dict(value, depth)
        if isinstance(value, list):
            return [self._value(item, depth + 1) for item in value[:RAW_ITEMS_LIMIT]]
        return value


_CONTRACT_FIELDS = (
    "success",
    "transaction_id",
    "distributor_transaction_id",
    "response_code",
    "response_message",
    "reference",
    "auth_code",
    "balance_after",
    "error",
)


def cap(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"
