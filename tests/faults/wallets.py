"""Resellers' wallets in the fault suite: accounts seeded before the bot first starts,
deposits booked while it is down, and the ledger's invariants read from its SQLite file
afterwards, as an auditor would.

`check_ledger` holds the money rules of issue 14 whatever happened on the way: for every
reseller the balance is the ledger's sum and the holds the sum of `held`, each row's
running sums follow from the one before, a prepaid account was never below minus its
credit limit at any hold; every sale of a reseller has one hold of its cost, at most one
debit and never a debit and a release; approved ⇒ debited, declined ⇒ released, still
pending ⇒ still held.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bot.domain.catalog import get_product
from bot.domain.clock import utcnow
from bot.domain.wallets import (
    AccountKind,
    Commission,
    JoinedHow,
    MovementKind,
    commission_on,
    format_centavos,
)
from storage.db import Database
from storage.resellers import ResellerRepository
from storage.wallets import WalletRepository
from tests.faults.chat import Chats, opening

ADMIN = 1
SHORT = opening("wallet.short")  # "💳 Saldo insuficiente; no se envió nada."
_SHORT_SUMS = re.compile(r"cuesta (\$[\d,.]+)\.\nDisponible: (-?\$[\d,.]+)")


@dataclass(frozen=True)
class Account:
    """A reseller as seeded: their account, credit limit and deposits, in centavos."""

    user_id: int
    account: AccountKind = AccountKind.PREPAID
    credit_limit: int = 0
    deposits: tuple[int, ...] = ()
    airtime_bp: int | None = None  # an override of the default commission

    @property
    def prepaid(self) -> bool:
        return self.account is AccountKind.PREPAID


async def seed(path: Path, accounts: list[Account], default: Commission) -> None:
    """Before the bot's first start: the accounts, their deposits and the default
    commission (the commands that set them are not the fault suite's business)."""
    database = await Database.open(path)
    try:
        resellers, wallets = ResellerRepository(database), WalletRepository(database)
        for account in accounts:
            added = await resellers.add(
                account.user_id,
                f"Tienda {account.user_id}",
                JoinedHow.ADMIN,
                added_by=ADMIN,
                account=account.account,
            )
            assert added is not None
            await database.write(partial(_limits, account))
            for centavos in account.deposits:
                await wallets.credit(
                    account.user_id, MovementKind.DEPOSIT, centavos, actor_id=ADMIN
                )
        now = utcnow().isoformat()
        await database.write(
            lambda conn: conn.executemany(
                "INSERT INTO commission_defaults (kind, basis_points, set_by, set_at) "
                "VALUES (?, ?, ?, ?)",
                [
                    ("airtime", default.airtime_bp, ADMIN, now),
                    ("package", default.package_bp, ADMIN, now),
                ],
            )
        )
    finally:
        await database.close()


def _limits(account: Account, conn: sqlite3.Connection) -> None:
    conn.execute(
        "UPDATE resellers SET credit_limit = ?, airtime_bp = ? WHERE user_id = ?",
        (account.credit_limit, account.airtime_bp, account.user_id),
    )


async def deposit(path: Path, credits: dict[int, int]) -> None:
    """Deposits approved while the bot is down (user id → centavos)."""
    database = await Database.open(path)
    try:
        wallets = WalletRepository(database)
        for user_id, centavos in credits.items():
            await wallets.credit(user_id, MovementKind.DEPOSIT, centavos, actor_id=ADMIN)
    finally:
        await database.close()


def refusals_for_funds(chats: Chats, user_id: int) -> list[tuple[int, int]]:
    """(cost, available) of every "Saldo insuficiente" the reseller was sent, in order."""
    found = (short_of_funds(text) for text in chats.texts(user_id))
    return [sums for sums in found if sums is not None]


def short_of_funds(text: str) -> tuple[int, int] | None:
    """(cost, available) in centavos from a "Saldo insuficiente" message, else None."""
    if not text.startswith(SHORT):
        return None
    found = _SHORT_SUMS.search(re.sub(r"<[^>]+>", "", text))
    assert found is not None, text
    cost, available = (_centavos(shown) for shown in found.groups())
    return cost, available


def _centavos(shown: str) -> int:
    sign = -1 if shown.startswith("-") else 1
    pesos, cents = shown.lstrip("-$").replace(",", "").split(".")
    centavos = sign * (int(pesos) * 100 + int(cents))
    assert format_centavos(centavos) == shown
    return centavos


@dataclass
class LedgerReport:
    """What the ledger holds at the end, counted."""

    balances: dict[int, int] = field(default_factory=dict)  # reseller → centavos
    held: dict[int, int] = field(default_factory=dict)
    debits: Counter[int] = field(default_factory=Counter)  # reseller → approved sales
    releases: int = 0
    still_held: int = 0  # purchases pending verification, their hold kept

    def __str__(self) -> str:
        return (
            f"{sum(self.debits.values())} debits, {self.releases} releases, "
            f"{self.still_held} holds kept for pending sales"
        )


def check_ledger(path: Path) -> LedgerReport:
    """Assert every money rule over the whole file; return what it counted."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        resellers = {row["user_id"]: row for row in conn.execute("SELECT * FROM resellers")}
        defaults = dict(conn.execute("SELECT kind, basis_points FROM commission_defaults"))
        ledger = conn.execute("SELECT * FROM ledger ORDER BY id").fetchall()
        purchases = conn.execute("SELECT * FROM purchases ORDER BY id").fetchall()
    report = LedgerReport()
    for user_id, reseller in resellers.items():
        _check_chain(reseller, [row for row in ledger if row["reseller_id"] == user_id], report)
    by_purchase: defaultdict[int, list[sqlite3.Row]] = defaultdict(list)
    for row in ledger:
        if row["purchase_id"] is not None:
            by_purchase[row["purchase_id"]].append(row)
    for purchase in purchases:
        movements = by_purchase.pop(purchase["id"], [])
        reseller = resellers.get(purchase["reseller_id"])
        if reseller is None:  # an admin's own sale moves no wallet
            assert movements == [], f"purchase {purchase['id']} of no reseller moved money"
            continue
        _check_purchase(purchase, reseller, defaults, movements, report)
    assert by_purchase == {}, "movements for purchases that do not exist"
    return report


def _check_chain(reseller: sqlite3.Row, rows: list[sqlite3.Row], report: LedgerReport) -> None:
    user_id, prepaid = reseller["user_id"], reseller["account"] == AccountKind.PREPAID.value
    balance = held = 0
    for row in rows:
        balance, held = balance + row["amount"], held + row["held"]
        assert (row["balance_after"], row["held_after"]) == (balance, held), (user_id, row["id"])
        if prepaid and row["kind"] == MovementKind.HOLD.value:
            available = row["balance_after"] + reseller["credit_limit"] - row["held_after"]
            assert available >= 0, f"reseller {user_id} overspent at movement {row['id']}"
    assert balance == sum(row["amount"] for row in rows)
    assert held == sum(row["held"] for row in rows) >= 0
    report.balances[user_id], report.held[user_id] = balance, held


def _check_purchase(
    purchase: sqlite3.Row,
    reseller: sqlite3.Row,
    defaults: dict[str, int],
    movements: list[sqlite3.Row],
    report: LedgerReport,
) -> None:
    name = f"purchase {purchase['id']} ({purchase['status']})"
    kinds = Counter(MovementKind(row["kind"]) for row in movements)
    product = get_product(purchase["product_id"])
    assert product is not None
    override = reseller["package_bp" if product.kind == "package" else "airtime_bp"]
    rate = defaults.get(product.kind, 0) if override is None else override  # as storage reads it
    face = purchase["amount"] * 100
    assert (purchase["cost"], purchase["commission"]) == (
        face - commission_on(face, rate),
        commission_on(face, rate),
    ), name
    cost = purchase["cost"]
    assert cost > 0, name
    assert kinds[MovementKind.HOLD] == 1, f"{name}: {kinds}"
    assert all(row["reseller_id"] == purchase["reseller_id"] for row in movements), name
    [hold] = [row for row in movements if row["kind"] == MovementKind.HOLD.value]
    assert hold["held"] == cost, name
    assert kinds[MovementKind.SALE] <= 1 and kinds[MovementKind.RELEASE] <= 1, f"{name}: {kinds}"
    assert not (kinds[MovementKind.SALE] and kinds[MovementKind.RELEASE]), f"{name}: {kinds}"
    assert set(kinds) <= {MovementKind.HOLD, MovementKind.SALE, MovementKind.RELEASE}, name
    for row in movements:
        assert row["id"] >= hold["id"], f"{name}: resolved before it was held"
        if row["kind"] != MovementKind.HOLD.value:
            assert row["held"] == -cost, name
    expected = {
        "approved": MovementKind.SALE,
        "declined": MovementKind.RELEASE,
    }.get(purchase["status"])
    if expected is None:  # pending verification (or in flight): the hold stays
        assert kinds == Counter({MovementKind.HOLD: 1}), f"{name}: {kinds}"
        report.still_held += 1
    else:
        assert kinds[expected] == 1, f"{name} lacks its {expected}: {kinds}"
    if expected is MovementKind.SALE:
        report.debits[purchase["reseller_id"]] += 1
    elif expected is MovementKind.RELEASE:
        report.releases += 1
