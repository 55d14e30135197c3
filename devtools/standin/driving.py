"""The user's side of the stand-in: what a person does in the chat, what a test looks at.

Driving methods raise ValueError for things no Telegram client could do (writing as an
unknown user, pressing a button that isn't there); `press_raw` is the forged client.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from devtools.standin import profile
from devtools.standin.entities import command_entities
from devtools.standin.models import BotEvent, CallbackQueryRecord, ChatMessage, JsonDict, User
from devtools.standin.state import Chat, StandInState
from devtools.standin.updates import UpdateQueue

MAX_USER_TEXT = 4096
MAX_CAPTION = 1024


class ChatDriver:
    """Acts as the bot's users and answers questions about the chats."""

    def __init__(self, state: StandInState, updates: UpdateQueue) -> None:
        self._state = state
        self._updates = updates
        self._next_query_id = 4_000_000_000_000_000_001
        self._next_photo = 1

    def add_user(
        self,
        user_id: int,
        first_name: str = "Cliente",
        language_code: str | None = "es",
        username: str | None = None,
    ) -> User:
        """A Telegram user who can talk to the bot; the bot can't write first."""
        user = User(user_id, first_name, language_code, username)
        chat = Chat(user, next_message_id=self._state.first_message_id)
        self._state.chats.setdefault(user_id, chat).user = user
        return user

    def block(self, user_id: int) -> None:
        """The user blocks the bot: its messages to them get 403 until they write again."""
        self._state.chat(user_id).blocked = True

    def send_text(self, user_id: int, text: str, reply_to: int | None = None) -> int:
        """The user sends `text` (as a reply to message `reply_to`, if given); returns the
        update_id. /commands get bot_command entities."""
        if not text.strip() or len(text) > MAX_USER_TEXT:
            raise ValueError("a user's text has 1-4096 characters")
        if reply_to is not None:
            self.message(user_id, reply_to)  # ValueError: nothing to reply to
        return self._user_message(
            user_id, text=text, entities=command_entities(text), reply_to_message_id=reply_to
        )

    def edit_text(self, user_id: int, message_id: int, text: str) -> int:
        """The user edits the text of a message of theirs; returns the update_id of the
        `edited_message` Telegram sends for it."""
        if not text.strip() or len(text) > MAX_USER_TEXT:
            raise ValueError("a user's text has 1-4096 characters")
        message = self.message(user_id, message_id)
        if message.from_bot or message.text is None:
            raise ValueError("a user can edit only a text message of their own")
        chat = self._state.chat(user_id)
        edited = self._state.edit_message(
            chat, replace(message, text=text, entities=command_entities(text))
        )
        return self._updates.push("edited_message", self._state.message_json(edited))

    def send_contact(
        self,
        user_id: int,
        phone_number: str,
        contact_user_id: int | None,
        first_name: str | None = None,
    ) -> int:
        """The user shares a contact (their own when contact_user_id == user_id)."""
        contact: JsonDict = {
            "phone_number": phone_number,
            "first_name": first_name or self._state.chat(user_id).user.first_name,
        }
        if contact_user_id is not None:
            contact["user_id"] = contact_user_id
        return self._user_message(user_id, contact=contact)

    def send_photo(self, user_id: int, caption: str | None = None) -> int:
        """The user sends a photo (a voucher, say), with `caption` if given; returns the
        update_id. Its file_ids are new, and the bot may send them again."""
        if caption is not None and not 0 < len(caption) <= MAX_CAPTION:
            raise ValueError("a caption has 1-1024 characters")
        serial = self._next_photo
        self._next_photo += 1
        sizes: tuple[JsonDict, ...] = tuple(
            {
                "file_id": f"AgACAgEAAxkBAAI{serial}{size}",
                "file_unique_id": f"AQAD{serial}{size}",
                "width": width,
                "height": width * 4 // 3,
                "file_size": width * 300,
            }
            for size, width in (("s", 90), ("m", 320), ("x", 1280))
        )
        for size in sizes:
            self._state.photos[size["file_id"]] = sizes
        fields: dict[str, Any] = {"photo": sizes}
        if caption is not None:
            fields |= {"caption": caption, "caption_entities": command_entities(caption)}
        return self._user_message(user_id, **fields)

    def press(self, user_id: int, message_id: int, callback_data: str) -> int:
        """The user presses the button carrying `callback_data`; ValueError if there is none."""
        message = self.message(user_id, message_id)
        if not any(button.callback_data == callback_data for button in message.buttons):
            labels = [(b.text, b.callback_data) for b in message.buttons]
            raise ValueError(f"message {message_id} has no button {callback_data!r}: {labels}")
        return self.press_raw(user_id, message_id, callback_data)

    def press_raw(self, user_id: int, message_id: int, data: str) -> int:
        """A forged client sends a callback query with any `data` for a bot message."""
        message = self.message(user_id, message_id)
        if not message.from_bot:
            raise ValueError(f"message {message_id} in chat {user_id} isn't the bot's")
        query_id = str(self._next_query_id)
        self._next_query_id += 1
        self._state.callbacks[query_id] = CallbackQueryRecord(query_id, user_id, message_id, data)
        user = self._state.chat(user_id).user
        return self._updates.push(
            "callback_query",
            {
                "id": query_id,
                "from": user.to_json(),
                "message": self._state.message_json(message),
                "chat_instance": str(user_id * 7_919 + 1_000_000_000_000_000),
                "data": data,
            },
        )

    def press_button(self, user_id: int, label: str | int, message_id: int | None = None) -> int:
        """Press a button of the bot's latest keyboard (or of `message_id`).

        `label` is the start of the button's text, or its 1-based number in reading order.
        """
        if message_id is not None:
            message = self.message(user_id, message_id)
        else:
            keyboards = [m for m in self.bot_messages(user_id) if m.buttons]
            if not keyboards:
                raise ValueError(f"no bot message with an inline keyboard in chat {user_id}")
            message = keyboards[-1]
        buttons = message.buttons
        if isinstance(label, int):
            chosen = buttons[label - 1] if 1 <= label <= len(buttons) else None
        else:
            chosen = next((b for b in buttons if b.text.startswith(label)), None)
        if chosen is None or chosen.callback_data is None:
            labels = [b.text for b in buttons]
            raise ValueError(
                f"no callback button {label!r} on message {message.message_id}: {labels}"
            )
        return self.press_raw(user_id, message.message_id, chosen.callback_data)

    def add_group(self, group_id: int, title: str, added_by: int) -> None:
        """`added_by` (a user added before) adds the bot to a group (a negative id)."""
        if group_id >= 0:
            raise ValueError("group ids are negative")
        user = self._state.chat(added_by).user
        self._state.chats[group_id] = Chat(
            user, started=True, group_id=group_id, title=title,
            next_message_id=self._state.first_message_id,
        )  # fmt: skip

    def send_in_group(self, group_id: int, user_id: int, text: str) -> int:
        """A member writes `text` in a group the bot is in; returns the update_id."""
        chat = self._state.chats.get(group_id)
        if chat is None or chat.group_id is None:
            raise ValueError(f"no group {group_id}: call add_group() first")
        self._state.chat(user_id)  # ValueError for a user nobody added
        message = self._state.add_message(
            chat, from_bot=False, text=text, entities=command_entities(text), sender_id=user_id
        )
        return self._updates.push("message", self._state.message_json(message))

    def _user_message(self, user_id: int, **fields: Any) -> int:
        chat = self._state.chat(user_id)
        chat.started, chat.blocked = True, False
        message = self._state.add_message(chat, from_bot=False, **fields)
        return self._updates.push("message", self._state.message_json(message))

    def messages(self, chat_id: int) -> list[ChatMessage]:
        """Every message in the chat, both sides, oldest first, as they stand now."""
        return list(self._state.chat(chat_id).messages.values())

    def uploaded(self, message: ChatMessage) -> bytes:
        """The bytes of the file the bot sent in `message`: a document, or the largest
        size of a photo it uploaded. LookupError if the message has no such file."""
        if message.document is not None:
            file_id = message.document["file_id"]
        elif message.photo:
            file_id = message.photo[-1]["file_id"]
        else:
            raise LookupError(f"message {message.message_id} carries no file")
        if file_id not in self._state.files:
            raise LookupError(f"message {message.message_id}'s file was not uploaded by the bot")
        return self._state.files[file_id]

    def menu(self, user_id: int, language_code: str = "") -> list[str]:
        """The commands the user sees in the menu of their chat with the bot."""
        return [c["command"] for c in profile.menu_seen(self._state, user_id, language_code)]

    def forget_menus(self) -> None:
        """Every command menu the bot set is gone, as if it had deleted them all."""
        self._state.commands.clear()

    def bot_messages(self, chat_id: int) -> list[ChatMessage]:
        """The bot's messages in the chat, oldest first."""
        return [message for message in self.messages(chat_id) if message.from_bot]

    def last_bot_message(self, chat_id: int) -> ChatMessage:
        """The bot's newest message in the chat; LookupError if it hasn't written."""
        sent = self.bot_messages(chat_id)
        if not sent:
            raise LookupError(f"the bot hasn't written in chat {chat_id}")
        return sent[-1]

    def message(self, chat_id: int, message_id: int) -> ChatMessage:
        """One message; ValueError if the chat has no such message (or it was deleted)."""
        message = self._state.chat(chat_id).messages.get(message_id)
        if message is None:
            raise ValueError(f"chat {chat_id} has no message {message_id}")
        return message

    def bot_commands(self, language_code: str = "") -> list[JsonDict]:
        """The default-scope command menu the bot set for `language_code`."""
        return profile.get_my_commands(self._state, {"language_code": language_code})

    @property
    def bot(self) -> User:
        """The bot's own account."""
        return self._state.bot

    @property
    def on_bot_message(self) -> Callable[[BotEvent], None] | None:
        """Called whenever the bot sends, edits or deletes a message or answers a press."""
        return self._state.on_bot_message

    @on_bot_message.setter
    def on_bot_message(self, listener: Callable[[BotEvent], None] | None) -> None:
        self._state.on_bot_message = listener

    def unanswered_callback_queries(self) -> list[CallbackQueryRecord]:
        """Button presses the bot hasn't answered with answerCallbackQuery."""
        return [query for query in self._state.callbacks.values() if not query.answered]

    @property
    def pending_updates(self) -> int:
        """Updates queued or fetched but not yet confirmed by the bot."""
        return self._updates.pending

    async def wait_until_delivered(self, within: float = 5.0) -> None:
        """Wait until the bot fetched and confirmed every update; TimeoutError after `within`."""
        await self._updates.wait_until_delivered(within)
