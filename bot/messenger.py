"""Showing things to people through Telegram without losing them on a refusal.

The use cases tell people things (a receipt, an alert, a notice) through a Messenger;
handlers answer the person in front of them through it too when a message is edited in
place, so both share one memory of what each message shows.

What nobody is waiting for (a notice, an alert, an outcome shown again, an older message
brought up to date) goes as BACKGROUND: Telegram's budget serves people's replies first
(bot/ratelimit.py).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass

from telegram import CallbackQuery, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ExtBot

from bot.ratelimit import Priority

logger = logging.getLogger(__name__)


_Content = tuple[str, str | None]


def _content(text: str, markup: InlineKeyboardMarkup | None) -> _Content:
    """What a message shows, comparable: its text and its buttons."""
    return text, markup.to_json() if markup is not None else None


class _LastShown:
    """What this process last put in each message, so an edit that would change nothing
    (a double tap on a page button, say) is never sent: Telegram refuses those. Updates of
    one user are handled in order, so the second tap sees the first one's edit here."""

    def __init__(self, size: int = 10_000) -> None:
        self._size = size
        self._shown: OrderedDict[tuple[int, int], _Content] = OrderedDict()

    def same(self, chat_id: int, message_id: int, shown: _Content) -> bool:
        return self._shown.get((chat_id, message_id)) == shown

    def remember(self, chat_id: int, message_id: int, shown: _Content) -> None:
        self._shown[(chat_id, message_id)] = shown
        self._shown.move_to_end((chat_id, message_id))
        if len(self._shown) > self._size:
            self._shown.popitem(last=False)

    def forget(self, chat_id: int, message_id: int) -> None:
        self._shown.pop((chat_id, message_id), None)


@dataclass(frozen=True, slots=True)
class Refused:
    """Telegram refused the message itself (400 Bad Request: too long, bad markup, no
    such chat): sending the same again can only be refused again."""

    reason: str


