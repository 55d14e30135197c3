"""Deposits resellers report and admins decide, and the cards admins got for them.

Every change of a deposit is one writer transaction that reads its row again, so two
admins deciding at once find it decided by the first; an approval books the ledger's
`deposit` movement (storage/wallets.py `append`) in that same durable transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from bot.domain.deposits import (
    PHOTO_WAIT,
    AlreadyDecided,
    Decided,
    Deposit,
    DepositStatus,
    NoSuchDeposit,
)
from bot.domain.wallets import MovementKind, Wallet
from storage.db import Database
from storage.rows import parse_ts
from storage.wallets import append, reseller_in, wallet_in


def deposit(row: Any) -> Deposit:
    created = parse_ts(row["created_at"])
    if created is None:
        raise ValueError(f"deposit {row['id']} has no created_at")  # NOT NULL
    return Deposit(
        id=row["id"],
        reseller_id=row["reseller_id"],
        amount=row["amount"],
        photo_file_id=row["photo_file_id"],
        status=DepositStatus(row["status"]),
        lang=row["lang"],
        created_at=created,
        submitted_at=parse_ts(row["submitted_at"]),
        decided_by=row["decided_by"],
        decided_by_name=row["decided_by_name"],
        decided_at=parse_ts(row["decided_at"]),
    )


def _awaiting(conn: sqlite3.Connection, reseller_id: int) -> Deposit | None:
    row = conn.execute(
        "SELECT * FROM deposits WHERE reseller_id = ? AND status = 'awaiting_photo'",
        (reseller_id,),
    ).fetchone()
    return deposit(row) if row else None


def _drop(conn: sqlite3.Connection, deposit_id: int, now: datetime) -> Deposit:
    row = conn.execute(
        "UPDATE deposits SET status = 'dropped', dropped_at = ? WHERE id = ? RETURNING *",
        (now.isoformat(), deposit_id),
    ).fetchone()
    return deposit(row)


class DepositRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def get(self, deposit_id: int) -> Deposit | None:
        found = await self._db.read("SELECT * FROM deposits WHERE id = ?", (deposit_id,))
        return deposit(found[0]) if found else None

    async def report(
        self, reseller_id: int, amount: int, lang: str, now: datetime
    ) -> tuple[Deposit, bool]:
        """A deposit of `amount` waiting for its photo; True if it took the place of one
        still waiting (that one is dropped, so the next photo is this one's)."""

        def run(conn: sqlite3.Connection) -> tuple[Deposit, bool]:
            waiting = _awaiting(conn, reseller_id)
            if waiting is not None:
                _drop(conn, waiting.id, now)
            row = conn.execute(
                "INSERT INTO deposits (reseller_id, amount, status, lang, created_at) "
                "VALUES (?, ?, 'awaiting_photo', ?, ?) RETURNING *",
                (reseller_id, amount, lang, now.isoformat()),
            ).fetchone()
            return deposit(row), waiting is not None and not waiting.stale(now)

        return await self._db.write(run)

    async def submit(
        self, reseller_id: int, photo_file_id: str, amount: int | None, lang: str, now: datetime
    ) -> tuple[Deposit | None, Deposit | None]:
        """The photo of the reseller's deposit: the report waiting for it, with the
        caption's `amount` if it has one, or a new report of `amount`. Returns the deposit
        now submitted (None: no report waiting and no amount) and the report dropped for
        waiting too long (None if there was none)."""

        def run(conn: sqlite3.Connection) -> tuple[Deposit | None, Deposit | None]:
            waiting, dropped = _awaiting(conn, reseller_id), None
            if waiting is not None and waiting.stale(now):
                dropped, waiting = _drop(conn, waiting.id, now), None
            stamp = now.isoformat()
            if waiting is not None:
                row = conn.execute(
                    "UPDATE deposits SET status = 'submitted', photo_file_id = ?, "
                    "amount = ?, lang = ?, submitted_at = ? WHERE id = ? RETURNING *",
                    (photo_file_id, amount or waiting.amount, lang, stamp, waiting.id),
                ).fetchone()
            elif amount is not None:
                row = conn.execute(
                    "INSERT INTO deposits (reseller_id, amount, photo_file_id, status, lang, "
                    "created_at, submitted_at) VALUES (?, ?, ?, 'submitted', ?, ?, ?) "
                    "RETURNING *",
                    (reseller_id, amount, photo_file_id, lang, stamp, stamp),
                ).fetchone()
            else:
                return None, dropped
            return deposit(row), dropped

        return await self._db.write(run)

    async def drop_stale(self, now: datetime) -> list[Deposit]:
        """Drop every report that waited for its photo past `PHOTO_WAIT`."""
        cutoff = (now - PHOTO_WAIT).isoformat()
        found = await self._db.write(
            lambda conn: conn.execute(
                "UPDATE deposits SET status = 'dropped', dropped_at = ? "
                "WHERE status = 'awaiting_photo' AND created_at < ? RETURNING *",
                (now.isoformat(), cutoff),
            ).fetchall()
        )
        return [deposit(row) for row in found]

    async def decide(
        self, deposit_id: int, admin_id: int, admin_name: str, *, approve: bool, now: datetime
    ) -> Decided | AlreadyDecided | NoSuchDeposit:
        """Approve (and credit) or reject a submitted deposit, once: the status change and
        the ledger's credit are one durable transaction."""

        def run(conn: sqlite3.Connection) -> Decided | AlreadyDecided | NoSuchDeposit:
            row = conn.execute("SELECT * FROM deposits WHERE id = ?", (deposit_id,)).fetchone()
            if row is None:
                return NoSuchDeposit.NO_SUCH_DEPOSIT
            if row["status"] != DepositStatus.SUBMITTED:
                return AlreadyDecided(deposit(row))
            status = DepositStatus.APPROVED if approve else DepositStatus.REJECTED
            decided = deposit(
                conn.execute(
                    "UPDATE deposits SET status = ?, decided_by = ?, decided_by_name = ?, "
                    "decided_at = ? WHERE id = ? AND status = 'submitted' RETURNING *",
                    (status.value, admin_id, admin_name, now.isoformat(), deposit_id),
                ).fetchone()
            )
            reseller = reseller_in(conn, decided.reseller_id)
            if reseller is None:  # a deposit's reseller is never deleted
                raise ValueError(f"deposit {deposit_id} has no reseller")
            wallet: Wallet | None = None
            if approve:
                append(
                    conn,
                    decided.reseller_id,
                    MovementKind.DEPOSIT,
                    decided.amount,
                    deposit_id=decided.id,
                    actor_id=admin_id,
                    now=now,
                )
                wallet = wallet_in(conn, reseller)
            return Decided(decided, reseller.shop_name, wallet, reseller_told=False)

        return await self._db.write(run, durable=True)

    async def add_card(self, deposit_id: int, admin_id: int, message_id: int) -> None:
        await self._db.write(
            lambda conn: conn.execute(
                "INSERT INTO deposit_cards (deposit_id, admin_id, message_id) "
                "VALUES (?, ?, ?) ON CONFLICT (deposit_id, admin_id) "
                "DO UPDATE SET message_id = excluded.message_id",
                (deposit_id, admin_id, message_id),
            )
        )

    async def cards(self, deposit_id: int) -> list[tuple[int, int]]:
        """(admin, message) of every card showing the deposit."""
        found = await self._db.read(
            "SELECT admin_id, message_id FROM deposit_cards WHERE deposit_id = ? "
            "ORDER BY admin_id",
            (deposit_id,),
        )
        return [(int(row["admin_id"]), int(row["message_id"])) for row in found]
