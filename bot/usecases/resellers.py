"""Resellers as admins name them: by Telegram id or by shop name, never guessed."""

from __future__ import annotations

from bot.domain.wallets import Ambiguous, Found, NoSuchReseller, as_user_id
from storage.resellers import ResellerRepository


class Resellers:
    def __init__(self, resellers: ResellerRepository) -> None:
        self._resellers = resellers

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
