"""Settling purchases pending verification: what an admin decides, and the rules of the
question "the provider's reference?" asked when one is settled as charged.

A settlement happens once: of two admins settling the same purchase, one wins and the
other is told who did it and when. Settled as not charged is stored as declined with
response_code SETTLED_FAILED.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain import visible
from bot.domain.purchases import Purchase

SETTLED_FAILED = "settled_failed"
# An unanswered question about a reference stops catching the admin's text after this.
PROMPT_TTL = timedelta(minutes=15)
MAX_REFERENCE = 64
PENDING_PAGE_SIZE = 5


@dataclass(frozen=True, slots=True)
class PendingPage:
    """Some of the purchases pending verification, oldest first."""

    purchases: list[Purchase]
    total: int  # pending now, on every page
    earlier: int  # pending before the first of this page

    @property
    def more_after(self) -> bool:
        return self.earlier + len(self.purchases) < self.total


@dataclass(frozen=True, slots=True)
class Prompt:
    """An admin was asked for the provider's reference of a purchase."""

    purchase_id: int
    asked_at: datetime

    def expired(self, now: datetime) -> bool:
        return self.asked_at < now - PROMPT_TTL


@dataclass(frozen=True, slots=True)
class Settled:
    """Settled now, by this admin. `seller_told`: the reseller has seen it already (else
    the delivery job keeps trying)."""

    purchase: Purchase
    seller_told: bool = False


@dataclass(frozen=True, slots=True)
class NotPending:
    """Nothing changed: someone settled it already (see `settled_by_name`), or it was
    never pending."""

    purchase: Purchase


@dataclass(frozen=True, slots=True)
class NoSuchPurchase:
    """The button or question names a purchase that does not exist."""


SettleResult = Settled | NotPending | NoSuchPurchase


def parse_reference(typed: str) -> str | None:
    """The provider's reference as typed: one line of at most MAX_REFERENCE characters,
    with what cannot be seen (zero-width characters) dropped and any run of spaces
    (tabs, no-break spaces) made one space; None when nothing visible is left."""
    if "\n" in typed.strip():
        return None
    reference = " ".join(visible(typed).split())
    if not reference or len(reference) > MAX_REFERENCE or not reference.isprintable():
        return None
    return reference


class Question(StrEnum):
    """What became of an admin's text or command meant for "the provider's reference?"."""

    NOT_ASKED = "not_asked"  # no open question it answers: the text is not about one
    EXPIRED = "expired"  # it answers a question asked too long ago: nothing settled


@dataclass(frozen=True, slots=True)
class AskAgain:
    """The reference typed is no reference (several lines, too long, nothing visible)."""

    purchase_id: int


@dataclass(frozen=True, slots=True)
class QuestionDropped:
    """/cancelar in answer: nothing settled, the purchase stays pending."""

    folio: str


Answer = Question | AskAgain | SettleResult
