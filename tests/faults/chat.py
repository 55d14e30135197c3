"""The users' side of the fault suite: act in a chat, wait for what the bot shows there.

Waiting is by what a person would see (a new message, an edited one, an answered button),
never by sleeping, so the same flows work in-process, over HTTP and under load.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import Callable
from typing import TypeVar

from bot.domain.formatting import format_phone
from bot.domain.purchases import Status
from bot.i18n import CATALOGS
from devtools.standin import BotEvent, CallbackQueryRecord, ChatMessage, FakeTelegram

T = TypeVar("T")


def opening(key: str) -> str:
    """The first words of a catalog text as a person sees them (no tags, no parameters)."""
    text = re.sub(r"<[^>]+>", "", CATALOGS["es"][key])
    return text.split("\n", 1)[0].split("{", 1)[0]


RECEIPTS = {
    Status.APPROVED: opening("receipt.approved"),
    Status.DECLINED: opening("receipt.declined"),
    Status.PENDING: opening("receipt.pending"),
}
RESTART_NOTICE = opening("restart.pending")
PENDING_ALERT = opening("admin.pending_alert")


class Chats:
    """Every chat of one stand-in, watched: `until` wakes on whatever the bot does."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.telegram = telegram
        self.events: list[BotEvent] = []
        self.expired: set[str] = set()  # presses a killed process never answered
        self._changed = asyncio.Event()
        telegram.on_bot_message = self._seen

    def _seen(self, event: BotEvent) -> None:
        self.events.append(event)
        self._changed.set()
        self._changed = asyncio.Event()

    async def until(
        self, check: Callable[[], T | None], within: float = 10.0, poll: float | None = None
    ) -> T:
        """The first truthy `check()`, re-checked after each thing the bot does (and every
        `poll` seconds, for checks of things the bot does not show, such as the sandbox)."""
        async with asyncio.timeout(within):
            while True:
                changed = self._changed
                result = check()
                if result:
                    return result
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(poll):
                        await changed.wait()

    def texts(self, user_id: int) -> list[str]:
        return [message.text or "" for message in self.telegram.bot_messages(user_id)]

    async def say(self, user_id: int, text: str) -> ChatMessage:
        """The user writes `text`; returns the bot's next new message in that chat."""
        seen = len(self.telegram.bot_messages(user_id))
        self.telegram.send_text(user_id, text)
        return await self.until(lambda: self._nth_bot_message(user_id, seen))

    def _nth_bot_message(self, user_id: int, index: int) -> ChatMessage | None:
        messages = self.telegram.bot_messages(user_id)
        return messages[index] if len(messages) > index else None

    async def tap(self, user_id: int, label: str, message_id: int) -> ChatMessage:
        """Press a button; returns the message once the bot answered and changed it."""
        before = self.telegram.message(user_id, message_id)
        self.telegram.press_button(user_id, label, message_id)

        def changed() -> ChatMessage | None:
            now = self.telegram.message(user_id, message_id)
            return now if now != before and not self.unanswered(user_id) else None

        return await self.until(changed)

    def unanswered(self, user_id: int) -> bool:
        return any(q.user_id == user_id for q in self.unanswered_queries())

    def unanswered_queries(self) -> list[CallbackQueryRecord]:
        return [q for q in self.telegram.unanswered_callback_queries() if q.id not in self.expired]

    def expire_unanswered(self) -> None:
        """The process was killed: presses it had not answered are left to Telegram, whose
        progress bar stops on its own; nobody waits for them any more."""
        self.expired |= {q.id for q in self.telegram.unanswered_callback_queries()}

    async def to_confirm(
        self, user_id: int, phone: str, product: str = "📦 Paquete $50", amount: str | None = None
    ) -> ChatMessage:
        """Walk a new top-up to its summary; `amount` is typed for airtime ("📱")."""
        await self.say(user_id, "/recarga")
        menu = await self.say(user_id, phone)
        summary = await self.tap(user_id, product, menu.message_id)
        if amount is not None:
            summary = await self.say(user_id, amount)
        return summary

    def press_confirm(self, user_id: int, summary: ChatMessage, taps: int = 1) -> None:
        """Tap ✅ `taps` times before the bot sees the first (a double tap, two devices)."""
        [data] = [b.callback_data for b in summary.buttons if b.text.startswith("✅")]
        assert data is not None
        for _ in range(taps):
            self.telegram.press_raw(user_id, summary.message_id, data)

    def outcome(self, user_id: int, phone: str) -> tuple[Status, str] | None:
        """The receipt the user sees for the purchase to `phone`, if one is shown."""
        shown = format_phone(phone.replace(" ", ""))
        for text in self.texts(user_id):
            for status, opening in RECEIPTS.items():
                if text.startswith(opening) and shown in text:
                    return status, text
        return None

    async def confirm(
        self, user_id: int, summary: ChatMessage, phone: str, taps: int = 1, within: float = 10.0
    ) -> tuple[Status, str]:
        """Confirm and wait for the receipt, with every tap answered."""
        self.press_confirm(user_id, summary, taps)

        def receipt() -> tuple[Status, str] | None:
            shown = self.outcome(user_id, phone)
            return shown if shown is not None and not self.unanswered(user_id) else None

        return await self.until(receipt, within)

    def alerts_for(self, dtid: str) -> list[str]:
        """The admins' pending alerts that name this purchase."""
        return [
            event.message.text or ""
            for event in self.events
            if event.kind == "sent"
            and event.message is not None
            and (event.message.text or "").startswith(PENDING_ALERT)
            and dtid in (event.message.text or "")
        ]
