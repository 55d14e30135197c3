"""Deposits: a reseller reports one (`/deposito <amount>` then the voucher's photo, or the
photo with the amount as its caption), every admin gets a card of it with ✅ Aprobar /
❌ Rechazar, and the first decision stands.

A suspended reseller may still report a deposit: paying what they owe is how an account
comes back. A report without its photo is dropped after `PHOTO_WAIT` (by the clock job,
and by the next photo if it comes first). Approval credits the wallet in the same durable
transaction that decides the deposit (storage/deposits.py), so two admins tapping at once
credit once; the reseller is told either way, and every admin's card is brought up to
date to show who decided, each edited once.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from zoneinfo import ZoneInfo

from bot.domain.clock import utcnow
from bot.domain.deposits import (
    AlreadyDecided,
    AwaitingPhoto,
    BadAmount,
    Decided,
    Decision,
    Deposit,
    DepositStatus,
    NoAccount,
    NoPendingDeposit,
    Reported,
    Submitted,
    caption_amount,
    read_amount,
)
from bot.messenger import Messenger
from bot.usecases.people import People
from bot.views import deposits as views
from storage.deposits import DepositRepository
from storage.drafts import DraftRepository
from storage.resellers import ResellerRepository

logger = logging.getLogger(__name__)


class Deposits:
    def __init__(
        self,
        deposits: DepositRepository,
        resellers: ResellerRepository,
        drafts: DraftRepository,
        people: People,
        messenger: Messenger,
        zone: ZoneInfo,
    ) -> None:
        self._deposits = deposits
        self._resellers = resellers
        self._drafts = drafts
        self._people = people
        self._messenger = messenger
        self._zone = zone
        # Cards are edited one deposit at a time, so a card two flows bring up to date
        # at once (the decider's and a late tap's) is edited once: the messenger then
        # knows it already shows the decision.
        self._cards = asyncio.Lock()

    async def report(self, user_id: int, typed: str, lang: str) -> Reported:
        """`/deposito <amount>`: the deposit waits for its photo."""
        if await self._resellers.get(user_id) is None:
            return NoAccount.NO_ACCOUNT
        amount = read_amount(typed)
        if isinstance(amount, BadAmount):
            return amount
        deposit, replaced = await self._deposits.report(user_id, amount, lang, utcnow())
        return AwaitingPhoto(deposit, replaced=replaced)

    async def photo(self, user_id: int, file_id: str, caption: str | None, lang: str) -> Reported:
        """A photo: the voucher of the deposit waiting for it, or of the amount in its
        caption. A caption that is no amount at all is just a caption; one that is a
        wrong amount (zero, negative, too much) records nothing."""
        reseller = await self._resellers.get(user_id)
        if reseller is None:
            return NoAccount.NO_ACCOUNT
        amount = caption_amount(caption)
        if amount in (BadAmount.NOT_POSITIVE, BadAmount.TOO_MUCH):
            return BadAmount(amount)
        given = amount if isinstance(amount, int) else None
        submitted, dropped = await self._deposits.submit(user_id, file_id, given, lang, utcnow())
        if dropped is not None:
            logger.info("Deposit %s dropped: its photo came too late", dropped.id)
        if submitted is None:
            selling = await self._drafts.current(user_id) is not None
            return NoPendingDeposit(dropped, selling=selling)
        logger.info(
            "Deposit %s of %s centavos submitted by reseller %s",
            submitted.id,
            submitted.amount,
            user_id,
        )
        assert submitted.photo_file_id is not None  # noqa: S101 - submitted has its photo
        reached = 0
        for admin_id in self._people.admins:
            lang_of_admin = await self._people.language_of(admin_id)
            caption_text, markup = views.card(
                submitted, reseller.shop_name, lang_of_admin, self._zone
            )
            sent = await self._messenger.send_photo(
                admin_id, submitted.photo_file_id, caption_text, markup
            )
            if sent is not None:
                await self._deposits.add_card(submitted.id, admin_id, sent)
                reached += 1
        return Submitted(submitted, admins_reached=reached)

    async def decide(
        self, admin_id: int, admin_name: str, deposit_id: int, *, approve: bool
    ) -> Decision:
        """✅ Aprobar or ❌ Rechazar: the first decision stands, and credits once."""
        result = await self._deposits.decide(
            deposit_id, admin_id, admin_name, approve=approve, now=utcnow()
        )
        if isinstance(result, AlreadyDecided):
            await self._show_decision(result.deposit, only=admin_id)
            return result
        if not isinstance(result, Decided):
            return result
        deposit = result.deposit
        logger.info(
            "Deposit %s (%s centavos, reseller %s) %s by admin %s",
            deposit.id,
            deposit.amount,
            deposit.reseller_id,
            deposit.status.value,
            admin_id,
        )
        told = await self._messenger.tell(
            deposit.reseller_id, views.decided_notice(deposit, result.wallet)
        )
        await self._show_decision(deposit, shop=result.shop_name)
        return dataclasses.replace(result, reseller_told=told)

    async def _show_decision(
        self, deposit: Deposit, *, shop: str | None = None, only: int | None = None
    ) -> None:
        """Every admin's card (or `only` one admin's) shows who decided, without buttons."""
        if deposit.status not in (DepositStatus.APPROVED, DepositStatus.REJECTED):
            return
        if shop is None:
            reseller = await self._resellers.get(deposit.reseller_id)
            shop = reseller.shop_name if reseller is not None else str(deposit.reseller_id)
        async with self._cards:
            for admin_id, message_id in await self._deposits.cards(deposit.id):
                if only is not None and admin_id != only:
                    continue
                lang = await self._people.language_of(admin_id)
                caption, markup = views.card(deposit, shop, lang, self._zone)
                await self._messenger.recaption(admin_id, message_id, caption, markup)

    async def drop_stale(self) -> list[Deposit]:
        """Drop the reports whose photo did not come in time, and tell their resellers."""
        dropped = await self._deposits.drop_stale(utcnow())
        for deposit in dropped:
            logger.info("Deposit %s dropped: no photo in time", deposit.id)
            await self._messenger.tell(deposit.reseller_id, views.dropped_notice(deposit))
        return dropped
