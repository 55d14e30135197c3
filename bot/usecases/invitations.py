"""Invitations to sell: an admin's /alta makes a one-time link; whoever opens it (no
admin, no reseller) is asked their shop's name, and their answer makes them a reseller,
prepaid at $0, with their menu, while every admin hears who joined.

The question lives in storage (storage/invitations.py), so a restart between the link
and the answer loses nothing.
"""

from __future__ import annotations

import logging

from bot.domain.clock import utcnow
from bot.domain.invitations import (
    Answer,
    Invitation,
    Joined,
    NotJoined,
    Opened,
    new_payload,
    token_hash,
)
from bot.domain.roles import Role
from bot.domain.sharing import deep_link
from bot.domain.wallets import clean_shop_name
from bot.messenger import Messenger
from bot.usecases.menus import Menus
from bot.usecases.people import People
from bot.views.invitations import joined_notice
from storage.invitations import InvitationRepository

logger = logging.getLogger(__name__)


class Invitations:
    def __init__(
        self,
        invitations: InvitationRepository,
        people: People,
        menus: Menus,
        messenger: Messenger,
    ) -> None:
        self._invitations = invitations
        self._people = people
        self._menus = menus
        self._messenger = messenger

    async def invite(self, admin_id: int, bot_username: str) -> Invitation:
        """A new link, good once within 24 hours; only its token's hash is kept."""
        payload = new_payload()
        expires = await self._invitations.create(token_hash(payload), admin_id, utcnow())
        logger.info("Admin %s made an invitation (expires %s)", admin_id, expires.isoformat())
        return Invitation(deep_link(bot_username, payload), expires)

    async def open(self, user_id: int, payload: str) -> Opened:
        """Someone opened an invitation's link: an admin or a reseller is told they are
        one already (the link stays unused); anyone else has it, if it is still good."""
        role = self._people.staff_role(user_id)
        if role is Role.ADMIN:
            return Opened.ALREADY_ADMIN
        if role is Role.RESELLER:
            return Opened.ALREADY_RESELLER
        opened = await self._invitations.open(token_hash(payload), user_id, utcnow())
        if opened is Opened.ASK_SHOP_NAME:
            logger.info("User %s opened an invitation", user_id)
        return opened

    async def answer(self, user_id: int, name: str, text: str) -> Answer:
        """Text from someone with no role: their shop's name, if they were asked it."""
        if self._people.staff_role(user_id) is not Role.STRANGER:
            return NotJoined.NOT_ASKED
        if not await self._invitations.asked(user_id):
            return NotJoined.NOT_ASKED
        shop_name = clean_shop_name(text)
        if shop_name is None:
            return NotJoined.BAD_SHOP_NAME
        joined = await self._invitations.join(user_id, shop_name, utcnow())
        if joined is None:
            return NotJoined.NOT_ASKED
        logger.info("User %s joined as a reseller (invited by %s)", user_id, joined.invited_by)
        self._people.reseller_added(user_id)
        await self._menus.set_for(user_id)
        await self._tell_admins(joined, name)
        return joined

    async def _tell_admins(self, joined: Joined, name: str) -> None:
        for admin_id in self._people.admins:
            lang = await self._people.language_of(admin_id)
            await self._messenger.tell(admin_id, joined_notice(lang, joined, name, admin_id))
