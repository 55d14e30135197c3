"""Telegram's flood control for one chat: short bursts, then about one message a second."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from devtools.standin.errors import ApiError


class ChatRateLimiter:
    """A token bucket per chat; an empty bucket answers 429 with Telegram's retry_after."""

    def __init__(
        self,
        capacity: float = 5.0,
        refill_per_second: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity < 1 or refill_per_second <= 0:
            raise ValueError("capacity must be at least 1 and refill_per_second positive")
        self._capacity = capacity
        self._rate = refill_per_second
        self._clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}

    def take(self, chat_id: int) -> None:
        """Spend one message's token for `chat_id`, or raise the 429 Telegram would send."""
        now = self._clock()
        tokens, last = self._buckets.get(chat_id, (self._capacity, now))
        tokens = min(self._capacity, tokens + (now - last) * self._rate)
        if tokens < 1:
            self._buckets[chat_id] = (tokens, now)
            retry_after = max(1, math.ceil((1 - tokens) / self._rate))
            raise ApiError(
                429,
                f"Too Many Requests: retry after {retry_after}",
                {"retry_after": retry_after},
            )
        self._buckets[chat_id] = (tokens - 1, now)
