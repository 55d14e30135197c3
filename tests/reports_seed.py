"""A made-up business written straight into storage, for the reports' tests: resellers
selling over several days (approved, declined, in verification, some settled a day or
more after the sale), deposits, adjustments, and admins' own sales without cost. The
ledger goes through storage/wallets.py `append`, as the money path writes it."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.domain.catalog import CATALOG
from bot.domain.wallets import JoinedHow, MovementKind, commission_on
from storage.db import Database
from storage.resellers import add_in
from storage.wallets import append

ADMIN_SELLER = 1  # an admin's own sales: no wallet, no cost


@dataclass(frozen=True, slots=True)
class Event:
    at: datetime
    kind: str  # deposit, adjustment, sale, resolve
    who: int
    amount: int = 0  # centavos for money, pesos for a sale
    product_id: str = ""
    outcome: str = ""  # a sale's: approved, declined, pending, sending
    purchase: int = 0  # the sale a resolution resolves (its order among sales)


def _timeline(
    rng: random.Random, start: datetime, days: int, resellers: list[int], edges: list[datetime]
) -> list[Event]:
    events: list[Event] = []
    span = days * 86_400
    sale_number = 0
    for _ in range(rng.randint(40, 90)):
        at = start + timedelta(seconds=rng.randrange(span))
        if edges and rng.random() < 0.15:  # on the stroke of a day's start
            at = rng.choice(edges)
        who = rng.choice(resellers)
        roll = rng.random()
        if roll < 0.15:
            events.append(Event(at, "deposit", who, rng.choice((50_000, 100_000, 123_45))))
        elif roll < 0.22:
            events.append(Event(at, "adjustment", who, rng.choice((-1_050, 2_000, -333))))
        else:
            sale_number += 1
            product = rng.choice(CATALOG)
            face = rng.choice((20, 30, 50, 100, 200)) if not product.is_package else 0
            outcome = rng.choices(
                ("approved", "declined", "pending", "sending", "late_ok", "late_no"),
                (60, 15, 8, 3, 8, 6),
            )[0]
            seller = ADMIN_SELLER if rng.random() < 0.1 else who
            events.append(
                Event(at, "sale", seller, face, product.product_id, outcome, sale_number)
            )
            if outcome in ("approved", "declined"):
                delay = timedelta(seconds=2)
            elif outcome.startswith("late"):
                delay = timedelta(hours=rng.randint(1, 60))  # often another day
            else:
                continue
            final = "approved" if outcome in ("approved", "late_ok") else "declined"
            events.append(
                Event(at + delay, "resolve", seller, outcome=final, purchase=sale_number)
            )
    events.sort(key=lambda event: (event.at, event.kind != "sale"))
    return events


def _write(conn: sqlite3.Connection, events: list[Event], rates: dict[int, int]) -> None:
    purchases: dict[int, tuple[int, int]] = {}  # sale number → (purchase id, cost)
    for event in events:
        if event.kind in ("deposit", "adjustment"):
            note = "corrección" if event.kind == "adjustment" else None
            append(
                conn, event.who, MovementKind(event.kind), event.amount, note=note, now=event.at
            )
            continue
        if event.kind == "sale":
            product = next(p for p in CATALOG if p.product_id == event.product_id)
            face = event.amount or product.price or 100
            own = event.who == ADMIN_SELLER
            commission = None if own else commission_on(face * 100, rates[event.who])
            cost = None if own else face * 100 - (commission or 0)
            status = "sending" if event.outcome == "sending" else "pending"
            purchase_id = conn.execute(
                "INSERT INTO purchases (distributor_transaction_id, reseller_id, reseller_name, "
                "chat_id, lang, phone, product_id, amount, status, created_at, notified_at, "
                "admins_alerted_at, cost, commission) "
                "VALUES (?, ?, ?, ?, 'es', '5537686660', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    f"seed-{event.purchase}",
                    event.who,
                    "Ana Admin" if own else f"Tienda {event.who}",
                    event.who,
                    event.product_id,
                    face,
                    status,
                    event.at.isoformat(),
                    event.at.isoformat(),
                    event.at.isoformat(),
                    cost,
                    commission,
                ),
            ).fetchone()[0]
            purchases[event.purchase] = (purchase_id, cost or 0)
            if cost:
                append(
                    conn,
                    event.who,
                    MovementKind.HOLD,
                    0,
                    cost,
                    purchase_id=purchase_id,
                    now=event.at,
                )
            continue
        purchase_id, cost = purchases[event.purchase]
        conn.execute(
            "UPDATE purchases SET status = ?, completed_at = ?, settled_at = ? WHERE id = ?",
            (event.outcome, event.at.isoformat(), event.at.isoformat(), purchase_id),
        )
        if cost:
            kind = MovementKind.SALE if event.outcome == "approved" else MovementKind.RELEASE
            amount = -cost if kind is MovementKind.SALE else 0
            append(conn, event.who, kind, amount, -cost, purchase_id=purchase_id, now=event.at)


async def seed_business(
    database: Database,
    rng: random.Random,
    start: datetime,
    days: int,
    edges: list[datetime] | None = None,
) -> list[int]:
    """Three to six resellers' days from `start`, some of it at the instants `edges`;
    returns the resellers' ids."""
    resellers = list(range(100, 100 + rng.randint(3, 6)))
    rates = {who: rng.choice((0, 300, 350, 500)) for who in resellers}
    events = _timeline(rng, start, days, resellers, edges or [])

    def write(conn: sqlite3.Connection) -> None:
        for who in resellers:
            add_in(conn, who, f"Tienda {who}", JoinedHow.ADMIN, added_by=ADMIN_SELLER)
        _write(conn, events, rates)

    await database.write(write, durable=True)
    return resellers


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)
