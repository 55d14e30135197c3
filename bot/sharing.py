"""Shared receipt links: the token's rules, the deep link, and slowing down guessers.

A token is the only thing that opens a customer copy, so it is random (128 bits) and
kept within Telegram's deep-link rules (1-64 characters of A-Za-z0-9_-). Guessing one
is hopeless anyway; the slow-down keeps a user from hammering storage trying.
"""

from __future__ import annotations

import re
import secrets
from enum import Enum

from storage.models import Purchase
from storage.shares import ShareRepository

TOKEN_BYTES = 16  # token_urlsafe: 16 bytes → 22 characters of A-Za-z0-9_-
_WELL_FORMED = re.compile(r"[A-Za-z0-9_-]{16,64}")
MAX_FAILURES = 5
WINDOW_SECONDS = 600.0


class Refused(Enum):
    """Why a link showed nothing; the user is told no more than that."""

    NOT_FOUND = "not_found"
    SLOW_DOWN = "slow_down"


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def deep_link(bot_username: str, token: str) -> str:
    """The link that opens the bot with `/start <token>`."""
    return f"https://t.me/{bot_username}?start={token}"


async def open_shared(
    shares: ShareRepository, user_id: int, token: str, now: float
) -> Purchase | Refused:
    """The receipt behind `token`, unless the user tried too many wrong ones lately.

    After MAX_FAILURES wrong tokens within WINDOW_SECONDS the user's lookups are refused,
    even with a good token (so the refusal says nothing about it), until the oldest of
    those failures leaves the window. Refused lookups are not counted: the wait ends.
    """
    since = now - WINDOW_SECONDS
    if await shares.failures(user_id, since) >= MAX_FAILURES:
        return Refused.SLOW_DOWN
    purchase = await shares.shared(token) if _WELL_FORMED.fullmatch(token) else None
    if purchase is None:
        await shares.failed(user_id, now, forget_before=since)
        return Refused.NOT_FOUND
    return purchase
