"""A randomized run under Telegram's own faults, with the bot process SIGKILLed.

Each round, fresh resellers walk a top-up to its summary (no faults: the steps before ✅
move no money), then Telegram turns bad (devtools/standin/faults.py) while they tap ✅ one
to three times; in some rounds the bot is SIGKILLed in the middle of it and started again.
After the last round the faults stop and the run waits until every stored purchase is
settled and shown to its reseller. What it counts (a `Report`): the faults injected, the
kills, the purchases, the messages sent twice after a lost answer (allowed: the bot
cannot know they arrived), taps that placed nothing, button presses left unanswered.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from dataclasses import dataclass, field

from bot.domain.formatting import format_phone
from bot.domain.purchases import Purchase, Status
from tests.faults.chat import RESTART_NOTICE
from tests.faults.process import ADMIN, BotProcess
from tests.faults.sales import Sale, SaleMaker

FAULTY_SECONDS = 4.0  # how long Telegram stays bad in a round
AFTER_RESTART_SECONDS = 2.0  # and after a restart within it
SETTLE_WITHIN = 45.0  # after the faults: above the 30 s of the redelivery job
# Descriptions the stand-in gives requests the Bot API does not define (devtools/standin/spec.py).
UNDEFINED = ("has no parameter", "is required", "must be of type", "can't parse", "must be one of")


@dataclass
class Report:
    purchases: int = 0
    kills: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)  # by who got them
    taps_that_placed_nothing: int = 0
    unanswered_presses: int = 0
    faults: str = ""

    def __str__(self) -> str:
        duplicates = ", ".join(f"{who}: {n}" for who, n in sorted(self.duplicates.items()))
        return (
            f"{self.purchases} purchases, {self.kills} SIGKILLs; faults injected: {self.faults}; "
            f"messages sent twice: {sum(self.duplicates.values())} ({duplicates or 'none'}); "
            f"taps that placed nothing: {self.taps_that_placed_nothing}; "
            f"button presses unanswered: {self.unanswered_presses}"
        )


async def faulty_round(
    run: BotProcess, maker: SaleMaker, users: list[int], rng: random.Random, *, kill: bool
) -> list[Sale]:
    """One round: walk without faults, tap ✅ under them, maybe SIGKILL and restart."""
    sales = [maker.sale(user) for user in users]
    await asyncio.gather(*(sale.walk(run.chats) for sale in sales))

    async def tap(sale: Sale) -> None:
        await asyncio.sleep(rng.uniform(0, FAULTY_SECONDS * 0.6))
        sale.press_confirm(run.chats)

    run.faults.enabled = True
    tapping = asyncio.gather(*(tap(sale) for sale in sales))
    if kill:
        await asyncio.sleep(rng.uniform(0.5, FAULTY_SECONDS))
        await run.kill()
        run.faults.enabled = run.faults.at_start_up
        await run.start()
        run.faults.enabled = True
        await tapping
        await asyncio.sleep(AFTER_RESTART_SECONDS)
    else:
        await tapping
        await asyncio.sleep(FAULTY_SECONDS * 0.4)
    run.faults.enabled = False
    assert run.alive(), f"the bot died under Telegram's faults:\n{run.tail()}"
    return sales


def shown(run: BotProcess, purchase: Purchase) -> bool:
    """Whether the reseller sees the purchase's outcome: its receipt, or for one in flight
    at a kill the notice that it is pending verification."""
    phone = format_phone(purchase.phone)
    if purchase.status is Status.SENDING:
        return False
    for text in run.chats.texts(purchase.reseller_id):
        if phone in text and (
            f"Folio: {purchase.folio}" in text or text.startswith(RESTART_NOTICE)
        ):
            return True
    return False


def told(run: BotProcess, purchase: Purchase) -> bool:
    """Shown to the reseller and, when pending verification, raised to the admins."""
    if not shown(run, purchase):
        return False
    return purchase.status is not Status.PENDING or bool(
        run.chats.alerts_for(purchase.distributor_transaction_id)
    )


async def settle(run: BotProcess, sales: list[Sale]) -> list[Purchase]:
    """Once Telegram is good again: every tap handled, every purchase settled and told."""
    phones = {sale.phone for sale in sales}

    def done() -> list[Purchase] | None:
        purchases = run.purchases()
        placed = {purchase.phone for purchase in purchases}
        if placed == phones and all(told(run, p) for p in purchases):
            return purchases
        return None

    try:
        return await run.chats.until(done, within=SETTLE_WITHIN, poll=0.2)
    except TimeoutError:
        return run.purchases()  # judged by the invariants, with what is missing named


def report(run: BotProcess, sales: list[Sale], purchases: list[Purchase]) -> Report:
    """What the run did, counted from what people saw and what was stored."""
    duplicates: Counter[str] = Counter()
    seen: set[tuple[int, str]] = set()
    for event in run.chats.events:
        if event.kind != "sent" or event.message is None:
            continue
        key = (event.chat_id, event.message.text or "")
        if key in seen:
            duplicates["admins" if event.chat_id == ADMIN else "resellers"] += 1
        seen.add(key)
    placed = {purchase.phone for purchase in purchases}
    return Report(
        purchases=len(purchases),
        kills=run.kills,
        duplicates=duplicates,
        taps_that_placed_nothing=sum(sale.phone not in placed for sale in sales),
        unanswered_presses=len(run.telegram.unanswered_callback_queries()),
        faults=run.faults.summary(),
    )


def undefined_requests(run: BotProcess) -> list[tuple[str, str]]:
    """Requests the stand-in refused as the Bot API does not define them."""
    return [
        (method, reason)
        for method, _, reason in run.telegram.errors
        if any(words in reason for words in UNDEFINED)
    ]
