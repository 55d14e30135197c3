"""Resellers as admins manage them: named by Telegram id or by shop name (never guessed),
added by id, listed with their money and today's sales, suspended and reactivated; and
RESELLER_IDS imported at every start, the admins told once which resellers it made
unrestricted."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from bot.domain.clock import start_of_day
from bot.domain.resellers import Added, AddRefused, ResellerPage, StatusChanged, parse_add
from bot.domain.wallets import (
    AccountKind,
    Ambiguous,
    Found,
    NoSuchReseller,
    Reseller,
    ResellerStatus,
    as_user_id,
)
from bot.messenger import Messenger
from bot.usecases.menus import Menus
from bot.usecases.people import People
from bot.views.resellers import status_notice, unrestricted_notice
from storage.reseller_list import ResellerListRepository
from storage.resellers import ResellerRepository

logger = logging.getLogger(__name__)


class Resellers:
    def __init__(
        self,
        resellers: ResellerRepository,
        listing: ResellerListRepository,
        people: People,
        messenger: Messenger,
        menus: Menus,
        zone: ZoneInfo,
    ) -> None:
        self._resellers = resellers
        self._listing = listing
        self._people = people
        self._messenger = messenger
        self._menus = menus
        self._zone = zone

    async def load(self, imported: Iterable[int]) -> list[Reseller]:
        """At start: RESELLER_IDS (less the admins) made resellers if they are not yet,
        nothing removed for an id no longer listed; then everyone who sells, and who of
        them is suspended, is known to `People`. Returns those this import added."""
        admins = set(self._people.admins)
        added = await self._resellers.import_ids(i for i in imported if i not in admins)
        for reseller in added:
            logger.info(
                "Reseller %s imported from RESELLER_IDS (%s)", reseller.user_id, reseller.account
            )
        everyone = await self._resellers.all()
        self._people.resellers_are([r.user_id for r in everyone])
        self._people.suspended_are([r.user_id for r in everyone if not r.active])
        return added

    async def all(self) -> list[Reseller]:
        """Every reseller, by shop name."""
        return await self._resellers.all()

    async def find(self, asked: str) -> Found:
        """The one reseller `asked` names: a Telegram id, a shop name (any case), or a
        part of exactly one shop name. Several matches are `Ambiguous`, none
        `NoSuchReseller`."""
        asked = " ".join(asked.split())
        user_id = as_user_id(asked)
        if user_id is not None:
            found = await self._resellers.get(user_id)
            if found is not None:
                return found
        if not asked:
            return NoSuchReseller(asked)
        matches = await self._resellers.named(asked)
        if len(matches) == 1:
            return matches[0]
        if matches:
            return Ambiguous(asked, tuple(matches))
        return NoSuchReseller(asked)

    async def add(self, admin_id: int, typed: str) -> Added | AddRefused:
        """/alta <telegram id> <shop name>: a reseller from now on, prepaid at $0; one
        already has their shop renamed. An admin's id is refused."""
        request = parse_add(typed)
        if isinstance(request, AddRefused):
            return request
        if request.user_id in self._people.admins:
            return AddRefused.ADMIN
        reseller, before = await self._resellers.add_or_rename(
            request.user_id, request.shop_name, admin_id
        )
        if before is not None:
            logger.info("Admin %s renamed reseller %s's shop", admin_id, reseller.user_id)
            return Added(reseller, before)
        logger.info("Admin %s added reseller %s", admin_id, reseller.user_id)
        self._people.reseller_added(reseller.user_id)
        await self._menus.set_for(reseller.user_id)  # if they ever opened the bot
        return Added(reseller)

    async def page(self, page: int = 0) -> ResellerPage:
        """/vendedores: a page of resellers by shop name, each with their balance and
        today's sales (the day as it runs where the business is)."""
        return await self._listing.page(page, start_of_day(self._zone))

    async def suspend(self, asked: str) -> StatusChanged | NoSuchReseller | Ambiguous:
        """From now on the reseller places nothing, not even from a summary already on
        their screen: their ✅ reads their account in its own transaction."""
        return await self._set_status(asked, ResellerStatus.SUSPENDED)

    async def resume(self, asked: str) -> StatusChanged | NoSuchReseller | Ambiguous:
        return await self._set_status(asked, ResellerStatus.ACTIVE)

    async def _set_status(
        self, asked: str, status: ResellerStatus
    ) -> StatusChanged | NoSuchReseller | Ambiguous:
        found = await self.find(asked)
        if not isinstance(found, Reseller):
            return found
        changed = await self._resellers.set_status(found.user_id, status)
        if changed is None:  # no account any more: none is ever deleted
            return NoSuchReseller(asked)
        reseller, did_change = changed
        if not did_change:
            return StatusChanged(reseller, changed=False)
        self._people.reseller_suspended(reseller.user_id, not reseller.active)
        logger.info("Reseller %s is %s", reseller.user_id, reseller.status)
        lang = await self._people.language_of(reseller.user_id)
        told = await self._messenger.tell(reseller.user_id, status_notice(lang, reseller))
        return StatusChanged(reseller, changed=True, told=told)

    async def tell_unrestricted(self, reachable: Callable[[int], bool]) -> bool:
        """At start: every admin Telegram can reach hears, once ever, which resellers the
        first import made unrestricted. Until one of them has, each start tries again."""
        untold = await self._resellers.unrestricted_untold()
        if untold is None:
            return False
        still = [r for r in untold if r.account is AccountKind.UNRESTRICTED]
        told = False
        for admin_id in self._people.admins if still else ():
            if not reachable(admin_id):
                continue
            lang = await self._people.language_of(admin_id)
            told |= await self._messenger.tell(admin_id, unrestricted_notice(lang, still))
        if told or not still:
            await self._resellers.told_unrestricted()
        return told
