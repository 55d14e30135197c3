"""Rows as the domain's records: the one place that knows how each is stored."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.domain.customers import Customer
from bot.domain.drafts import Draft, DraftStatus, Step
from bot.domain.purchases import Purchase, Status
from bot.domain.wallets import (
    AccountKind,
    JoinedHow,
    Movement,
    MovementKind,
    Reseller,
    ResellerStatus,
)


def parse_ts(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def draft(row: Any) -> Draft:
    return Draft(
        id=row["id"],
        user_id=row["user_id"],
        chat_id=row["chat_id"],
        lang=row["lang"],
        step=Step(row["step"]),
        phone=row["phone"],
        product_id=row["product_id"],
        amount=row["amount"],
        version=row["version"],
        status=DraftStatus(row["status"]),
        summary_message_id=row["summary_message_id"],
    )


def purchase(row: Any) -> Purchase:
    created = parse_ts(row["created_at"])
    if created is None:
        raise ValueError(f"purchase {row['id']} has no created_at")  # NOT NULL in the schema
    return Purchase(
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
        cost=row["cost"],
        commission=row["commission"],
    )


def customer(row: Any) -> Customer:
    return Customer(
        user_id=row["user_id"], phone=row["phone"], lang=row["lang"], alerts=bool(row["alerts"])
    )


def reseller(row: Any) -> Reseller:
    joined = parse_ts(row["joined_at"])
    if joined is None:
        raise ValueError(f"reseller {row['user_id']} has no joined_at")  # NOT NULL
    return Reseller(
        user_id=row["user_id"],
        shop_name=row["shop_name"],
        status=ResellerStatus(row["status"]),
        account=AccountKind(row["account"]),
        credit_limit=row["credit_limit"],
        airtime_bp=row["airtime_bp"],
        package_bp=row["package_bp"],
        max_per_sale=row["max_per_sale"],
        max_per_day=row["max_per_day"],
        joined_at=joined,
        joined_how=JoinedHow(row["joined_how"]),
    )


def movement(row: Any) -> Movement:
    created = parse_ts(row["created_at"])
    if created is None:
        raise ValueError(f"movement {row['id']} has no created_at")  # NOT NULL
    return Movement(
        id=row["id"],
        reseller_id=row["reseller_id"],
        kind=MovementKind(row["kind"]),
        amount=row["amount"],
        held=row["held"],
        balance_after=row["balance_after"],
        held_after=row["held_after"],
        purchase_id=row["purchase_id"],
        deposit_id=row["deposit_id"],
        note=row["note"],
        actor_id=row["actor_id"],
        created_at=created,
    )
