"""Purchases: reserved from a draft before sending, then completed with the outcome."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from bot.latcom.models import Approved, Declined, PurchaseOutcome, Unknown
from storage.db import Database
from storage.models import Purchase, Status, Step, utcnow
from storage.repeats import SOLD_RECENTLY, Repeat, hold_back_repeat, since


class Refusal(StrEnum):
    """Why a confirm tap placed nothing."""

    NOT_FOUND = "not_found"
    NOT_YOURS = "not_yours"
    ALREADY_PLACED = "already_placed"
    CANCELLED = "cancelled"
    CHANGED = "changed"


# A purchase copied from draft `d`; its parameters: distributor_transaction_id, the
# seller's name, and the time. The draft is closed by a trigger (migration 0006).
_PLACE = (
    "INSERT INTO purchases (distributor_transaction_id, draft_id, reseller_id, "
    "reseller_name, chat_id, message_id, lang, phone, product_id, amount, status, "
    "created_at) SELECT ?, d.id, d.user_id, ?, d.chat_id, d.summary_message_id, d.lang, "
    "d.phone, d.product_id, d.amount, 'sending', ?"
)


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
        sold moments ago holds it back (storage/repeats.py).

        The usual case is one statement, synced to disk: the row is copied from the draft
        only if the draft is still as confirmed, and a trigger closes the draft in the same
        statement. When it places nothing, `_refuse` says why, in a transaction.
        """
        now = utcnow().isoformat()
        repeat = f"SELECT 1 FROM purchases AS p WHERE {SOLD_RECENTLY}"  # noqa: S608 - constants
        rows = await self._db.execute(
            f"{_PLACE} FROM drafts AS d WHERE d.id = ? AND d.user_id = ? AND d.status = 'open' "
            f"AND d.version = ? AND d.step = ? AND (? OR NOT EXISTS ({repeat})) RETURNING *",
            (
                dtid,
                seller_name,
                now,
                draft_id,
                user_id,
                version,
                Step.CONFIRM.value,
                allow_repeat,
                since(),
            ),
            durable=True,
        )
        if rows:
            return Reserved(Purchase.from_row(rows[0]))
        return await self._refuse(draft_id, version, user_id, dtid, seller_name, allow_repeat)

    async def _refuse(
        self,
        draft_id: int,
        version: int,
        user_id: int,
        dtid: str,
        seller_name: str | None,
        allow_repeat: bool,
    ) -> Reserved | Refusal | Repeat:
        """Why a draft could not be placed as confirmed; or, should what held it back have
        changed meanwhile (an earlier sale declined), the purchase after all."""
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
            cursor = await conn.execute(
                f"{_PLACE} FROM drafts AS d WHERE d.id = ? RETURNING *",
                (dtid, seller_name, now, draft_id),
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
        rows = await self._db.execute(
            "UPDATE purchases SET status = ?, transaction_id = ?, reference = ?, "
            "auth_code = ?, balance_after = ?, response_code = ?, response_message = ?, "
            "http_status = ?, raw_response = ?, pending_reason = ?, completed_at = ? "
            "WHERE id = ? AND status = 'sending' RETURNING *",
            (*values, now, purchase_id),
            durable=True,
        )
        if rows:
            return Purchase.from_row(rows[0])
        finished = await self.get(purchase_id)  # completed before: it stays as it was
        if finished is None:
            raise LookupError(f"no purchase {purchase_id}")
        return finished

    async def interrupted(self, reason: str) -> list[Purchase]:
        """Purchases left 'sending' by a crash become pending verification."""
        rows = await self._db.execute(
            "UPDATE purchases SET status = 'pending', pending_reason = ?, completed_at = ? "
            "WHERE status = 'sending' RETURNING *",
            (reason, utcnow().isoformat()),
            durable=True,
        )
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
