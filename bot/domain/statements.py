"""What a reseller sees of their money: their account (/saldo), their statement
(/movimientos) and the line under each receipt; and what admins see of all of them.

How a hold reads. A sale's hold (at ✅) moves no money, only sets the cost aside; a shop
owner thinks in sales, not in holds. So the statement shows a hold only while it is
open, as "⏳ apartado" (the sale is in flight or pending verification, and the balance
line under it is unchanged); once resolved, the hold row is left out and its
resolution says what happened: the sale's debit (the money went) or the release (it was
not charged; the balance never moved). Every line shown carries the balance after it
(`balance_after`), so the running balance reads down the page without gaps: the rows
left out move no money.

Pages are keyset pages over ledger ids, newest first (bot/domain/history.py `Direction`):
page 1 and page 100,000 cost the same index seek.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.provider import Balance
from bot.domain.purchases import Status
from bot.domain.wallets import Commission, Movement, MovementKind, Reseller, Wallet

STATEMENT_PAGE_SIZE = 10


@dataclass(frozen=True, slots=True)
class SaleFacts:
    """The sale a movement belongs to, as its line names it."""

    purchase_id: int
    phone: str
    product_id: str
    face: int  # pesos, what the customer paid
    status: Status

    @property
    def folio(self) -> str:
        return f"{self.purchase_id:06d}"


@dataclass(frozen=True, slots=True)
class StatementLine:
    movement: Movement
    sale: SaleFacts | None  # for a hold, a sale or a release


@dataclass(frozen=True, slots=True)
class LedgerPage:
    """Up to a page of lines, newest first, and whether there are more either side."""

    lines: list[StatementLine]
    newer: bool
    older: bool


@dataclass(frozen=True, slots=True)
class Statement:
    """One reseller's statement page, for whoever may read it."""

    reseller: Reseller
    page: LedgerPage


class StatementRefusal(StrEnum):
    NOT_YOURS = "not_yours"  # a reseller asked for someone else's
    NAME_ONE = "name_one"  # an admin has no statement of their own: name a reseller


@dataclass(frozen=True, slots=True)
class Account:
    """A reseller's own account, as /saldo shows it to them."""

    reseller: Reseller
    wallet: Wallet
    commission: Commission  # theirs: their override per kind, else the default
    pending_sales: int  # sales whose cost is held (in flight or pending verification)


@dataclass(frozen=True, slots=True)
class Totals:
    """Every reseller's wallet added up: what the distributor owes out."""

    resellers: int
    balances: int  # the sum of every balance, centavos
    in_favour: int  # the sum of the positive balances: paid in, not yet sold
    on_credit: int  # the sum of the negative ones (≤ 0): sold on credit
    held: int  # held by sales not resolved yet


@dataclass(frozen=True, slots=True)
class Overview:
    """What an admin's /saldo shows: the provider's balance (None when it could not be
    read now) and the resellers' wallets added up."""

    provider: Balance | None
    totals: Totals


@dataclass(frozen=True, slots=True)
class AfterSale:
    """The line under a reseller's receipt: what the sale did to their wallet."""

    kind: MovementKind  # SALE (debited), RELEASE (not charged) or HOLD (still held)
    cost: int  # centavos
    balance: int  # their balance after it
    held: int  # everything still held after it


def after_sale(status: Status, movements: Iterable[Movement]) -> AfterSale | None:
    """What the receipt of a sale in `status` says of the wallet: an outcome shows its
    resolution, a sale in flight or pending verification its hold. None for a sale with
    no hold (an admin's, one placed before wallets, one costing nothing) or whose
    movement is not there yet."""
    wanted = (
        (MovementKind.SALE, MovementKind.RELEASE)
        if status in (Status.APPROVED, Status.DECLINED)
        else (MovementKind.HOLD,)
    )
    for movement in movements:
        if movement.kind in wanted:
            return AfterSale(
                movement.kind, abs(movement.held), movement.balance_after, movement.held_after
            )
    return None
