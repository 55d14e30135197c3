"""The stand-in's records: users, messages, inline buttons, callback queries, bot events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class User:
    """A Telegram account: a person talking to the bot, or the bot itself."""

    id: int
    first_name: str
    language_code: str | None = None
    username: str | None = None
    is_bot: bool = False

    def to_json(self) -> JsonDict:
        """The User object as it appears in a message's "from"."""
        data: JsonDict = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.username:
            data["username"] = self.username
        if self.language_code and not self.is_bot:
            data["language_code"] = self.language_code
        return data

    def chat_json(self) -> JsonDict:
        """The private Chat object of the conversation with this user."""
        data: JsonDict = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.username:
            data["username"] = self.username
        return data


@dataclass(frozen=True)
class InlineButton:
    """One inline keyboard button, with its place in reading order (both 0-based)."""

    text: str
    callback_data: str | None
    url: str | None
    row: int
    column: int


@dataclass(frozen=True)
class ChatMessage:
    """A message in a private chat as it stands now (edits replace the record)."""

    message_id: int
    chat_id: int
    from_bot: bool
    date: int
    text: str | None = None
    entities: tuple[JsonDict, ...] = ()
    reply_markup: JsonDict | None = None  # the inline keyboard attached to the message
    reply_keyboard: JsonDict | None = None  # custom keyboard, removal or force-reply sent with it
    contact: JsonDict | None = None
    reply_to_message_id: int | None = None
    edit_date: int | None = None
    sender_id: int | None = None  # in a group: who wrote it (None: the chat's user)
    photo: tuple[JsonDict, ...] = ()  # a photo's sizes (PhotoSize), smallest first
    caption: str | None = None  # a photo's or a document's caption
    document: JsonDict | None = None  # a file the bot sent (Document)
    caption_entities: tuple[JsonDict, ...] = ()

    @property
    def edited(self) -> bool:
        """Whether the bot has edited the message since sending it."""
        return self.edit_date is not None

    @property
    def buttons(self) -> list[InlineButton]:
        """The inline keyboard's buttons in reading order."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [
            InlineButton(button["text"], button.get("callback_data"), button.get("url"), r, c)
            for r, row in enumerate(rows)
            for c, button in enumerate(row)
        ]


@dataclass
class CallbackQueryRecord:
    """A button press the stand-in delivered, and whether the bot answered it."""

    id: str
    user_id: int
    message_id: int
    data: str
    answered: bool = False
    answer_text: str | None = None
    show_alert: bool = False


@dataclass(frozen=True)
class BotEvent:
    """Something the bot did that a person would see.

    kind "sent", "edited" or "deleted" carries the message; "answered" carries the text
    (possibly empty) of the toast or alert answering a button press; "left", the bot
    left the group `chat_id`.
    """

    kind: Literal["sent", "edited", "deleted", "answered", "left"]
    chat_id: int
    message: ChatMessage | None = None
    text: str | None = None
    show_alert: bool = False
