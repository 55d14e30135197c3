"""Who someone is to the bot. Admins and resellers come from the settings; a customer
is anyone who verified their number with their own Telegram contact; anyone else is a
stranger. Each role can do what the ones below it can; a stranger is answered once in a
while (`OncePerWindow`)."""

from __future__ import annotations

from collections import OrderedDict
from enum import IntEnum


class Role(IntEnum):
    STRANGER = 0
    CUSTOMER = 1
    RESELLER = 2
    ADMIN = 3

    @property
    def sells(self) -> bool:
        return self >= Role.RESELLER


# A stranger is told once which id to pass to an admin; what else they write within the
# next five minutes goes unanswered, so writing on and on costs the bot no messages.
STRANGER_QUIET_SECONDS = 300.0
STRANGERS_REMEMBERED = 10_000


class OncePerWindow:
    """Yes for a key at most once per `seconds`. At most `size` keys are remembered: past
    that the oldest is forgotten first (and is answered again that much sooner)."""

    def __init__(
        self, seconds: float = STRANGER_QUIET_SECONDS, size: int = STRANGERS_REMEMBERED
    ) -> None:
        if seconds <= 0 or size < 1:
            raise ValueError("seconds must be positive and size at least 1")
        self._seconds, self._size = seconds, size
        self._since: OrderedDict[int, float] = OrderedDict()  # oldest first

    def first(self, key: int, now: float) -> bool:
        """Whether `key` gets a yes at `now` (a yes starts its window)."""
        while self._since and next(iter(self._since.values())) <= now - self._seconds:
            self._since.popitem(last=False)
        if key in self._since:
            return False
        self._since[key] = now
        if len(self._since) > self._size:
            self._since.popitem(last=False)
        return True

    def __len__(self) -> int:
        return len(self._since)
