"""The ledger's integrity on a real SQLite file: what SQL itself refuses whatever code runs
(an edit, a delete, a second hold or resolution, a movement of the wrong shape, a deposit
credited twice), and a sale's hold and resolution as the purchase moves."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.domain.catalog import get_product
from bot.domain.provider import Approved, Declined, Unknown
from bot.domain.purchases import Purchase, Reserved
from bot.domain.wallets import AccountKind, JoinedHow, MovementKind, Short, Wallet
from storage import wallets
from storage.db import Database
from storage.drafts import DraftRepository
from storage.purchases import PurchaseRepository
from storage.resellers import ResellerRepository
from storage.settlements import SettlementRepository
from storage.wallets import WalletRepository

SELLER = 42
ADMIN = 7


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    await ResellerRepository(db).add(SELLER, "Abarrotes Lupita", JoinedHow.ADMIN, added_by=ADMIN)
    yield db
    await db.close()


async def _fund(database: Database, pesos: int) -> None:
    await WalletRepository(database).credit(
        SELLER, MovementKind.DEPOSIT, pesos * 100, actor_id=ADMIN
    )


async def _buy(database: Database, phone: str, amount: int = 100) -> Reserved | Short:
    """The seller's ✅ on a new airtime top-up of `amount` pesos to `phone`."""
    drafts = DraftRepository(database)
    draft = await drafts.start(SELLER, SELLER, "es")
    product = get_product("MOVISTAR_TAE")
    assert product is not None
    ready = await drafts.save(draft.with_phone(phone).with_product(product).with_amount(amount))
    assert ready is not None
    result = await PurchaseRepository(database).reserve(
        ready.id, ready.version, SELLER, f"tg-{phone}"
    )
    assert isinstance(result, Reserved | Short), result
    return result


async def _bought(database: Database, phone: str, amount: int = 100) -> Purchase:
    result = await _buy(database, phone, amount)
    assert isinstance(result, Reserved)
    return result.purchase


async def _wallet(database: Database) -> Wallet:
    wallet = await WalletRepository(database).wallet(SELLER)
    assert wallet is not None
    return wallet


async def _kinds(database: Database, purchase: Purchase) -> list[MovementKind]:
    return [m.kind for m in await WalletRepository(database).movements_of_purchase(purchase.id)]


async def _write(database: Database, sql: str, parameters: tuple[Any, ...] = ()) -> None:
    await database.write(lambda conn: conn.execute(sql, parameters), durable=True)


async def _append(database: Database, *args: Any, **kwargs: Any) -> None:
    await database.write(lambda conn: wallets.append(conn, SELLER, *args, **kwargs))


async def _ledger(database: Database) -> list[tuple[Any, ...]]:
    found = await database.read("SELECT * FROM ledger ORDER BY id")
    return [tuple(row) for row in found]


async def test_a_movement_is_never_edited(database: Database) -> None:
    await _fund(database, 500)
    before = await _ledger(database)
    for sql in (
        "UPDATE ledger SET amount = 1000000",
        "UPDATE ledger SET note = 'fixed'",
        "UPDATE ledger SET balance_after = balance_after WHERE 0",  # nothing matched: allowed
    ):
        if "WHERE 0" in sql:
            await _write(database, sql)
            continue
        with pytest.raises(sqlite3.IntegrityError, match="never edited"):
            await _write(database, sql)
    assert await _ledger(database) == before
    assert (await _wallet(database)).balance == 50_000


async def test_a_movement_is_never_deleted(database: Database) -> None:
    await _fund(database, 500)
    await _bought(database, "5512346660")
    before = await _ledger(database)
    for sql in ("DELETE FROM ledger", "DELETE FROM ledger WHERE kind = 'hold'"):
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            await _write(database, sql)
    assert await _ledger(database) == before


