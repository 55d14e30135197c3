"""Telegram telling the bot to wait before writing to one chat again (429 with retry_after),
imposed by a test or a benchmark on the chat it names, whatever the chat's own pace."""

from __future__ import annotations

import math
from collections.abc import Callable

from devtools.standin.errors import ApiError


class FloodWaits:
    """Chats told to wait: until then every message to one is refused with the seconds
    left, as Telegram's flood control words it."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._until: dict[int, float] = {}

    def impose(self, chat_id: int, seconds: float) -> None:
        """From now on, for `seconds`, messages to `chat_id` get 429."""
        if seconds <= 0:
            raise ValueError("a flood wait lasts a positive number of seconds")
        self._until[chat_id] = self._clock() + seconds

    def check(self, chat_id: int) -> None:
        """Raise the 429 Telegram would send if `chat_id` is still told to wait."""
        until = self._until.get(chat_id)
        if until is None:
            return
        left = until - self._clock()
        if left <= 0:
            del self._until[chat_id]
            return
        retry_after = math.ceil(left)
        raise ApiError(
            429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
        )
