"""Customers: people who verified their number by sharing their own Telegram contact,
to see the top-ups to it and hear of new ones."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from bot.domain.history import Page

# How long "share your contact" stays the question: a number typed after that is a new
# conversation, most likely someone who wants to sell.
ASK_LASTS = timedelta(days=1)
# Only digits and what people type between them; seven digits or more make it a number.
_PHONE_CHARS = re.compile(r"[0-9\s().+\-]+")
_MIN_DIGITS = 7


@dataclass(frozen=True, slots=True)
class Customer:
    user_id: int
    phone: str
    lang: str
    alerts: bool


def looks_like_a_number(text: str) -> bool:
    """Text that is a phone number typed out (not a question, not a command)."""
    return bool(_PHONE_CHARS.fullmatch(text)) and sum(c.isdigit() for c in text) >= _MIN_DIGITS


class NotVerified(StrEnum):
    """Why a shared contact verified no number."""

    FOR_SALE = "for_sale"  # a seller's card, not asked for: the number of a sale
    NOT_OWN = "not_own"  # someone else's contact
    NO_USER_ID = "no_user_id"  # a card Telegram vouches for no one with
    NOT_MEXICAN = "not_mexican"


@dataclass(frozen=True, slots=True)
class CustomerPage:
    """A page of the top-ups to the customer's verified number."""

    customer: Customer
    page: Page