async def test_a_purchase_is_held_once(database: Database) -> None:
    await _fund(database, 500)
    purchase = await _bought(database, "5512346660")
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        await database.write(lambda conn: wallets.hold_sale(conn, purchase, 9_000), durable=True)
    assert await _kinds(database, purchase) == [MovementKind.HOLD]
    assert (await _wallet(database)).held == 10_000


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (MovementKind.SALE, MovementKind.SALE),
        (MovementKind.SALE, MovementKind.RELEASE),
        (MovementKind.RELEASE, MovementKind.SALE),
        (MovementKind.RELEASE, MovementKind.RELEASE),
    ],
)
async def test_a_hold_is_resolved_once_in_sql(
    database: Database, first: MovementKind, second: MovementKind
) -> None:
    """Even code that bypasses `resolve_sale`'s own check cannot book a second resolution."""
    await _fund(database, 500)
    purchase = await _bought(database, "5512346660")
    await _bought(database, "5512346661")  # so holds would not go below zero either

    def resolution(kind: MovementKind) -> tuple[int, int]:
        return (-10_000 if kind is MovementKind.SALE else 0), -10_000

    await _append(database, first, *resolution(first), purchase_id=purchase.id)
    before = await _ledger(database)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        await _append(database, second, *resolution(second), purchase_id=purchase.id)
    assert await _ledger(database) == before


async def test_a_deposit_is_credited_once(database: Database) -> None:
    repository = WalletRepository(database)
    await repository.credit(SELLER, MovementKind.DEPOSIT, 10_000, actor_id=ADMIN, deposit_id=3)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        await repository.credit(
            SELLER, MovementKind.DEPOSIT, 10_000, actor_id=ADMIN + 1, deposit_id=3
        )
    assert (await _wallet(database)).balance == 10_000


async def test_sales_movements_are_not_booked_by_hand(database: Database) -> None:
    with pytest.raises(ValueError, match="booked by a sale"):
        await WalletRepository(database).credit(SELLER, MovementKind.SALE, -100, actor_id=ADMIN)
    assert await _ledger(database) == []


@pytest.mark.parametrize(
    ("kind", "amount", "held", "fields"),
    [
        (MovementKind.HOLD, -100, 100, {"purchase": True}),  # a hold moves no balance
        (MovementKind.HOLD, 0, 0, {"purchase": True}),  # and holds something
        (MovementKind.HOLD, 0, -100, {"purchase": True}),
        (MovementKind.HOLD, 0, 100, {}),  # for a purchase
        (MovementKind.SALE, -100, -50, {"purchase": True}),  # debits what it held
        (MovementKind.SALE, 100, 100, {"purchase": True}),  # takes, never gives
        (MovementKind.SALE, 0, 0, {"purchase": True}),
        (MovementKind.SALE, -100, -100, {}),  # for a purchase
        (MovementKind.RELEASE, -100, -100, {"purchase": True}),  # gives back no balance
        (MovementKind.RELEASE, 0, 100, {"purchase": True}),
        (MovementKind.RELEASE, 0, -100, {}),
        (MovementKind.DEPOSIT, -100, 0, {}),  # a deposit adds
        (MovementKind.DEPOSIT, 0, 0, {}),
        (MovementKind.DEPOSIT, 100, 100, {}),  # and holds nothing
        (MovementKind.DEPOSIT, 100, 0, {"purchase": True}),  # for no purchase
        (MovementKind.ADJUSTMENT, 100, 0, {}),  # with its reason
        (MovementKind.ADJUSTMENT, 0, 0, {"note": "nothing"}),
        (MovementKind.ADJUSTMENT, 100, 100, {"note": "held"}),
        (MovementKind.ADJUSTMENT, -100, 0, {"note": "x" * 201}),  # a reason of 200 at most
        (MovementKind.ADJUSTMENT, 100, 0, {"note": "sale", "purchase": True}),
    ],
)
async def test_a_movement_of_the_wrong_shape_is_refused(
    database: Database,
    kind: MovementKind,
    amount: int,
    held: int,
    fields: dict[str, Any],
) -> None:
    await _fund(database, 500)
    purchase = await _bought(database, "5512346660")  # holds $100.00
    before = await _ledger(database)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        await _append(
            database,
            kind,
            amount,
            held,
            purchase_id=purchase.id if fields.get("purchase") else None,
            note=fields.get("note"),
        )
    assert await _ledger(database) == before


