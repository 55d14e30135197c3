"""A seeded random run of 500+ purchases with faults, double taps and restarts.

Sixteen resellers sell at once to a random mix of the sandbox's magic numbers, tapping
✅ one to three times. Between rounds the bot is restarted on the same SQLite file and
sandbox: cleanly, or by a crash that cancels purchases in flight wherever they are, with
other resellers parked mid-draft. Then, purchase by purchase: charged at the sandbox ⇔
approved or pending; declined ⇒ nothing charged; no transaction id sent twice; nothing
left 'sending'; what the reseller was shown is what was stored; every pending purchase
raised to the admins. Set FAULTS_SEED to replay another run.

Then Telegram's own faults (tests/faults/telegram_faults.py): the bot as a real process,
SIGKILLed, while the Bot API stand-in answers 429s, 5xx, loses answers of requests it
applied, answers too late, fails getUpdates and goes away for seconds. A fixed set of
seeds runs always; FAULTS_TELEGRAM_SEEDS (comma-separated) adds more, and
FAULTS_TELEGRAM_AT_START_UP=1 lets the faults meet the bot's start-up too.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
from collections import Counter
from decimal import Decimal
from functools import partial
from pathlib import Path

import pytest

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.domain.formatting import format_phone
from bot.domain.purchases import RESTART_REASON, Purchase, Status
from bot.latcom.sandbox import Sandbox
from devtools.standin.faults import TelegramFaults
from tests.faults.chat import RESTART_NOTICE
from tests.faults.live import LiveBot
from tests.faults.process import bot_process
from tests.faults.sales import DECLINED_ENDINGS, HANG, Sale, SaleMaker, expected_status
from tests.faults.telegram_faults import (
    faulty_round,
    report,
    settle,
    shown,
    undefined_requests,
)
from tests.faults.wires import without_global_rate_limit

SEED = int(os.environ.get("FAULTS_SEED", "20251128"))
ROUNDS = 8
SALES_PER_ROUND = 4  # per reseller
RESELLERS = 16
BALANCE = Decimal("10000000.00")
TELEGRAM_SEEDS = [11, 20260611] + [
    int(seed) for seed in os.environ.get("FAULTS_TELEGRAM_SEEDS", "").split(",") if seed.strip()
]
TELEGRAM_ROUNDS = 4
TELEGRAM_RESELLERS = 8  # per round, fresh each round


async def sell(live: LiveBot, sales: list[Sale]) -> None:
    for sale in sales:
        await sale.finish(live.chats)


async def round_of_sales(live: LiveBot, maker: SaleMaker) -> None:
    """Every reseller sells SALES_PER_ROUND top-ups, all resellers at once."""
    await asyncio.gather(
        *(
            sell(live, [maker.sale(user) for _ in range(SALES_PER_ROUND)])
            for user in live.reseller_ids
        )
    )


async def restart_with_work_in_flight(live: LiveBot, maker: SaleMaker, *, crash: bool) -> None:
    """Restart while two purchases hang at the provider and three drafts are half done."""
    rng = random.Random(maker.made[-1].phone)
    users = rng.sample(live.reseller_ids, 5)
    hanging = [maker.sale(user, HANG) for user in users[:2]]
    parked = [maker.sale(user) for user in users[2:]]
    await asyncio.gather(*(sale.walk(live.chats) for sale in hanging))
    await asyncio.gather(*(sale.walk(live.chats, rng.randint(1, sale.steps)) for sale in parked))
    for sale in hanging:
        sale.press_confirm(live.chats)
    await live.chats.until(lambda: all(charged(live, sale) for sale in hanging), poll=0.005)
    await live.restart(crash=crash)
    for sale in hanging:
        sale.crashed = crash
        if not crash:  # a clean stop waited for the provider's timeout
            sale.shown = live.chats.outcome(sale.user_id, sale.phone)
    await asyncio.gather(*(sale.finish(live.chats) for sale in parked))
    for sale in hanging if crash else []:
        await live.chats.until(partial(restart_notice, live, sale))


def charged(live: LiveBot, sale: Sale) -> bool:
    return any(charge.phone == sale.phone for charge in live.sandbox.charges.values())


def restart_notice(live: LiveBot, sale: Sale) -> str | None:
    shown = format_phone(sale.phone)
    texts = live.chats.texts(sale.user_id)
    return next((t for t in texts if t.startswith(RESTART_NOTICE) and shown in t), None)


def check_purchase(live: LiveBot, sale: Sale, purchase: Purchase) -> None:
    """The invariants of the money path, for one purchase."""
    dtid = purchase.distributor_transaction_id
    charged = dtid in live.sandbox.charges
    assert purchase.status is not Status.SENDING
    assert charged == (purchase.status in (Status.APPROVED, Status.PENDING)), sale
    assert (purchase.status is Status.DECLINED) == (not charged), sale
    if sale.crashed:
        assert (purchase.status, purchase.pending_reason) == (Status.PENDING, RESTART_REASON)
        assert restart_notice(live, sale) is not None
    else:
        assert purchase.status is expected_status(sale.ending), sale
        assert sale.shown is not None and sale.shown[0] is purchase.status, sale
        assert f"Folio: {purchase.folio}" in sale.shown[1]
    if purchase.status is Status.DECLINED:
        assert purchase.response_code == DECLINED_ENDINGS[sale.ending]
    if purchase.status is Status.PENDING:
        assert live.chats.alerts_for(dtid), f"admins not told of {purchase.folio}"


@pytest.fixture
async def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LiveBot:
    without_global_rate_limit(monkeypatch)
    sandbox = Sandbox(
        customer_id=SANDBOX_CUSTOMER_ID,
        secret_key=SANDBOX_SECRET_KEY,
        balance=BALANCE,
        slow_seconds=0.05,
        hang_seconds=1.5,
    )
    return LiveBot(
        tmp_path, over_http=False, resellers=RESELLERS, purchase_timeout=1.0, sandbox=sandbox
    )


async def test_500_random_purchases_keep_every_invariant(live: LiveBot) -> None:
    maker = SaleMaker(random.Random(SEED))
    await live.open()
    try:
        for number in range(ROUNDS):
            await round_of_sales(live, maker)
            await restart_with_work_in_flight(live, maker, crash=number % 2 == 1)
        await live.wait_until_quiet()
        purchases = {purchase.phone: purchase for purchase in await live.purchases()}
    finally:
        await live.close()

    assert len(maker.made) >= 500
    assert sorted(purchases) == sorted(sale.phone for sale in maker.made), "one per sale"
    for sale in maker.made:
        check_purchase(live, sale, purchases[sale.phone])
    sandbox = live.sandbox
    assert sandbox.duplicate_transaction_ids == []
    assert len(sandbox.received) == len(set(sandbox.received))
    assert set(sandbox.charges) <= {p.distributor_transaction_id for p in purchases.values()}
    assert BALANCE - sandbox.balance == sum(charge.amount for charge in sandbox.charges.values())
    assert live.telegram.unanswered_callback_queries() == []
    assert live.refusals() == []
    assert {sale.taps for sale in maker.made} == {1, 2, 3}
    assert sum(sale.crashed for sale in maker.made) >= 6


@pytest.mark.parametrize("seed", TELEGRAM_SEEDS)
async def test_telegram_faults_and_sigkills_keep_every_invariant(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    faults = TelegramFaults(
        random.Random(rng.random()),
        at_start_up=os.environ.get("FAULTS_TELEGRAM_AT_START_UP") == "1",
    )
    rounds = [
        list(range(1000 * (number + 1), 1000 * (number + 1) + TELEGRAM_RESELLERS))
        for number in range(TELEGRAM_ROUNDS)
    ]
    sandbox = Sandbox(
        customer_id=SANDBOX_CUSTOMER_ID,
        secret_key=SANDBOX_SECRET_KEY,
        balance=BALANCE,
        slow_seconds=0.05,
        hang_seconds=1.5,
    )
    maker = SaleMaker(random.Random(rng.random()))
    async with bot_process(
        tmp_path, faults, [user for users in rounds for user in users], sandbox
    ) as run:
        await run.start()
        await run.chats.say(1, "/start")  # the admin
        sales = []
        for number, users in enumerate(rounds):
            sales += await faulty_round(run, maker, users, rng, kill=number % 2 == 0)
        purchases = await settle(run, sales)
        alive_at_the_end = run.alive()
        outcome = report(run, sales, purchases)
        undefined = undefined_requests(run)
        await run.stop()
    print(f"Telegram faults, seed {seed}: {outcome}")

    assert alive_at_the_end, "the process never dies but for the kills"
    assert run.exits == [-signal.SIGKILL] * run.kills + [0]
    assert run.kills == TELEGRAM_ROUNDS // 2
    by_phone = Counter(purchase.phone for purchase in purchases)
    assert [phone for phone, count in by_phone.items() if count > 1] == [], "placed twice"
    assert sandbox.duplicate_transaction_ids == []
    assert len(sandbox.received) == len(set(sandbox.received))
    unseen = [p.folio for p in purchases if not shown(run, p)]
    assert unseen == [], "every confirmed purchase's outcome reaches the reseller"
    for purchase in purchases:
        if purchase.status is Status.PENDING:
            assert run.chats.alerts_for(purchase.distributor_transaction_id), purchase.folio
    assert undefined == []
    assert sum(faults.injected.values()) > 0
