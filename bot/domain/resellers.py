"""Resellers as admins manage them: adding one by id, the list with each one's money and
sales of the day, and suspending or reactivating one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.wallets import Reseller, as_user_id, clean_shop_name

PAGE_SIZE = 10  # resellers per page of /vendedores: 10 long entries stay far below 4,096


class AddRefused(StrEnum):
    """`/alta <id> <shop name>` changed nothing."""

    USAGE = "usage"  # no Telegram id where it goes
    BAD_SHOP_NAME = "bad_shop_name"  # none, too long, or with control characters
    ADMIN = "admin"  # admins are in ADMIN_IDS, never resellers


@dataclass(frozen=True, slots=True)
class AddRequest:
    user_id: int
    shop_name: str


def parse_add(text: str) -> AddRequest | AddRefused:
    """`<telegram id> <shop name>` as an admin types it after /alta."""
    first, _, rest = text.strip().partition(" ")
    user_id = as_user_id(first)
    if user_id is None:
        return AddRefused.USAGE
    shop_name = clean_shop_name(rest)
    if shop_name is None:
        return AddRefused.BAD_SHOP_NAME
    return AddRequest(user_id, shop_name)


@dataclass(frozen=True, slots=True)
class Added:
    """A reseller added, or, if they were one already, their shop renamed
    (`renamed_from` is the name it had)."""

    reseller: Reseller
    renamed_from: str | None = None


@dataclass(frozen=True, slots=True)
class ResellerLine:
    """One reseller in /vendedores: their account, their money and today's sales."""

    reseller: Reseller
    balance: int  # centavos, the ledger's sum
    held: int  # centavos held by sales not resolved yet
    sales_today: int  # approved sales since the start of the day where the business is
    sold_today: int  # their face amount, centavos


@dataclass(frozen=True, slots=True)
class ResellerPage:
    lines: tuple[ResellerLine, ...]
    page: int  # from 0
    pages: int  # at least 1
    total: int  # resellers in all

    @property
    def has_previous(self) -> bool:
        return self.page > 0

    @property
    def has_next(self) -> bool:
        return self.page + 1 < self.pages


def pages_for(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


@dataclass(frozen=True, slots=True)
class StatusChanged:
    """/suspender or /reactivar: the reseller as they are now; `changed` False when they
    already were (nothing changed, nobody told); `told` whether the reseller heard."""

    reseller: Reseller
    changed: bool
    told: bool = False
