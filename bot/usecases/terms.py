"""Admins set what a reseller's account allows: /credito, /comision, /limite.

The reseller hears of each change to their own terms, in their language; a change of the
default commission reaches nobody unasked (it is visible in each reseller's /saldo).
"""

from __future__ import annotations

import logging

from bot import views
from bot.domain.terms import (
    Changed,
    DefaultChanged,
    Overview,
    parse_commission,
    parse_credit,
    parse_limits,
)
from bot.domain.wallets import Ambiguous, NoSuchReseller, Reseller
from bot.messenger import Messenger
from bot.usecases.people import People
from bot.usecases.resellers import Resellers
from storage.terms import TermsRepository
from storage.wallets import WalletRepository

logger = logging.getLogger(__name__)


Outcome = Changed | DefaultChanged | NoSuchReseller | Ambiguous


class Terms:
    def __init__(
        self,
        terms: TermsRepository,
        resellers: Resellers,
        wallets: WalletRepository,
        people: People,
        messenger: Messenger,
    ) -> None:
        self._terms = terms
        self._resellers = resellers
        self._wallets = wallets
        self._people = people
        self._messenger = messenger

    async def set_credit(self, admin_id: int, typed: str) -> Outcome:
        """`<reseller> <amount>` | `<reseller> sin límite` (DomainError if malformed)."""
        asked, credit = parse_credit(typed)
        found = await self._resellers.find(asked)
        if not isinstance(found, Reseller):
            return found
        changed = await self._terms.set_credit(found.user_id, credit.account, credit.limit)
        return await self._changed(admin_id, "credit", changed or found)

    async def set_commission(self, admin_id: int, typed: str) -> Outcome:
        """`<reseller|todos> <airtime %> <packages %>` | `<reseller> normal`."""
        asked, commission = parse_commission(typed)
        if asked is None and commission is not None:
            await self._terms.set_default_commission(commission, admin_id)
            logger.info("Admin %s set the default commission to %s", admin_id, commission)
            return DefaultChanged(commission)
        found = await self._resellers.find(asked or "")
        if not isinstance(found, Reseller):
            return found
        rates = (None, None) if commission is None else commission.as_pair()
        changed = await self._terms.set_commission(found.user_id, *rates)
        return await self._changed(admin_id, "commission", changed or found)

    async def set_limits(self, admin_id: int, typed: str) -> Outcome:
        """`<reseller> <per sale> <per day>` (`-` for none)."""
        asked, limits = parse_limits(typed)
        found = await self._resellers.find(asked)
        if not isinstance(found, Reseller):
            return found
        changed = await self._terms.set_limits(found.user_id, limits.per_sale, limits.per_day)
        return await self._changed(admin_id, "limits", changed or found)

    async def overview(self) -> Overview:
        default = await self._wallets.default_commission()
        own = [
            reseller
            for reseller in await self._resellers.all()
            if reseller.airtime_bp is not None or reseller.package_bp is not None
        ]
        return Overview(default, own)

    async def _changed(self, admin_id: int, what: str, reseller: Reseller) -> Changed:
        logger.info(
            "Admin %s changed the %s terms of reseller %s", admin_id, what, reseller.user_id
        )
        default = await self._wallets.default_commission()
        wallet = await self._wallets.wallet(reseller.user_id)
        lang = await self._people.language_of(reseller.user_id)
        notice = views.terms_notice(lang, what, reseller, default, wallet)
        await self._messenger.tell(reseller.user_id, notice)
        return Changed(reseller, default)
