"""Admins' own movements of a reseller's money: `/abonar <reseller> <amount> [note]`
credits (a `deposit` movement with the admin and the note), `/ajustar <reseller>
<±amount> <reason>` corrects (an `adjustment`, its reason required).

`<reseller>` is a Telegram id or a shop name, and a shop name may have spaces and digits
("Tienda 24"), so the words are read as every split of name, amount and the rest
(`splits`), the longest name first; the first name that is a reseller wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.deposits import BadAmount, read_amount
from bot.domain.wallets import NOTE_MAX, MovementKind, Reseller, Wallet


@dataclass(frozen=True, slots=True)
class Split:
    """One way to read the words: who, how much, and the note or reason."""

    name: str
    amount: int  # centavos (signed for an adjustment)
    rest: str


class FundsRefusal(StrEnum):
    USAGE = "usage"  # not even a reseller and an amount
    REASON_REQUIRED = "reason_required"  # an adjustment without its reason


@dataclass(frozen=True, slots=True)
class NotAnAmount:
    """The amount typed is not one: `typed` is the word that should have been."""

    problem: BadAmount
    typed: str


def splits(words: list[str], *, signed: bool) -> list[Split] | NotAnAmount | FundsRefusal:
    """Every reading of `words` as name, amount and rest, the longest name first; with
    none, why: no amount among the words (the first that looks like a wrong one, else the
    last word), or not even two words (USAGE)."""
    found = []
    for at in range(len(words) - 1, 0, -1):
        amount = read_amount(words[at], signed=signed)
        if isinstance(amount, int):
            found.append(Split(" ".join(words[:at]), amount, " ".join(words[at + 1 :])))
    if found:
        return found
    if len(words) < 2:
        return FundsRefusal.USAGE
    for word in words[1:]:
        problem = read_amount(word, signed=signed)
        if problem in (BadAmount.NOT_POSITIVE, BadAmount.TOO_MUCH):
            return NotAnAmount(BadAmount(problem), word)
    return NotAnAmount(BadAmount.NOT_A_NUMBER, words[-1])


@dataclass(frozen=True, slots=True)
class NoteTooLong:
    length: int
    maximum: int = NOTE_MAX


@dataclass(frozen=True, slots=True)
class Credited:
    """An admin's credit or adjustment, booked; the reseller told or not."""

    kind: MovementKind
    reseller: Reseller
    amount: int  # centavos, signed
    note: str | None
    wallet: Wallet  # as it stands after
    reseller_told: bool
