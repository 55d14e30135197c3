"""A deposit approved while the reseller's ✅ is in flight: the hold, the credit and the
sale's debit all land, and the balance is the ledger's sum."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.domain.deposits import DepositStatus
from bot.domain.drafts import Step
from bot.domain.purchases import Status
from bot.domain.wallets import MovementKind
from bot.latcom.sandbox import Sandbox
from bot.latcom.sandbox_wire import SandboxReply
from tests.e2e.depositing import PREPAID, add_prepaid, deposits, ledger, reported, wallet
from tests.harness import ADMIN, Harness, make_settings, refusals, text_of


class GatedSandbox(Sandbox):
    """The provider holds every purchase until the test opens the gate."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gate = asyncio.Event()

    async def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> SandboxReply | None:
        if target.rstrip("/").endswith("product_purchase"):
            await self.gate.wait()
        return await super().handle(method, target, headers, body)


@pytest.fixture
async def slow_provider(tmp_path: Path) -> AsyncIterator[Harness]:
    sandbox = GatedSandbox(customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY)
    # The client waits for the provider as long as the test holds it.
    harness = Harness(make_settings(tmp_path, purchase_timeout_seconds=30), sandbox=sandbox)
    await harness.start()
    yield harness
    sandbox.gate.set()
    await harness.stop()
    assert refusals(harness.telegram) == []
    assert harness.telegram.unanswered_callback_queries() == []


async def until(check: Callable[[], Awaitable[bool]]) -> None:
    """Wait (a few seconds at most) until the bot has got that far."""
    async with asyncio.timeout(5):
        while not await check():  # noqa: ASYNC110 - polls storage
            await asyncio.sleep(0.01)


async def test_a_deposit_approved_while_a_sale_is_in_flight(slow_provider: Harness) -> None:
    bot = slow_provider
    assert isinstance(bot.sandbox, GatedSandbox)
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot)
    await bot.say(ADMIN, "/abonar 6 150")
    [card] = await reported(bot, "500")
    summary = await bot.reach(PREPAID, Step.CONFIRM, amount="100")

    bot.telegram.press_button(PREPAID, "✅", summary.message_id)

    async def held() -> bool:
        return [m.kind for m in await ledger(bot)][-1:] == [MovementKind.HOLD]

    await until(held)
    bot.telegram.press_button(ADMIN, "✅ Aprobar", card.message_id)

    async def approved() -> bool:
        return [d.status for d in await deposits(bot)] == [DepositStatus.APPROVED]

    await until(approved)
    [purchase] = await bot.purchases()
    assert purchase.status is Status.SENDING  # still with the provider
    bot.sandbox.gate.set()
    await bot.wait_until_quiet()

    movements = await ledger(bot)
    assert [(m.kind, m.amount, m.held) for m in movements] == [
        (MovementKind.DEPOSIT, 15_000, 0),  # /abonar
        (MovementKind.HOLD, 0, 10_000),  # ✅
        (MovementKind.DEPOSIT, 50_000, 0),  # the approval, mid-sale
        (MovementKind.SALE, -10_000, -10_000),  # the provider approved
    ]
    now = await wallet(bot)
    assert (now.balance, now.held, now.available) == (55_000, 0, 55_000)
    assert now.balance == sum(m.amount for m in movements) == movements[-1].balance_after
    # The reseller's news of the approval counted the sale still held.
    approval = [m for m in bot.telegram.bot_messages(PREPAID) if "fue aprobado" in text_of(m)]
    assert text_of(approval[-1]).endswith("Disponible: $550.00")
    [done] = await bot.purchases()
    assert done.status is Status.APPROVED
