"""Each role's command menu on Telegram: customers' commands for everyone (the default
menu), and on each admin's and reseller's private chat a menu of their own, in Spanish
and English. Set at start-up for everyone in the settings, and again for whoever sends
/start (so a menu lost or changed on Telegram's side comes back). A chat Telegram cannot
reach (someone who never started the bot) is skipped: it stops nobody else's menu."""

from __future__ import annotations

import logging
from functools import partial

from telegram import Bot, BotCommandScope, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from bot import views
from bot.backoff import until_answered
from bot.domain.roles import Role
from bot.i18n import DEFAULT_LANG
from bot.usecases.people import People

logger = logging.getLogger(__name__)

MENU_LANGS = ("es", "en")


class Menus:
    def __init__(self, bot: Bot, people: People) -> None:
        self._bot = bot
        self._people = people
        # Staff whose chat took their menu: Telegram can reach them (they started the bot).
        self._reached: set[int] = set()

    async def set_all(self) -> int:
        """The default menu, then each admin's and reseller's; how many staff menus
        could not be set (their chats are unreachable for now)."""
        await self._set(BotCommandScopeDefault(), Role.CUSTOMER, patient=True)
        missed = 0
        for user_id in self._people.staff:
            missed += not await self.set_for(user_id, patient=True)
        return missed

    async def set_for(self, user_id: int, *, patient: bool = False) -> bool:
        """The menu of `user_id`'s role on their private chat (customers and strangers
        see the default one). False if Telegram would not take it. `patient`: at
        start-up, asked again through Telegram's hiccups (bot/backoff.py)."""
        role = self._people.staff_role(user_id)
        if not role.sells:
            return True
        if not await self._set(BotCommandScopeChat(user_id), role, patient=patient):
            return False
        self._reached.add(user_id)
        return True

    def reached(self, user_id: int) -> bool:
        """Whether Telegram took `user_id`'s menu since the start: a message to them would
        be taken too (Telegram refuses both to a chat that never started the bot)."""
        return user_id in self._reached

    async def _set(self, scope: BotCommandScope, role: Role, *, patient: bool) -> bool:
        try:
            for lang in MENU_LANGS:
                set_menu = partial(
                    self._bot.set_my_commands,
                    views.menu(role, lang),
                    scope=scope,
                    language_code=None if lang == DEFAULT_LANG else lang,
                )
                await (until_answered(set_menu, "setMyCommands") if patient else set_menu())
        except TelegramError as exc:
            logger.warning("Could not set the command menu (%s): %s", scope.type, exc)
            return False
        return True
