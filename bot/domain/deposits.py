"""Deposits a reseller reports: an amount and the photo of the voucher, decided by an admin.

A report is `/deposito <amount>` then the photo, or the photo with the amount as its
caption. A report without its photo waits `PHOTO_WAIT` and is dropped. An admin's
approval credits the wallet once (the deposit's status and the ledger's `deposit`
movement are one transaction); a rejection credits nothing. Both are final: a second
decision, by anyone, is told who decided and when, and changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from bot.domain.wallets import MAX_CENTAVOS, Wallet, parse_pesos

PHOTO_WAIT = timedelta(minutes=30)


class DepositStatus(StrEnum):
    AWAITING_PHOTO = "awaiting_photo"
    SUBMITTED = "submitted"  # every admin has it, to approve or reject
    APPROVED = "approved"
    REJECTED = "rejected"
    DROPPED = "dropped"  # no photo in time, or a newer report took its place


@dataclass(frozen=True, slots=True)
class Deposit:
    id: int
    reseller_id: int
    amount: int  # centavos
    photo_file_id: str | None
    status: DepositStatus
    lang: str  # the reseller's
    created_at: datetime
    submitted_at: datetime | None
    decided_by: int | None
    decided_by_name: str | None
    decided_at: datetime | None

    def stale(self, now: datetime) -> bool:
        """Still waiting for its photo past `PHOTO_WAIT`."""
        return self.status is DepositStatus.AWAITING_PHOTO and now - self.created_at > PHOTO_WAIT


class BadAmount(StrEnum):
    """Why a typed amount is no deposit."""

    MISSING = "missing"
    NOT_A_NUMBER = "not_a_number"
    NOT_POSITIVE = "not_positive"
    TOO_MUCH = "too_much"


_LOOSE_NUMBER = re.compile(r"^[+\-−]?\s*\$?\s*[\d,]*\.?\d*$")


def read_amount(text: str, *, signed: bool = False) -> int | BadAmount:
    """Pesos as people type them ("1500", "$1,500.50") in centavos, or why they are not
    an amount: zero or negative (unless `signed`), over `MAX_CENTAVOS`, or no number."""
    text = text.strip()
    if not text:
        return BadAmount.MISSING
    centavos = parse_pesos(text, signed=signed)
    if centavos is not None and (signed or centavos > 0):
        return centavos
    if not _LOOSE_NUMBER.match(text):
        return BadAmount.NOT_A_NUMBER
    digits = text.replace("−", "-").replace("$", "").replace(",", "").replace(" ", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return BadAmount.NOT_A_NUMBER
    if value == 0 or (value < 0 and not signed):
        return BadAmount.NOT_POSITIVE
    if abs(value) * 100 > MAX_CENTAVOS:
        return BadAmount.TOO_MUCH
    return BadAmount.NOT_A_NUMBER  # more than two decimals, say


_COMMAND = re.compile(r"^/(deposito|depósito|deposit)(@\w+)?(\s|$)", re.IGNORECASE)


def caption_amount(caption: str | None) -> int | BadAmount:
    """The amount a photo's caption reports: "1500", "$1,500", "/deposito 1500"."""
    text = (caption or "").strip()
    found = _COMMAND.match(text)
    if found:
        text = text[found.end() :]
    return read_amount(text)


# What a reseller's report came to.
@dataclass(frozen=True, slots=True)
class AwaitingPhoto:
    """`/deposito <amount>`: the photo is asked for (`replaced`: a report still waiting
    for its photo, whose amount this one takes)."""

    deposit: Deposit
    replaced: bool = False


@dataclass(frozen=True, slots=True)
class Submitted:
    """The photo came: every admin has the deposit (`admins_reached` of them)."""

    deposit: Deposit
    admins_reached: int


@dataclass(frozen=True, slots=True)
class NoPendingDeposit:
    """A photo with no report waiting for it and no amount in its caption: nothing is
    recorded. `dropped`: the report it came too late for; `selling`: a top-up of theirs
    is open (it goes on where it was)."""

    dropped: Deposit | None
    selling: bool


class NoAccount(StrEnum):
    """Only a reseller's account takes deposits (an admin has none)."""

    NO_ACCOUNT = "no_account"


Reported = AwaitingPhoto | Submitted | NoPendingDeposit | BadAmount | NoAccount


# What an admin's decision came to.
@dataclass(frozen=True, slots=True)
class Decided:
    """Approved (credited, `wallet` as it stands after) or rejected, just now."""

    deposit: Deposit
    shop_name: str
    wallet: Wallet | None
    reseller_told: bool


@dataclass(frozen=True, slots=True)
class AlreadyDecided:
    """Someone decided it before (or it was never submitted): nothing changes."""

    deposit: Deposit


class NoSuchDeposit(StrEnum):
    NO_SUCH_DEPOSIT = "no_such_deposit"


Decision = Decided | AlreadyDecided | NoSuchDeposit
