"""Purchases: reserved from a draft before sending, then completed with the outcome."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from bot.domain.clock import utcnow
from bot.domain.drafts import Draft, Refusal, refusal
from bot.domain.provider import Approved, Declined, PurchaseOutcome, Unknown
from bot.domain.purchases import Purchase, Repeat, Reserved, Status, repeated
from bot.domain.wallets import Limited, Price, Short
from storage import rows, wallets
from storage.db import Database

_Row = tuple[str | int | None, ...]


def _same_topup(conn: sqlite3.Connection, draft: Draft) -> list[Purchase]:
    """The newest purchase of the draft's top-up (phone, product, amount) in each status:
    whichever of them holds a repeat back, it is among these."""
    found = conn.execute(
        "SELECT * FROM purchases WHERE id IN (SELECT max(id) FROM purchases "
        "WHERE phone = ? AND product_id = ? AND amount = ? GROUP BY status)",
        (draft.phone, draft.product_id, draft.amount),
    ).fetchall()
    return [rows.purchase(row) for row in found]


def _outcome_columns(outcome: PurchaseOutcome) -> _Row:
    """status, transaction_id, reference, auth_code, balance_after, response_code,
    response_message, http_status, raw_response, pending_reason"""
    match outcome:
        case Approved():
            balance = None if outcome.balance_after is None else str(outcome.balance_after)
            message = str(outcome.raw.get("response_message", "")) or None
            raw = json.dumps(outcome.raw, ensure_ascii=False)
            ids = (outcome.transaction_id, outcome.reference, outcome.auth_code)
            return (Status.APPROVED.value, *ids, balance, "00", message, 200, raw, None)
        case Declined():
            raw_json = json.dumps(outcome.raw, ensure_ascii=False) if outcome.raw else None
            said = (outcome.code, outcome.message, outcome.http_status, raw_json)
            return (Status.DECLINED.value, None, None, None, None, *said, None)
        case Unknown():
            raw_body, reason = outcome.raw_body, outcome.reason
            blank = (None, None, None, None, None, None)
            return (Status.PENDING.value, *blank, outcome.http_status, raw_body, reason)


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
        day_start: datetime | None = None,
    ) -> Reserved | Refusal | Repeat | Short | Limited:
        """Turn a confirmed draft into a purchase row, atomically and only once, on the
        disk before it returns.

        The draft is read here, not from the button: the button only names which draft
        and which version of it the reseller saw (the domain's `refusal` decides whether
        it still stands). Unless `allow_repeat`, the same top-up sold moments ago holds
        it back (the domain's `repeated`): the draft then moves to a new version, the one
        the warning shows. Placing it submits the draft, in the same transaction.

        A reseller's sale also holds its cost in their wallet, in this same transaction
        (storage/wallets.py): a suspended reseller places nothing, nor does a prepaid
        wallet that does not cover the cost (`Short`) or a limit an admin set
        (`Limited`, today's sales counted from `day_start`). An admin sells with no
        wallet.
        """

        def place(conn: sqlite3.Connection) -> Reserved | Refusal | Repeat | Short | Limited:
            now = utcnow()
            row = conn.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            draft = rows.draft(row) if row else None
            refused = refusal(draft, user_id, version, confirming=True)
            if refused is not None or draft is None:
                return refused or Refusal.NOT_FOUND
            reseller = wallets.reseller_in(conn, draft.user_id)
            if reseller is not None and not reseller.active:
                return Refusal.SUSPENDED
            if not allow_repeat and (earlier := repeated(_same_topup(conn, draft), now)):
                warned = conn.execute(
                    "UPDATE drafts SET version = version + 1, updated_at = ? WHERE id = ? "
                    "RETURNING *",
                    (now.isoformat(), draft.id),
                ).fetchone()
                return Repeat(rows.draft(warned), earlier.shown_at, earlier.status)
            sale: Price | None = None
            if reseller is not None:
                priced = wallets.price_sale(conn, reseller, draft, day_start)
                if not isinstance(priced, Price):
                    return priced
                sale = priced
            # Admins read a reseller by their shop's name.
            name = seller_name if reseller is None else reseller.shop_name
            placed = conn.execute(
                "INSERT INTO purchases (distributor_transaction_id, draft_id, reseller_id, "
                "reseller_name, chat_id, message_id, lang, phone, product_id, amount, "
                "status, created_at, cost, commission) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
                (
                    dtid,
                    draft.id,
                    draft.user_id,
                    name,
                    draft.chat_id,
                    draft.summary_message_id,
                    draft.lang,
                    draft.phone,
                    draft.product_id,
                    draft.amount,
                    Status.SENDING.value,
                    now.isoformat(),
                    None if sale is None else sale.cost,
                    None if sale is None else sale.commission,
                ),
            ).fetchone()
            conn.execute(
                "UPDATE drafts SET status = 'submitted', updated_at = ? WHERE id = ?",
                (now.isoformat(), draft.id),
            )
            purchase = rows.purchase(placed)
            if sale is not None and sale.cost > 0:  # (a 100 % commission holds nothing)
                wallets.hold_sale(conn, purchase, sale.cost)
            return Reserved(purchase)

        return await self._db.write(place, durable=True)

    async def complete(self, purchase_id: int, outcome: PurchaseOutcome) -> Purchase:
        """Store everything the provider said; only a purchase still sending changes. Its
        wallet's hold is resolved as the outcome says, in the same transaction."""

        def store(conn: sqlite3.Connection) -> Purchase | None:
            row = conn.execute(
                "UPDATE purchases SET status = ?, transaction_id = ?, reference = ?, "
                "auth_code = ?, balance_after = ?, response_code = ?, response_message = ?, "
                "http_status = ?, raw_response = ?, pending_reason = ?, completed_at = ? "
                "WHERE id = ? AND status = 'sending' RETURNING *",
                (*_outcome_columns(outcome), utcnow().isoformat(), purchase_id),
            ).fetchone()
            if row is not None:
                completed = rows.purchase(row)
                wallets.resolve_sale(conn, completed)
                return completed
            # Completed before: it stays as it was.
            row = conn.execute("SELECT * FROM purchases WHERE id = ?", (purchase_id,)).fetchone()
            return rows.purchase(row) if row else None

        finished = await self._db.write(store, durable=True)
        if finished is None:
            raise LookupError(f"no purchase {purchase_id}")
        return finished

    async def interrupted(self, reason: str) -> list[Purchase]:
        """Purchases left sending by a stop become pending verification."""

        def mark(conn: sqlite3.Connection) -> list[Purchase]:
            found = conn.execute(
                "UPDATE purchases SET status = ?, pending_reason = ?, completed_at = ? "
                "WHERE status = 'sending' RETURNING *",
                (Status.PENDING.value, reason, utcnow().isoformat()),
            ).fetchall()
            return [rows.purchase(row) for row in found]

        return await self._db.write(mark, durable=True)

    async def set_message(self, purchase_id: int, message_id: int) -> None:
        """The message that shows the purchase now (its summary turned processing notice)."""
        await self._db.write(
            lambda conn: conn.execute(
                "UPDATE purchases SET message_id = ? WHERE id = ?", (message_id, purchase_id)
            )
        )

    async def get(self, purchase_id: int) -> Purchase | None:
        found = await self._db.read("SELECT * FROM purchases WHERE id = ?", (purchase_id,))
        return rows.purchase(found[0]) if found else None

    async def by_transaction_id(self, dtid: str) -> Purchase | None:
        found = await self._db.read(
            "SELECT * FROM purchases WHERE distributor_transaction_id = ?", (dtid,)
        )
        return rows.purchase(found[0]) if found else None

    async def last_balance(self) -> Purchase | None:
        """The newest purchase that reported the account's balance after it."""
        found = await self._db.read(
            "SELECT * FROM purchases WHERE balance_after IS NOT NULL ORDER BY id DESC LIMIT 1"
        )
        return rows.purchase(found[0]) if found else None
