"""Receipt history: whose receipts a reader sees, and pages of them, newest first.

Pages are keyset pages: "the ten purchases older (or newer) than folio N", so page 1
and page 10,000 cost the same. A page button names only a direction and a folio; whose
receipts it shows is decided again from who pressed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.purchases import Purchase
from bot.domain.roles import Role

PAGE_SIZE = 10
# Page 1 is "older than the largest folio SQLite can hold": one query shape for every page.
NEWEST = 2**63 - 1


class Direction(StrEnum):
    """Which way a page goes from its cursor folio."""

    OLDER = "older"
    NEWER = "newer"


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose receipts: one reseller's (None: everyone's, for admins), maybe one number's."""

    reseller_id: int | None = None
    phone: str | None = None

    @classmethod
    def of_reader(cls, user_id: int, role: Role, phone: str | None = None) -> Scope:
        """A reseller reads their own receipts; an admin reads every reseller's."""
        return cls(reseller_id=None if role is Role.ADMIN else user_id, phone=phone)

    @property
    def everyone(self) -> bool:
        return self.reseller_id is None


@dataclass(frozen=True, slots=True)
class Page:
    """Up to PAGE_SIZE purchases, newest first, and whether there are more either side."""

    purchases: list[Purchase]
    newer: bool
    older: bool
