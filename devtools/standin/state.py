"""What the stand-in remembers between requests: chats, their messages, button presses.

Also the rules every bot request shares: which chat_id the bot may write to, and how a
stored message looks as Telegram JSON.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from devtools.standin.errors import bad_request, forbidden
from devtools.standin.flood_wait import FloodWaits
from devtools.standin.models import BotEvent, CallbackQueryRecord, ChatMessage, JsonDict, User
from devtools.standin.params import Params, as_int
from devtools.standin.ratelimit import ChatRateLimiter


@dataclass
class Chat:
    """A private chat, whose id is the user's id; or, with a `title`, a group the bot was
    added to (its id negative, as Telegram's are; `user` is whoever added the bot)."""

    user: User
    started: bool = False
    blocked: bool = False
    messages: dict[int, ChatMessage] = field(default_factory=dict)
    next_message_id: int = 1
    group_id: int | None = None
    title: str | None = None
    left: bool = False  # the bot left the group

    @property
    def id(self) -> int:
        return self.group_id if self.group_id is not None else self.user.id

    def chat_json(self) -> JsonDict:
        if self.group_id is None:
            return self.user.chat_json()
        return {"id": self.group_id, "type": "group", "title": self.title or "Grupo"}


class StandInState:
    """Chats, callback queries and the bot's identity, shared by every method handler."""

    def __init__(
        self,
        bot: User,
        limiter: ChatRateLimiter | None,
        *,
        strict_html: bool,
        wall_clock: Callable[[], float] = time.time,
        first_message_id: int = 1,
    ) -> None:
        self.bot = bot
        self.first_message_id = first_message_id  # of each chat
        self.limiter = limiter
        self.flood_waits: FloodWaits | None = None
        self.strict_html = strict_html
        self.chats: dict[int, Chat] = {}
        self.callbacks: dict[str, CallbackQueryRecord] = {}
        self.commands: dict[tuple[str, str], list[JsonDict]] = {}
        # Photos users sent, by each size's file_id: what the bot may send again.
        self.photos: dict[str, tuple[JsonDict, ...]] = {}
        # What the bot uploaded, by file_id: documents and photos as Telegram keeps them.
        self.files: dict[str, bytes] = {}
        self._next_upload = 1
        self.on_bot_message: Callable[[BotEvent], None] | None = None
        self._wall_clock = wall_clock

    def keep_file(self, content: bytes) -> tuple[str, str]:
        """Keep an uploaded file; its (file_id, file_unique_id)."""
        serial = self._next_upload
        self._next_upload += 1
        file_id = f"upload-{serial}"
        self.files[file_id] = content
        return file_id, f"u{serial}"

    def now(self) -> int:
        """Unix time, as Telegram stamps message dates."""
        return int(self._wall_clock())

    def chat(self, user_id: int) -> Chat:
        """The chat with a user the driving side added; ValueError for anyone else."""
        try:
            return self.chats[user_id]
        except KeyError:
            raise ValueError(f"unknown user {user_id}: call add_user() first") from None

    def writable_chat(self, params: Params) -> Chat:
        """The chat named by chat_id, if the bot may write there; else Telegram's refusal."""
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        chat_id = as_int(raw)
        if chat_id == self.bot.id:
            raise forbidden("bot can't send messages to bots")
        chat = self.chats.get(chat_id) if chat_id is not None else None
        if chat is None:
            raise bad_request("chat not found")
        if chat.left:
            raise forbidden("bot is not a member of the group chat")
        if chat.blocked:
            raise forbidden("bot was blocked by the user")
        if not chat.started:
            raise forbidden("bot can't initiate conversation with a user")
        return chat

    def limit(self, chat: Chat) -> None:
        """Spend a flood-control token for a message sent or edited in `chat`."""
        if self.flood_waits is not None:
            self.flood_waits.check(chat.id)
        if self.limiter is not None:
            self.limiter.take(chat.id)

    def add_message(self, chat: Chat, *, from_bot: bool, **fields: Any) -> ChatMessage:
        """Store a new message with the chat's next message_id."""
        message = ChatMessage(
            message_id=chat.next_message_id,
            chat_id=chat.id,
            from_bot=from_bot,
            date=self.now(),
            **fields,
        )
        chat.next_message_id += 1
        chat.messages[message.message_id] = message
        return message

    def edit_message(self, chat: Chat, message: ChatMessage) -> ChatMessage:
        """Store an edited version of a message, stamped with edit_date."""
        edited = replace(message, edit_date=self.now())
        chat.messages[message.message_id] = edited
        return edited

    def sender(self, chat: Chat, message: ChatMessage) -> User:
        """Who wrote a user's message: the chat's user, or in a group its sender."""
        if message.sender_id is None or message.sender_id not in self.chats:
            return chat.user
        return self.chats[message.sender_id].user

    def emit(self, event: BotEvent) -> None:
        """Tell the listener (the console, a test) what the bot just did."""
        if self.on_bot_message is not None:
            self.on_bot_message(event)

    def message_json(self, message: ChatMessage, *, with_reply: bool = True) -> JsonDict:
        """The Message object Telegram would send for `message`."""
        chat = self.chats[message.chat_id]
        sender = self.bot if message.from_bot else self.sender(chat, message)
        data: JsonDict = {
            "message_id": message.message_id,
            "from": sender.to_json(),
            "chat": chat.chat_json(),
            "date": message.date,
        }
        replied = chat.messages.get(message.reply_to_message_id or 0)
        if with_reply and replied is not None:
            data["reply_to_message"] = self.message_json(replied, with_reply=False)
        if message.edit_date is not None:
            data["edit_date"] = message.edit_date
        if message.text is not None:
            data["text"] = message.text
        if message.entities:
            data["entities"] = list(message.entities)
        if message.contact is not None:
            data["contact"] = message.contact
        if message.photo:
            data["photo"] = list(message.photo)
        if message.document is not None:
            data["document"] = message.document
        if message.caption is not None:
            data["caption"] = message.caption
        if message.caption_entities:
            data["caption_entities"] = list(message.caption_entities)
        if message.reply_markup is not None:
            data["reply_markup"] = message.reply_markup
        return data
