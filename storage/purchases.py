"""Purchases: reserved from a draft before sending, then completed with the outcome."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from bot.latcom.models import Approved, Declined, PurchaseOutcome, Unknown
from storage.db import Database
from storage.models import Purchase, Status, Step, utcnow
from storage.repeats import Repeat, hold_back_repeat


class Refusal(StrEnum):
    """Why a confirm tap placed nothing."""

    NOT_FOUND = "not_found"
    NOT_YOURS = "not_yours"
    ALREADY_PLACED = "already_placed"
    CANCELLED = "cancelled"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class Reserved:
    purchase: Purchase


class PurchaseRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def reserve(
        self,
        draft_id: int,
        version: int,
        user_id: int,
        dtid: str,
        *,
        seller_name: str | None = None,
        allow_repeat: bool = False,
    ) -> Reserved | Refusal | Repeat:
        """Turn a confirmed draft into a purchase row, atomically and only once.

        The draft is read here, not from the button: the button only names which draft
        and which version of it the reseller saw. Unless `allow_repeat`, the same top-up
        sold moments ago holds it back (storage/repeats.py), in the same transaction.
        """
        now = utcnow().isoformat()
        async with self._db.transaction(durable=True) as conn:
            cursor = await conn.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,))
            draft = await cursor.fetchone()
            if draft is None:
                return Refusal.NOT_FOUND
            if draft["user_id"] != user_id:
                return Refusal.NOT_YOURS
            if draft["status"] == "submitted":
                return Refusal.ALREADY_PLACED
            if draft["status"] != "open":
                return Refusal.CANCELLED
            if draft["version"] != version or draft["step"] != Step.CONFIRM.value:
                return Refusal.CHANGED
            if not allow_repeat and (held := await hold_back_repeat(conn, draft, now)):
                return held
            await conn.execute(
                "UPDATE drafts SET status = 'submitted', updated_at = ? WHERE id = ?",
                (now, draft_id),
            )
            cursor = await conn.execute(
                "INSERT INTO purchases (distributor_transaction_id, draft_id, reseller_id, "
                "reseller_name, chat_id, message_id, lang, phone, product_id, amount, status, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sending', ?) RETURNING *",
                (
                    dtid,
                    draft_id,
                    user_id,
                    seller_name,
                    draft["chat_id"],
                    draft["summary_message_id"],
                    draft["lang"],
                    draft["phone"],
                    draft["product_id"],
                    draft["amount"],
                    now,
                ),
            )
            row = await cursor.fetchone()
        return Reserved(Purchase.from_row(row))

    async def complete(self, purchase_id: int, outcome: PurchaseOutcome) -> Purchase:
        """Store everything the provider said; only a purchase still sending changes."""
        now = utcnow().isoformat()
        values: tuple[str | int | None, ...]
        match outcome:
            case Approved():
                values = (
                    Status.APPROVED.value,
                    outcome.transaction_id,
                    outcome.reference,
                    outcome.auth_code,
                    None if outcome.balance_after is None else str(outcome.balance_after),
                    "00",
                    str(outcome.raw.get("response_message", "")) or None,
                    200,
                    json.dumps(outcome.raw, ensure_ascii=False),
                    None,
                )
            case Declined():
                values = (
                    Status.DECLINED.value,
                    None,
                    None,
                    None,
                    None,
                    outcome.code,
                    outcome.message,
                    outcome.http_status,
                    json.dumps(outcome.raw, ensure_ascii=False) if outcome.raw else None,
                    None,
                )
            case Unknown():
                values = (
                    Status.PENDING.value,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    outcome.http_status,
                    outcome.raw_body,
                    outcome.reason,
                )
        async with self._db.transaction(durable=True) as conn:
            cursor = await conn.execute(
                "UPDATE purchases SET status = ?, transaction_id = ?, reference = ?, "
                "auth_code = ?, balance_after = ?, response_code = ?, response_message = ?, "
                "http_status = ?, raw_response = ?, pending_reason = ?, completed_at = ? "
                "WHERE id = ? AND status = 'sending' RETURNING *",
                (*values, now, purchase_id),
            )
            row = await cursor.fetchone()
            if row is None:
                cursor = await conn.execute("SELECT * FROM purchases WHERE id = ?", (purchase_id,))
                row = await cursor.fetchone()
        return Purchase.from_row(row)

    async def interrupted(self, reason: str) -> list[Purchase]:
        """Purchases left 'sending' by a crash become pending verification."""
        async with self._db.transaction(durable=True) as conn:
            cursor = await conn.execute(
                "UPDATE purchases SET status = 'pending', pending_reason = ?, completed_at = ? "
                "WHERE status = 'sending' RETURNING *",
                (reason, utcnow().isoformat()),
            )
            rows = await cursor.fetchall()
        return [Purchase.from_row(row) for row in rows]

    async def set_message(self, purchase_id: int, message_id: int) -> None:
        await self._db.execute(
            "UPDATE purchases SET message_id = ? WHERE id = ?", (message_id, purchase_id)
        )

    async def get(self, purchase_id: int) -> Purchase | None:
        rows = await self._db.execute("SELECT * FROM purchases WHERE id = ?", (purchase_id,))
        return Purchase.from_row(rows[0]) if rows else None

    async def by_transaction_id(self, dtid: str) -> Purchase | None:
        rows = await self._db.execute(
            "SELECT * FROM purchases WHERE distributor_transaction_id = ?", (dtid,)
        )
        return Purchase.from_row(rows[0]) if rows else None