async def test_holds_never_go_below_zero(database: Database) -> None:
    """A release of more than is held would leave holds negative: refused."""
    await _fund(database, 500)
    purchase = await _bought(database, "5512346660")
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        await _append(database, MovementKind.RELEASE, 0, -10_001, purchase_id=purchase.id)


async def test_every_movement_carries_the_sums_after_it(database: Database) -> None:
    await _fund(database, 300)
    approved = await _bought(database, "5512346660", 100)
    declined = await _bought(database, "5512346661", 50)
    pending = await _bought(database, "5512346662", 80)
    purchases = PurchaseRepository(database)
    await purchases.complete(approved.id, Approved("T1", "R1", "A1", None))
    await purchases.complete(declined.id, Declined("51", "Fondos", 402))
    await purchases.complete(pending.id, Unknown("read timeout"))
    found = await database.read("SELECT kind, amount, held, balance_after, held_after FROM ledger")
    assert [tuple(row) for row in found] == [
        ("deposit", 30_000, 0, 30_000, 0),
        ("hold", 0, 10_000, 30_000, 10_000),
        ("hold", 0, 5_000, 30_000, 15_000),
        ("hold", 0, 8_000, 30_000, 23_000),
        ("sale", -10_000, -10_000, 20_000, 13_000),
        ("release", 0, -5_000, 20_000, 8_000),
    ]
    assert await _wallet(database) == Wallet(20_000, 8_000, 0, AccountKind.PREPAID)


async def test_a_short_wallet_places_and_holds_nothing(database: Database) -> None:
    await _fund(database, 150)
    await _bought(database, "5512346660", 100)
    short = await _buy(database, "5512346661", 60)
    assert short == Short(available=5_000, cost=6_000)
    assert len(await database.read("SELECT * FROM purchases")) == 1
    assert [row["kind"] for row in await database.read("SELECT kind FROM ledger")] == [
        "deposit",
        "hold",
    ]
    # Exactly what is available still sells.
    assert isinstance(await _buy(database, "5512346662", 50), Reserved)
    assert (await _wallet(database)).available == 0


async def test_an_outcome_stored_twice_resolves_its_hold_once(database: Database) -> None:
    await _fund(database, 500)
    purchase = await _bought(database, "5512346660")
    purchases = PurchaseRepository(database)
    await purchases.complete(purchase.id, Approved("T1", "R1", "A1", None))
    await purchases.complete(purchase.id, Declined("51", "Fondos", 402))
    assert await _kinds(database, purchase) == [MovementKind.HOLD, MovementKind.SALE]
    assert (await _wallet(database)).balance == 40_000


@pytest.mark.parametrize(("charged", "resolved"), [(True, "sale"), (False, "release")])
async def test_a_pending_sale_keeps_its_hold_until_settled_once(
    database: Database, charged: bool, resolved: str
) -> None:
    await _fund(database, 500)
    purchase = await _bought(database, "5512346660")
    await PurchaseRepository(database).complete(purchase.id, Unknown("read timeout"))
    assert await _kinds(database, purchase) == [MovementKind.HOLD]
    settlements = SettlementRepository(database)
    await settlements.settle(purchase.id, approved=charged, admin_id=ADMIN, admin_name="Ana")
    await settlements.settle(purchase.id, approved=not charged, admin_id=ADMIN, admin_name="Ana")
    assert await _kinds(database, purchase) == [MovementKind.HOLD, MovementKind(resolved)]
    wallet = await _wallet(database)
    assert (wallet.balance, wallet.held) == (40_000 if charged else 50_000, 0)
