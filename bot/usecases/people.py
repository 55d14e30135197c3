"""Who someone is to the bot, and the language each admin writes in.

Admins come from the settings (the root of trust); resellers from their accounts
(bot/usecases/resellers.py keeps this in step, so a role costs no lookup); a customer is
anyone who verified their number; anyone else is a stranger. What the bot tells admins unasked
(a purchase pending verification) reaches each in the language they last wrote in.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from bot.domain.customers import Customer
from bot.domain.roles import OncePerWindow, Role
from bot.i18n import DEFAULT_LANG
from storage.customers import CustomerRepository
from storage.languages import LanguageRepository


class People:
    def __init__(
        self,
        admin_ids: frozenset[int],
        customers: CustomerRepository,
        languages: LanguageRepository,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._admin_ids = admin_ids
        self._reseller_ids: set[int] = set()
        self._customers = customers
        self._languages = languages
        # Known once read or written: an admin's every update notes their language, and
        # only a change costs a write.
        self._langs: dict[int, str] = {}
        # Groups and channels the bot has told it works in private chats only. In
        # memory: it leaves them at once, so only updates already on their way follow.
        self._left: set[int] = set()
        self._strangers_told = OncePerWindow()
        self._clock = clock

    @property
    def admins(self) -> list[int]:
        return sorted(self._admin_ids)

    def resellers_are(self, user_ids: Iterable[int]) -> None:
        """Who sells besides the admins, from their accounts."""
        self._reseller_ids = set(user_ids)

    def reseller_added(self, user_id: int) -> None:
        self._reseller_ids.add(user_id)

    @property
    def staff(self) -> list[int]:
        """Admins and resellers, by id."""
        return sorted(self._admin_ids | self._reseller_ids)

    def staff_role(self, user_id: int) -> Role:
        """ADMIN or RESELLER from the settings, else STRANGER (no lookup: the hot path)."""
        if user_id in self._admin_ids:
            return Role.ADMIN
        if user_id in self._reseller_ids:
            return Role.RESELLER
        return Role.STRANGER

    async def role_of(self, user_id: int) -> Role:
        role = self.staff_role(user_id)
        if role is Role.STRANGER and await self._customers.get(user_id) is not None:
            return Role.CUSTOMER
        return role

    def first_word_outside(self, chat_id: int) -> bool:
        """Whether the bot has yet to tell a group or channel that it works in private
        chats only (it says so once, then leaves)."""
        if chat_id in self._left:
            return False
        self._left.add(chat_id)
        return True

    def first_word_to_stranger(self, user_id: int) -> bool:
        """Whether a stranger (no role, no verified number) is due an answer: once in a
        while (`STRANGER_QUIET_SECONDS`); what else they write meanwhile goes unanswered.
        A customer verifying their number is answered as usual: /mis_recargas and the
        contact they share do not ask this."""
        return self._strangers_told.first(user_id, self._clock())

    async def customer(self, user_id: int) -> Customer | None:
        return await self._customers.get(user_id)

    async def note_language(self, user_id: int, lang: str) -> None:
        """Remember the language an admin or a reseller writes in (customers and strangers
        are told nothing unasked)."""
        staff = user_id in self._admin_ids or user_id in self._reseller_ids
        if not staff or self._langs.get(user_id) == lang:
            return
        await self._languages.remember(user_id, lang)
        self._langs[user_id] = lang

    async def language_of(self, user_id: int) -> str:
        """The language `user_id` last wrote in; Spanish if they never wrote."""
        known = self._langs.get(user_id)
        if known is None:
            known = self._langs[user_id] = await self._languages.of(user_id) or DEFAULT_LANG
        return known