class Messenger:
    """Sends and edits messages for one bot; failures are logged and reported, never
    raised: whoever called keeps what it was showing, to show it again later."""

    def __init__(self, bot: ExtBot[Priority]) -> None:
        self.bot = bot
        self._shown = _LastShown()

    async def show(
        self,
        chat_id: int,
        message_id: int | None,
        text: str,
        markup: InlineKeyboardMarkup | None = None,
        *,
        waited_for: bool = True,
    ) -> int | None:
        """Edit the message in place, or send a new one when it cannot be edited.
        `waited_for=False`: nobody is waiting for it right now (it can wait its turn).

        Returns the id of the message that now shows `text`, or None if nothing could be
        shown (the caller keeps the state, so it can be shown again later).
        """
        shown = await self.deliver(chat_id, message_id, text, markup, waited_for=waited_for)
        return None if isinstance(shown, Refused) else shown

    async def deliver(
        self,
        chat_id: int,
        message_id: int | None,
        text: str,
        markup: InlineKeyboardMarkup | None = None,
        *,
        waited_for: bool = True,
    ) -> int | Refused | None:
        """As `show`, telling apart a message Telegram will never take (Refused, so that
        nobody retries it forever) from one it could not take now (None)."""
        priority = _priority(waited_for)
        if message_id is not None and await self._edit(
            chat_id, message_id, text, markup, priority
        ):
            return message_id
        try:
            sent = await self.bot.send_message(
                chat_id, text, reply_markup=markup, rate_limit_args=priority
            )
        except BadRequest as exc:
            logger.error("Telegram refused a message to chat %s: %s", chat_id, exc)
            return Refused(exc.message)
        except TelegramError as exc:
            logger.error("Could not send a message to chat %s: %s", chat_id, exc)
            return None
        self._shown.remember(chat_id, sent.message_id, _content(text, markup))
        return sent.message_id

    async def _edit(
        self,
        chat_id: int,
        message_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None,
        priority: Priority,
    ) -> bool:
        """Make the message show `text`; True once it does (already did included)."""
        shown = _content(text, markup)
        if self._shown.same(chat_id, message_id, shown):
            return True
        try:
            await self.bot.edit_message_text(
                text, chat_id, message_id, reply_markup=markup, rate_limit_args=priority
            )
        except BadRequest as exc:
            # It already shows exactly this. (PTB capitalises Telegram's description.)
            if "message is not modified" in exc.message.lower():
                return True
            logger.warning("Could not edit message %s in chat %s: %s", message_id, chat_id, exc)
            return False
        except TelegramError as exc:
            logger.warning("Could not edit message %s in chat %s: %s", message_id, chat_id, exc)
            return False
        self._shown.remember(chat_id, message_id, shown)
        return True

    async def tell(self, chat_id: int, text: str) -> bool:
        """Send a message that matters but answers nothing (alerts, notices): it waits
        for Telegram's budget behind anyone's reply."""
        try:
            await self.bot.send_message(chat_id, text, rate_limit_args=Priority.BACKGROUND)
        except Forbidden:
            logger.warning("Chat %s has not started the bot or blocked it; not sent", chat_id)
            return False
        except TelegramError as exc:
            logger.error("Could not send a notice to chat %s: %s", chat_id, exc)
            return False
        return True

    async def send_photo(
        self, chat_id: int, file_id: str, caption: str, markup: InlineKeyboardMarkup | None
    ) -> int | None:
        """Send a photo already on Telegram (its `file_id`) with a caption, as a notice
        (BACKGROUND); the message's id, or None if it could not be sent."""
        try:
            sent = await self.bot.send_photo(
                chat_id,
                file_id,
                caption=caption,
                reply_markup=markup,
                rate_limit_args=Priority.BACKGROUND,
            )
        except Forbidden:
            logger.warning("Chat %s has not started the bot or blocked it; not sent", chat_id)
            return None
        except TelegramError as exc:
            logger.error("Could not send a photo to chat %s: %s", chat_id, exc)
            return None
        self._shown.remember(chat_id, sent.message_id, _content(caption, markup))
        return sent.message_id

    async def recaption(
        self, chat_id: int, message_id: int, caption: str, markup: InlineKeyboardMarkup | None
    ) -> bool:
        """Bring a photo's caption and buttons up to date (best effort, BACKGROUND); no
        edit when this process knows it already shows them. True once it does."""
        shown = _content(caption, markup)
        if self._shown.same(chat_id, message_id, shown):
            return True
        try:
            await self.bot.edit_message_caption(
                chat_id,
                message_id,
                caption=caption,
                reply_markup=markup,
                rate_limit_args=Priority.BACKGROUND,
            )
        except BadRequest as exc:
            if "message is not modified" in exc.message.lower():
                return True
            logger.warning("Could not edit caption %s in chat %s: %s", message_id, chat_id, exc)
            return False
        except TelegramError as exc:
            logger.warning("Could not edit caption %s in chat %s: %s", message_id, chat_id, exc)
            return False
        self._shown.remember(chat_id, message_id, shown)
        return True

    async def drop_buttons(self, chat_id: int, message_id: int) -> None:
        """Take the buttons off a message that no longer leads anywhere (best effort)."""
        self._shown.forget(chat_id, message_id)
        try:
            await self.bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
        except TelegramError as exc:
            logger.info("Could not remove the buttons of message %s: %s", message_id, exc)

    async def refresh(
        self, chat_id: int, message_id: int, text: str, markup: InlineKeyboardMarkup | None
    ) -> None:
        """Bring an older message up to date in place (best effort, never a new message):
        what it said is still in the chat, and a newer message already tells the news."""
        await self._edit(chat_id, message_id, text, markup, Priority.BACKGROUND)


def _priority(waited_for: bool) -> Priority:
    return Priority.INTERACTIVE if waited_for else Priority.BACKGROUND


async def answer_quietly(query: CallbackQuery, text: str | None = None) -> None:
    """Answer a button press where the answer is a courtesy: a query that is too old
    (a replayed update, a slow restart) must not stop the work already under way."""
    try:
        await query.answer(text)
    except TelegramError as exc:
        logger.warning("Could not answer a button press: %s", exc)
