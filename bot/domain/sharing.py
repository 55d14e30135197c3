"""Shared receipt links: the token's rules and slowing down guessers.

A token is the only thing that opens a customer copy, so it is random (128 bits) and
kept within Telegram's deep-link rules (1-64 characters of A-Za-z0-9_-). Guessing one
is hopeless anyway; the slow-down keeps a user from hammering storage trying.
"""

from __future__ import annotations

import re
import secrets
from enum import Enum

TOKEN_BYTES = 16  # token_urlsafe: 16 bytes → 22 characters of A-Za-z0-9_-
_WELL_FORMED = re.compile(r"[A-Za-z0-9_-]{16,64}")
MAX_FAILURES = 5
WINDOW_SECONDS = 600.0


class LinkRefused(Enum):
    """Why a link showed nothing; the user is told no more than that."""

    NOT_FOUND = "not_found"
    SLOW_DOWN = "slow_down"
    NOT_CHARGED = "not_charged"  # declined, or still pending verification: no proof


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def well_formed(token: str) -> bool:
    return _WELL_FORMED.fullmatch(token) is not None


def deep_link(bot_username: str, token: str) -> str:
    """The link that opens the bot with `/start <token>`."""
    return f"https://t.me/{bot_username}?start={token}"
