"""Rows as typed records: what the repositories hand to the rest of the bot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


class Step(StrEnum):
    """Where a draft stands in phone → product → amount → confirm."""

    PHONE = "phone"
    PRODUCT = "product"
    AMOUNT = "amount"
    CONFIRM = "confirm"


class Status(StrEnum):
    """A purchase's life: sending (written, in flight) → approved | declined | pending."""

    SENDING = "sending"
    APPROVED = "approved"
    DECLINED = "declined"
    PENDING = "pending"


def utcnow() -> datetime:
    return datetime.now(UTC)


def parse_ts(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    user_id: int
    chat_id: int
    lang: str
    step: Step
    phone: str | None
    product_id: str | None
    amount: int | None
    version: int
    status: str
    summary_message_id: int | None

    @classmethod
    def from_row(cls, row: Any) -> Draft:
        return cls(
            id=row["id"],
            user_id=row["user_id"],
            chat_id=row["chat_id"],
            lang=row["lang"],
            step=Step(row["step"]),
            phone=row["phone"],
            product_id=row["product_id"],
            amount=row["amount"],
            version=row["version"],
            status=row["status"],
            summary_message_id=row["summary_message_id"],
        )


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

    @property
    def folio(self) -> str:
        """Our folio as people read it on a receipt."""
        return f"{self.id:06d}"

    @property
    def seller(self) -> str:
        """The reseller as admins read it: name and Telegram id."""
        if self.reseller_name:
            return f"{self.reseller_name} ({self.reseller_id})"
        return str(self.reseller_id)

    @classmethod
    def from_row(cls, row: Any) -> Purchase:
        created = parse_ts(row["created_at"])
        assert created is not None  # noqa: S101 - NOT NULL in the schema
        return cls(
            id=row["id"],
            distributor_transaction_id=row["distributor_transaction_id"],
            reseller_id=row["reseller_id"],
            chat_id=row["chat_id"],
            message_id=row["message_id"],
            lang=row["lang"],
            phone=row["phone"],
            product_id=row["product_id"],
            amount=row["amount"],
            status=Status(row["status"]),
            created_at=created,
            completed_at=parse_ts(row["completed_at"]),
            transaction_id=row["transaction_id"],
            reference=row["reference"],
            auth_code=row["auth_code"],
            balance_after=row["balance_after"],
            response_code=row["response_code"],
            response_message=row["response_message"],
            http_status=row["http_status"],
            pending_reason=row["pending_reason"],
            reseller_name=row["reseller_name"],
            notified_at=parse_ts(row["notified_at"]),
            settled_by=row["settled_by"],
            settled_by_name=row["settled_by_name"],
            settled_at=parse_ts(row["settled_at"]),
        )
