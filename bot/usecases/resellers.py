"""Resellers as admins name them: by Telegram id or by shop name, never guessed."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from bot.domain.wallets import Ambiguous, Found, NoSuchReseller, Reseller, as_user_id
from bot.usecases.people import People
from storage.resellers import ResellerRepository

logger = logging.getLogger(__name__)


class Resellers:
    def __init__(self, resellers: ResellerRepository, people: People) -> None:
        self._resellers = resellers
        self._people = people

    async def load(self, imported: Iterable[int]) -> list[Reseller]:
        """At start: RESELLER_IDS (less the admins) made resellers if they are not yet,
        nothing removed for an id no longer listed; then everyone who sells is known to
        `People`. Returns those this import added."""
        admins = set(self._people.admins)
        added = await self._resellers.import_ids(i for i in imported if i not in admins)
        for reseller in added:
            logger.info(
                "Reseller %s imported from RESELLER_IDS (%s)", reseller.user_id, reseller.account
            )
        self._people.resellers_are([r.user_id for r in await self._resellers.all()])
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
