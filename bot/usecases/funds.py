"""Admins move a reseller's money themselves: `/abonar` credits (cash at the counter, a
transfer seen in the bank) and `/ajustar` corrects, with its reason. Each is one durable
ledger movement naming the admin; the reseller is told with their new available balance.

An adjustment may take a prepaid balance below zero: a correction (a deposit credited
twice, say) is owed whether or not it was already spent, and the next sales are held
back by the wallet's own rule until it is covered.
"""

from __future__ import annotations

import logging

from bot.domain.funds import (
    Credited,
    FundsRefusal,
    NotAnAmount,
    NoteTooLong,
    Split,
    splits,
)
from bot.domain.wallets import (
    NOTE_MAX,
    Ambiguous,
    MovementKind,
    NoSuchReseller,
    Reseller,
    Wallet,
)
from bot.messenger import Messenger
from bot.usecases.people import People
from bot.usecases.resellers import Resellers
from bot.views import funds as views
from storage.wallets import WalletRepository

logger = logging.getLogger(__name__)

Outcome = Credited | NoSuchReseller | Ambiguous | NotAnAmount | FundsRefusal | NoteTooLong


class Funds:
    def __init__(
        self, resellers: Resellers, wallets: WalletRepository, people: People, messenger: Messenger
    ) -> None:
        self._resellers = resellers
        self._wallets = wallets
        self._people = people
        self._messenger = messenger

    async def add(self, admin_id: int, words: list[str]) -> Outcome:
        """`/abonar <reseller> <amount> [note]`."""
        return await self._book(admin_id, words, MovementKind.DEPOSIT)

    async def adjust(self, admin_id: int, words: list[str]) -> Outcome:
        """`/ajustar <reseller> <±amount> <reason>`."""
        return await self._book(admin_id, words, MovementKind.ADJUSTMENT)

    async def _book(self, admin_id: int, words: list[str], kind: MovementKind) -> Outcome:
        adjusting = kind is MovementKind.ADJUSTMENT
        found = await self._target(words, signed=adjusting)
        if not isinstance(found, tuple):
            return found
        reseller, split = found
        note = split.rest.strip() or None
        if adjusting and note is None:
            return FundsRefusal.REASON_REQUIRED
        if note is not None and len(note) > NOTE_MAX:
            return NoteTooLong(len(note))
        movement = await self._wallets.credit(
            reseller.user_id, kind, split.amount, actor_id=admin_id, note=note
        )
        logger.info(
            "Admin %s booked a %s of %s centavos for reseller %s (movement %s)",
            admin_id,
            kind.value,
            split.amount,
            reseller.user_id,
            movement.id,
        )
        wallet = Wallet(
            movement.balance_after, movement.held_after, reseller.credit_limit, reseller.account
        )
        lang = await self._people.language_of(reseller.user_id)
        notice = views.credited_notice(lang, kind, split.amount, note, wallet)
        told = await self._messenger.tell(reseller.user_id, notice)
        return Credited(kind, reseller, split.amount, note, wallet, reseller_told=told)

    async def _target(
        self, words: list[str], *, signed: bool
    ) -> tuple[Reseller, Split] | NoSuchReseller | Ambiguous | NotAnAmount | FundsRefusal:
        """The reseller the words name and the amount after the name; the longest name
        that is a reseller wins, an ambiguous one is asked about."""
        readings = splits(words, signed=signed)
        if not isinstance(readings, list):
            return readings
        for reading in readings:
            found = await self._resellers.find(reading.name)
            if isinstance(found, Reseller):
                return found, reading
            if isinstance(found, Ambiguous):
                return found
        return NoSuchReseller(readings[-1].name)
