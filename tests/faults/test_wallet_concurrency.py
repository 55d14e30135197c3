"""Twenty prepaid resellers selling at once down to a zero balance, over real sockets.

Each is funded for exactly FUNDED sales and walks FUNDED + EXTRA top-ups as fast as the
bot answers, double-tapping ✅ and never waiting for a receipt, while the provider takes
its time: sales still in flight hold their cost, so the next ✅ sees less available. None
overspends; each sells exactly what their funds cover; every refused ✅ places nothing,
sends nothing to the provider, and tells the reseller the cost and their available $0.00.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections import Counter
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.domain.purchases import Status
from bot.domain.wallets import Commission
from bot.latcom.sandbox import Sandbox
from devtools.standin import ChatMessage
from tests.faults.live import LiveBot, MakeLive
from tests.faults.wallets import Account, check_ledger, refusals_for_funds, seed
from tests.faults.wires import without_global_rate_limit

RESELLERS = 20
FUNDED = 4  # sales each reseller's deposit covers
EXTRA = 2  # sales each tries beyond them
PACKAGE = "📦 Paquete $50"
COMMISSION = Commission(airtime_bp=300, package_bp=500)
COST = 5_000 - 250  # centavos: $50.00 less 5 %
PROVIDER_SECONDS = 0.4


def shorts(live: LiveBot, user_id: int) -> list[tuple[int, int]]:
    return refusals_for_funds(live.chats, user_id)


async def to_confirm(live: LiveBot, user_id: int, phone: str) -> ChatMessage:
    """Walk a top-up to its summary. Unlike `Chats.to_confirm`, the product's button is
    not waited on until every earlier ✅ of the reseller is answered: that one is answered
    only when its receipt shows."""
    await live.chats.say(user_id, "/recarga")
    menu = await live.chats.say(user_id, phone)
    live.telegram.press_button(user_id, PACKAGE, menu.message_id)

    def summary() -> ChatMessage | None:
        now = live.telegram.message(user_id, menu.message_id)
        return now if now != menu else None

    return await live.chats.until(summary)


async def sell_past_the_funds(live: LiveBot, db: sqlite3.Connection, user_id: int) -> None:
    """FUNDED + EXTRA sales, each ✅ tapped twice, the next begun as soon as the bot has
    handled the taps (placed, or refused twice), not when the receipt shows."""
    for number in range(FUNDED + EXTRA):
        phone = f"55{user_id:04d}{number:02d}66"
        summary = await to_confirm(live, user_id, phone)
        refused = len(shorts(live, user_id))
        live.chats.press_confirm(user_id, summary, taps=2)

        def handled(phone: str = phone, refused: int = refused) -> bool:
            placed = db.execute("SELECT 1 FROM purchases WHERE phone = ?", (phone,)).fetchone()
            return placed is not None or len(shorts(live, user_id)) == refused + 2

        await live.chats.until(handled, poll=0.01)


async def test_twenty_resellers_sell_at_once_down_to_zero_and_none_overspends(
    make_live: MakeLive, monkeypatch: pytest.MonkeyPatch
) -> None:
    without_global_rate_limit(monkeypatch)
    sandbox = Sandbox(
        customer_id=SANDBOX_CUSTOMER_ID,
        secret_key=SANDBOX_SECRET_KEY,
        balance=Decimal("1000000.00"),
        latency_seconds=PROVIDER_SECONDS,
    )
    users = list(range(100, 100 + RESELLERS))
    accounts = [Account(user, deposits=(FUNDED * COST,)) for user in users]

    async def prepare(path: Path) -> None:
        await seed(path, accounts, COMMISSION)

    live = await make_live(prepare, resellers=RESELLERS, sandbox=sandbox, purchase_timeout=10.0)
    with closing(sqlite3.connect(f"file:{live.database_path}?mode=ro", uri=True)) as db:
        await asyncio.gather(*(sell_past_the_funds(live, db, user) for user in users))
    await live.wait_until_quiet()
    purchases = await live.purchases()
    await live.stop()

    ledger = check_ledger(live.database_path)
    for user in users:
        sold = [p for p in purchases if p.reseller_id == user]
        assert [p.status for p in sold] == [Status.APPROVED] * FUNDED, user
        assert ledger.debits[user] == FUNDED
        assert (ledger.balances[user], ledger.held[user]) == (0, 0)
        # Every refused ✅ said what the sale costs and that nothing is available.
        assert shorts(live, user) == [(COST, 0)] * (EXTRA * 2), user
        for number in range(FUNDED):
            assert live.chats.outcome(user, f"55{user:04d}{number:02d}66") is not None
    placed = {p.phone for p in purchases}
    refused = {f"55{u:04d}{n:02d}66" for u in users for n in range(FUNDED, FUNDED + EXTRA)}
    assert placed.isdisjoint(refused)
    assert {c.phone for c in sandbox.charges.values()} == placed, "refused ✅ sent nothing"
    assert sorted(sandbox.received) == sorted(p.distributor_transaction_id for p in purchases)
    # The race was run: sales of one reseller were in flight together, holding at once.
    peaks = peak_holds(live.database_path)
    assert Counter(peak >= 2 * COST for peak in peaks.values())[True] >= RESELLERS // 2, peaks


def peak_holds(path: Path) -> dict[int, int]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        found = db.execute("SELECT reseller_id, max(held_after) FROM ledger GROUP BY reseller_id")
        return {int(user): int(peak) for user, peak in found}
