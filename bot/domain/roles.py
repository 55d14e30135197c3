"""Who someone is to the bot. Admins and resellers come from the settings; a customer
is anyone who verified their number with their own Telegram contact; anyone else is a
stranger. Each role can do what the ones below it can."""

from __future__ import annotations

from enum import IntEnum


class Role(IntEnum):
    STRANGER = 0
    CUSTOMER = 1
    RESELLER = 2
    ADMIN = 3

    @property
    def sells(self) -> bool:
        return self >= Role.RESELLER
