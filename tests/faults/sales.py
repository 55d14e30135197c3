"""Random sales for the randomized run: who sells what, to which magic number, how many taps.

A `Sale` is one reseller's whole top-up, walked step by step so a run can stop in the
middle of one (a parked draft) and go on after a restart.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bot.domain.purchases import Status
from bot.latcom.sandbox import DECLINE_ENDINGS, FAULT_ENDINGS
from devtools.standin import ChatMessage
from tests.faults.chat import Chats
from tests.faults.wallets import refusals_for_funds

DECLINED_ENDINGS = {**DECLINE_ENDINGS, "9951": "51"}
UNKNOWN_ENDINGS = [ending for ending in FAULT_ENDINGS if ending != "9971"]
HANG = "9971"
# ending -> weight; "6660" stands for every ordinary, approved number.
ENDING_WEIGHTS = {"6660": 62, "9970": 4, "9975": 5, HANG: 3}
ENDING_WEIGHTS |= dict.fromkeys(DECLINED_ENDINGS, 2) | dict.fromkeys(UNKNOWN_ENDINGS, 3)
PACKAGES = ["📦 Paquete $30", "📦 Paquete $50", "📦 Paquete $110", "📦 Paquete $420"]
AIRTIME = "📱"


def expected_status(ending: str) -> Status:
    """What the contract says a purchase to this ending must end as."""
    if ending in DECLINED_ENDINGS:
        return Status.DECLINED
    if ending in UNKNOWN_ENDINGS or ending == HANG:
        return Status.PENDING
    return Status.APPROVED


@dataclass
class Sale:
    """One whole top-up by one reseller; the phone number is unique to the sale."""

    user_id: int
    phone: str
    product: str
    amount: str | None
    taps: int
    crashed: bool = False  # in flight when the bot was crashed
    steps_done: int = 0
    shown: tuple[Status, str] | None = None
    refused: tuple[int, int] | None = None  # (cost, available): the wallet was short
    _screen: ChatMessage | None = field(default=None, repr=False)

    @property
    def ending(self) -> str:
        return self.phone[-4:]

    @property
    def face(self) -> int:
        """What the customer pays, in pesos."""
        return int(self.amount if self.amount is not None else self.product.rsplit("$", 1)[1])

    @property
    def steps(self) -> int:
        """Steps before the confirm tap: /recarga, phone, product, and the amount if any."""
        return 3 if self.amount is None else 4

    async def walk(self, chats: Chats, upto: int | None = None) -> None:
        """Take the next steps, up to step `upto` (all the steps before ✅ by default)."""
        target = self.steps if upto is None else upto
        while self.steps_done < target:
            step = self.steps_done
            if step == 0:
                await chats.say(self.user_id, "/recarga")
            elif step == 1:
                self._screen = await chats.say(self.user_id, self.phone)
            elif step == 2:
                assert self._screen is not None
                self._screen = await chats.tap(self.user_id, self.product, self._screen.message_id)
            else:
                assert self.amount is not None
                self._screen = await chats.say(self.user_id, self.amount)
            self.steps_done += 1

    def press_confirm(self, chats: Chats) -> None:
        assert self._screen is not None and self.steps_done == self.steps
        chats.press_confirm(self.user_id, self._screen, self.taps)

    async def finish(self, chats: Chats) -> None:
        """Walk the rest of the way, confirm with `taps` taps, wait for the receipt, or
        for a prepaid wallet short of the cost, for each tap's "Saldo insuficiente"."""
        await self.walk(chats)
        assert self._screen is not None
        before = len(refusals_for_funds(chats, self.user_id))
        self.press_confirm(chats)

        def receipt() -> tuple[Status, str] | None:
            return (
                None if chats.unanswered(self.user_id) else chats.outcome(self.user_id, self.phone)
            )

        def refused() -> tuple[int, int] | None:
            found = refusals_for_funds(chats, self.user_id)[before:]
            done = len(found) == self.taps and not chats.unanswered(self.user_id)
            return found[0] if done else None

        await chats.until(lambda: receipt() or refused(), within=15)
        self.shown, self.refused = receipt(), refused()
        assert (self.shown is None) != (self.refused is None), self


class SaleMaker:
    """Seeded sales with unique phone numbers (the duplicate guard never applies)."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._serial = 0
        self.made: list[Sale] = []

    def sale(self, user_id: int, ending: str | None = None) -> Sale:
        rng = self._rng
        if ending is None:
            ending = rng.choices(list(ENDING_WEIGHTS), weights=list(ENDING_WEIGHTS.values()))[0]
        self._serial += 1
        airtime = rng.random() < 0.4
        sale = Sale(
            user_id=user_id,
            phone=f"55{self._serial:04d}{ending}",
            product=AIRTIME if airtime else rng.choice(PACKAGES),
            amount=str(rng.randint(10, 500)) if airtime else None,
            taps=rng.choice([1, 1, 2, 3]),
        )
        self.made.append(sale)
        return sale
