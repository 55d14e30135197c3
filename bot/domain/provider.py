"""What the distributor answers, as the rest of the bot sees it: a purchase's outcome
class (the contract's approved, declined and unknown) and the account's balance."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# A refusal that named no code of its own: no connection could be opened at all.
UNREACHABLE = "unreachable"
DECLINE_CODES = frozenset({"05", "12", "13", "14", "51", "83", "91"})


@dataclass(frozen=True, slots=True)
class PurchaseRequest:
    distributor_transaction_id: str
    phone_number: str
    product_id: str
    amount: int


@dataclass(frozen=True, slots=True)
class Approved:
    """HTTP 200, success true, response_code "00": the top-up went through."""

    transaction_id: str
    reference: str
    auth_code: str
    balance_after: Decimal | None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Declined:
    """A final refusal: nothing was charged. `code` is the provider's response code
    (UNREACHABLE when no connection could be opened at all)."""

    code: str
    message: str
    http_status: int | None = None
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Unknown:
    """The provider may or may not have charged: pending verification, never failed."""

    reason: str
    http_status: int | None = None
    raw_body: str | None = None


PurchaseOutcome = Approved | Declined | Unknown


@dataclass(frozen=True, slots=True)
class Balance:
    """The account's balance in the currency the provider names: shown, never converted."""

    amount: Decimal
    currency: str
    last_updated: str | None
