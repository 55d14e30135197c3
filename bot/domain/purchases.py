"""Purchases: what a confirmed draft becomes, and the rules of placing one.

A purchase is written with its own distributor_transaction_id before it is sent, and is
sent at most once, ever. Its life: sending (written, in flight) → approved, declined,
or pending verification (the provider did not say clearly), which only an admin settles.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.drafts import Draft

# Providers block a repeat of the same phone, product and amount for a while, whoever
# sells it; so does the bot, unless the reseller confirms it a second time.
REPEAT_WINDOW = timedelta(minutes=10)
# The provider's code for "the account has not enough balance".
OUT_OF_FUNDS = "51"
# Admins hear of an account out of funds at most this often while it lasts.
OUT_OF_FUNDS_ALERT_EVERY = timedelta(minutes=10)
# Why a purchase found in flight at start-up is pending verification.
RESTART_REASON = "the bot stopped while waiting for the provider"


class Status(StrEnum):
    """A purchase's life: sending (written, in flight) → approved | declined | pending."""

    SENDING = "sending"
    APPROVED = "approved"
    DECLINED = "declined"
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class Purchase:
    id: int
    distributor_transaction_id: str
    reseller_id: int
    chat_id: int
    message_id: int | None
    lang: str
    phone: str
    product_id: str
    amount: int
    status: Status
    created_at: datetime
    completed_at: datetime | None
    transaction_id: str | None
    reference: str | None
    auth_code: str | None
    balance_after: str | None
    response_code: str | None
    response_message: str | None
    http_status: int | None
    pending_reason: str | None
    reseller_name: str | None = None
    notified_at: datetime | None = None
    settled_by: int | None = None
    settled_by_name: str | None = None
    settled_at: datetime | None = None
    cost: int | None = None  # centavos the reseller paid (face less commission); None:
    commission: int | None = None  # an admin's own sale, or one placed before wallets

    @property
    def folio(self) -> str:
        """Our folio as people read it on a receipt."""
        return f"{self.id:06d}"

    @property
    def shareable(self) -> bool:
        """Whether the customer may get a copy: only a top-up that went through (approved,
        or settled as charged). A declined or unverified one is no proof of anything."""
        return self.status is Status.APPROVED

    @property
    def out_of_funds(self) -> bool:
        """Declined because the distributor's account with the provider ran dry (code
        51): no reseller can sell until an admin funds it."""
        return self.status is Status.DECLINED and self.response_code == OUT_OF_FUNDS

    @property
    def seller(self) -> str:
        """The reseller as admins read it: name and Telegram id."""
        if self.reseller_name:
            return f"{self.reseller_name} ({self.reseller_id})"
        return str(self.reseller_id)

    @property
    def shown_at(self) -> datetime:
        """The time a receipt carries: when the provider answered, else when it was placed."""
        return self.completed_at or self.created_at

    @property
    def unsettled(self) -> bool:
        """In flight or pending verification: it may have been charged."""
        return self.status in (Status.SENDING, Status.PENDING)


@dataclass(frozen=True, slots=True)
class Reserved:
    """The purchase is written and will be sent, once."""

    purchase: Purchase


@dataclass(frozen=True, slots=True)
class Repeat:
    """Nothing placed: the same top-up was sold (or is in flight) moments ago. The draft
    moved to a new version, the one the warning shows, so only its own button confirms
    the repeat and the old summary's ✅ tapped again does nothing."""

    draft: Draft
    earlier_at: datetime
    earlier_status: Status


def new_transaction_id() -> str:
    """Our id for one purchase at the provider: unique, never reused."""
    return f"tg-{uuid.uuid4().hex}"


def holds_back(earlier: Purchase, now: datetime) -> bool:
    """Whether an earlier sale of the same top-up makes a new one a repeat: approved
    within the window; pending verification or in flight at any age, since it may well
    have been charged (its receipt says not to sell it again yet)."""
    if earlier.status in (Status.SENDING, Status.PENDING):
        return True
    return earlier.status is Status.APPROVED and earlier.created_at >= now - REPEAT_WINDOW


def repeated(earlier_sales: Iterable[Purchase], now: datetime) -> Purchase | None:
    """The newest of `earlier_sales` (the same phone, product and amount) that holds a
    new sale back, if any."""
    holding = [sale for sale in earlier_sales if holds_back(sale, now)]
    return max(holding, key=lambda sale: sale.id, default=None)
