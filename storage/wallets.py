"""The ledger: resellers' money as append-only movements, and the wallet they add up to.

The functions taking a `conn` run inside a writer's transaction (storage/writer.py), so a
sale's hold is written in the same transaction as its purchase (storage/purchases.py
`reserve`), and its resolution in the same one as its outcome (`complete`) or its
settlement (storage/settlements.py). Each movement carries its reseller's balance and
holds after it, from their previous movement read in that transaction: the writers'
lock serialises transactions, so no two movements are ever computed from the same one.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.domain.catalog import get_product
from bot.domain.clock import utcnow
from bot.domain.drafts import Draft
from bot.domain.purchases import Purchase
from bot.domain.wallets import (
    Commission,
    Limited,
    Movement,
    MovementKind,
    OverLimit,
    Price,
    Reseller,
    Short,
    Wallet,
    price,
    resolution,
)
from storage import rows
from storage.db import Database


def _sums(conn: sqlite3.Connection, reseller_id: int) -> tuple[int, int]:
    """The reseller's balance and holds as their newest movement left them."""
    row = conn.execute(
        "SELECT balance_after, held_after FROM ledger WHERE reseller_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (reseller_id,),
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def append(
    conn: sqlite3.Connection,
    reseller_id: int,
    kind: MovementKind,
    amount: int,
    held: int = 0,
    *,
    purchase_id: int | None = None,
    deposit_id: int | None = None,
    note: str | None = None,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> Movement:
    """Append one movement with the sums after it. The schema refuses a movement of the
    wrong shape, a second hold or resolution for a purchase, a second credit for a
    deposit (sqlite3.IntegrityError: the transaction is rolled back)."""
    balance, holds = _sums(conn, reseller_id)
    row = conn.execute(
        "INSERT INTO ledger (reseller_id, kind, amount, held, balance_after, held_after, "
        "purchase_id, deposit_id, note, actor_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
        (
            reseller_id,
            kind.value,
            amount,
            held,
            balance + amount,
            holds + held,
            purchase_id,
            deposit_id,
            note,
            actor_id,
            (now or utcnow()).isoformat(),
        ),
    ).fetchone()
    return rows.movement(row)


def reseller_in(conn: sqlite3.Connection, user_id: int) -> Reseller | None:
    row = conn.execute("SELECT * FROM resellers WHERE user_id = ?", (user_id,)).fetchone()
    return rows.reseller(row) if row else None


def default_commission_in(conn: sqlite3.Connection) -> Commission:
    found = dict(conn.execute("SELECT kind, basis_points FROM commission_defaults").fetchall())
    return Commission(found.get("airtime", 0), found.get("package", 0))


def wallet_in(conn: sqlite3.Connection, reseller: Reseller) -> Wallet:
    balance, held = _sums(conn, reseller.user_id)
    return Wallet(balance, held, reseller.credit_limit, reseller.account)


def _sold_since(conn: sqlite3.Connection, reseller_id: int, since: datetime) -> int:
    """Face centavos of the reseller's sales since `since` that may stand (declined ones
    do not count)."""
    row = conn.execute(
        "SELECT COALESCE(SUM(amount), 0) FROM purchases WHERE reseller_id = ? "
        "AND created_at >= ? AND status <> 'declined'",
        (reseller_id, since.isoformat()),
    ).fetchone()
    return int(row[0]) * 100


def price_sale(
    conn: sqlite3.Connection, reseller: Reseller, draft: Draft, day_start: datetime | None
) -> Price | Short | Limited:
    """What the draft's sale would cost the reseller, if their wallet and limits allow it."""
    product = get_product(draft.product_id or "")
    if product is None or draft.amount is None:
        raise ValueError(f"draft {draft.id} is not complete")
    sale = price(draft.amount, product.kind, reseller.commission(default_commission_in(conn)))
    if reseller.max_per_sale is not None and sale.face > reseller.max_per_sale:
        return Limited(OverLimit.PER_SALE, reseller.max_per_sale)
    if reseller.max_per_day is not None and day_start is not None:
        sold = _sold_since(conn, reseller.user_id, day_start)
        if sold + sale.face > reseller.max_per_day:
            return Limited(OverLimit.PER_DAY, reseller.max_per_day, sold)
    wallet = wallet_in(conn, reseller)
    if not wallet.covers(sale.cost):
        return Short(wallet.available, sale.cost)
    return sale


def hold_sale(conn: sqlite3.Connection, purchase: Purchase, cost: int) -> Movement:
    """Hold the sale's cost (the reservation's own transaction)."""
    return append(conn, purchase.reseller_id, MovementKind.HOLD, 0, cost, purchase_id=purchase.id)


def resolve_sale(conn: sqlite3.Connection, purchase: Purchase) -> Movement | None:
    """Resolve the sale's hold as its status says (`resolution`), once: a sale without a
    hold (an admin's, or placed before wallets) or already resolved books nothing."""
    kind = resolution(purchase.status)
    if kind is None:
        return None
    hold = conn.execute(
        "SELECT reseller_id, held FROM ledger WHERE purchase_id = ? AND kind = 'hold'",
        (purchase.id,),
    ).fetchone()
    if hold is None:
        return None
    resolved = conn.execute(
        "SELECT 1 FROM ledger WHERE purchase_id = ? AND kind IN ('sale', 'release')",
        (purchase.id,),
    ).fetchone()
    if resolved is not None:
        return None
    cost = int(hold["held"])
    amount = -cost if kind is MovementKind.SALE else 0
    return append(conn, int(hold["reseller_id"]), kind, amount, -cost, purchase_id=purchase.id)


class WalletRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def reseller(self, user_id: int) -> Reseller | None:
        found = await self._db.read("SELECT * FROM resellers WHERE user_id = ?", (user_id,))
        return rows.reseller(found[0]) if found else None

    async def wallet(self, user_id: int) -> Wallet | None:
        """The reseller's wallet as the ledger stands; None for someone with no account."""
        async with self._db.reading() as conn:
            cursor = await conn.execute("SELECT * FROM resellers WHERE user_id = ?", (user_id,))
            found = await cursor.fetchone()
            if found is None:
                return None
            reseller = rows.reseller(found)
            cursor = await conn.execute(
                "SELECT balance_after, held_after FROM ledger WHERE reseller_id = ? "
                "ORDER BY id DESC LIMIT 1",
                (user_id,),
            )
            last = await cursor.fetchone()
        balance, held = (int(last[0]), int(last[1])) if last else (0, 0)
        return Wallet(balance, held, reseller.credit_limit, reseller.account)

    async def default_commission(self) -> Commission:
        found = await self._db.read("SELECT kind, basis_points FROM commission_defaults")
        by_kind = {row["kind"]: int(row["basis_points"]) for row in found}
        return Commission(by_kind.get("airtime", 0), by_kind.get("package", 0))

    async def movements_of_purchase(self, purchase_id: int) -> list[Movement]:
        # A sale only ever has a hold and its resolution; each half through its own
        # partial index (a plain purchase_id = ? would read the whole ledger).
        found = await self._db.read(
            "SELECT * FROM ledger WHERE purchase_id = ? AND kind = 'hold' UNION ALL "
            "SELECT * FROM ledger WHERE purchase_id = ? AND kind IN ('sale', 'release') "
            "ORDER BY id",
            (purchase_id, purchase_id),
        )
        return [rows.movement(row) for row in found]

    async def credit(
        self,
        reseller_id: int,
        kind: MovementKind,
        amount: int,
        *,
        actor_id: int,
        note: str | None = None,
        deposit_id: int | None = None,
    ) -> Movement:
        """Book a deposit or an adjustment, durably (money)."""
        if kind not in (MovementKind.DEPOSIT, MovementKind.ADJUSTMENT):
            raise ValueError(f"{kind} is booked by a sale, not by hand")
        return await self._db.write(
            lambda conn: append(
                conn,
                reseller_id,
                kind,
                amount,
                actor_id=actor_id,
                note=note,
                deposit_id=deposit_id,
            ),
            durable=True,
        )
