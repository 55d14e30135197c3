"""Invitations to sell: an admin's one-time link, and what opening it and answering the
shop's name may do.

The link is `t.me/<bot>?start=join_<token>`: the token is random (192 bits), so the
link cannot be guessed, and only its hash is stored (`token_hash`). The `join_` prefix
and the length keep it apart from a shared receipt's token (22 characters,
bot/domain/sharing.py), which goes through /start too. It is used once, by the first
person with no role who opens it within `INVITATION_TTL`; an admin or a reseller who
opens it is told they already are one, and the link stays unused.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.wallets import Reseller

INVITATION_TTL = timedelta(hours=24)
PREFIX = "join_"
TOKEN_BYTES = 24  # token_urlsafe: 24 bytes → 32 characters of A-Za-z0-9_-
# What routes a /start payload here: a shared receipt's token never has this shape.
PAYLOAD = re.compile(PREFIX + r"[A-Za-z0-9_-]{32}")


def new_payload() -> str:
    """A fresh invitation's /start payload (within Telegram's 64 characters)."""
    return PREFIX + secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(payload: str) -> str:
    """What is stored of a payload: its SHA-256, hex. The token carries 192 random bits,
    so no salt or slow hash is needed to keep it from being guessed back."""
    return hashlib.sha256(payload.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Invitation:
    """A link made by /alta: send it to the future reseller."""

    link: str
    expires_at: datetime


class Opened(StrEnum):
    """What opening an invitation's link did."""

    ASK_SHOP_NAME = "ask_shop_name"  # the link is theirs now: their shop's name?
    ALREADY_ADMIN = "already_admin"  # nothing used
    ALREADY_RESELLER = "already_reseller"  # nothing used
    EXPIRED = "expired"  # nothing used: ask the admin for a new one
    USED = "used"  # someone else's (or no such link): refused as any stranger is


class NotJoined(StrEnum):
    """Text that made nobody a reseller."""

    NOT_ASKED = "not_asked"  # no shop's name was asked: it goes on to whatever reads it
    BAD_SHOP_NAME = "bad_shop_name"  # a name the bot cannot keep: asked again


@dataclass(frozen=True, slots=True)
class Joined:
    """Someone answered their shop's name: a reseller now, prepaid at $0."""

    reseller: Reseller
    invited_by: int


Answer = Joined | NotJoined
