"""FakeTelegram: the stand-in Bot API, as strict as Telegram, and the user side that drives it.

`call(method, params)` is the whole transport-agnostic core: it answers with the HTTP status
and Telegram's JSON envelope, and records every call and every refusal. The user's side of
the chats (writing, pressing buttons, looking at messages) comes from ChatDriver.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from devtools.standin import messaging, profile
from devtools.standin.driving import ChatDriver
from devtools.standin.errors import ApiError, bad_request
from devtools.standin.flood_wait import FloodWaits
from devtools.standin.hiccups import Hiccups
from devtools.standin.models import JsonDict, User
from devtools.standin.params import Params, opt_bool, opt_str
from devtools.standin.ratelimit import ChatRateLimiter
from devtools.standin.spec import check_request
from devtools.standin.state import StandInState
from devtools.standin.updates import UpdateQueue

Method = Callable[[Params], object]


class FakeTelegram(ChatDriver):
    """One bot's view of Telegram: its private chats, updates and the methods it may call."""

    def __init__(
        self,
        *,
        bot_id: int = 123,
        bot_username: str = "recargas_sandbox_bot",
        bot_first_name: str = "Recargas Sandbox",
        rate_capacity: float | None = 5,
        rate_refill_per_second: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        strict_html: bool = True,
        first_update_id: int = 1,
        first_message_id: int = 1,
    ) -> None:
        limiter = (
            None
            if rate_capacity is None
            else ChatRateLimiter(rate_capacity, rate_refill_per_second, clock)
        )
        bot = User(bot_id, bot_first_name, username=bot_username, is_bot=True)
        super().__init__(
            StandInState(bot, limiter, strict_html=strict_html, first_message_id=first_message_id),
            UpdateQueue(first_update_id),
        )
        self._flood_waits = self._state.flood_waits = FloodWaits(clock)
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.webhook_url = ""  # set by setWebhook, as another deployment of the bot would
        self.errors: list[tuple[str, dict[str, Any], str]] = []
        self.hiccups = Hiccups()  # failures and late answers a test plans
        state = self._state
        methods: dict[str, Method] = {
            "getMe": partial(profile.get_me, state),
            "getUpdates": self._get_updates,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "deleteWebhook": self._delete_webhook,
            "setMyCommands": partial(profile.set_my_commands, state),
            "getMyCommands": partial(profile.get_my_commands, state),
            "deleteMyCommands": partial(profile.delete_my_commands, state),
            "sendMessage": partial(messaging.send_message, state),
            "editMessageText": partial(messaging.edit_message_text, state),
            "sendPhoto": partial(messaging.send_photo, state),
            "sendDocument": partial(messaging.send_document, state),
            "editMessageCaption": partial(messaging.edit_message_caption, state),
            "editMessageReplyMarkup": partial(messaging.edit_message_reply_markup, state),
            "deleteMessage": partial(messaging.delete_message, state),
            "answerCallbackQuery": partial(messaging.answer_callback_query, state),
            "leaveChat": partial(messaging.leave_chat, state),
            "sendChatAction": partial(messaging.send_chat_action, state),
            "close": lambda params: True,
            "logOut": lambda params: True,
        }
        self._methods = {name.lower(): (name, method) for name, method in methods.items()}

    def flood_wait(self, chat_id: int, seconds: float) -> None:
        """Telegram's flood control on one chat: for `seconds` (on this stand-in's clock)
        every message sent or edited there is refused with 429 and the retry_after left."""
        self._flood_waits.impose(chat_id, seconds)

    async def call(self, method: str, params: Params) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API request: (HTTP status, Telegram's JSON envelope).

        Method names are case-insensitive, as on Telegram; unknown ones get 404. Every
        request is first checked against the Bot API specification (devtools/standin/spec.py).
        """
        name, handler = self._methods.get(method.lower(), (method, None))
        self.calls.append((name, dict(params)))
        failure = await self.hiccups.meet(name)
        if failure is not None:
            return failure
        try:
            name = check_request(method, params)
            if handler is None:
                raise bad_request(f"the stand-in does not implement {name}")
            result = handler(params)
            if isinstance(result, Awaitable):
                result = await result
        except ApiError as exc:
            self.errors.append((name, dict(params), exc.description))
            return exc.status, exc.envelope()
        return 200, {"ok": True, "result": result}

    async def _get_updates(self, params: Params) -> list[JsonDict]:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        return await self._updates.get_updates(params)

    def _set_webhook(self, params: Params) -> bool:
        url = opt_str(params, "url") or ""
        if url and not url.startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook_url = url
        return True

    def _get_webhook_info(self, params: Params) -> JsonDict:
        return {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }

    def _delete_webhook(self, params: Params) -> bool:
        self.webhook_url = ""
        if opt_bool(params, "drop_pending_updates"):
            self._updates.drop_pending()
        return True
