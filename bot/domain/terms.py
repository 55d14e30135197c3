"""What admins type to set a reseller's terms, read into values (or a `DomainError`
naming the message that explains the right form).

- `/credito <reseller> <amount>`: a prepaid account that may go down to minus `amount`
  (0: no credit at all); `/credito <reseller> sin límite`: an unrestricted account.
- `/comision <reseller|todos> <airtime %> <packages %>`: a reseller's own rates, or the
  default for everyone without their own; `/comision <reseller> normal`: back to the
  default.
- `/limite <reseller> <per sale> <per day>`: the most one sale and one day's sales may be
  (face amounts); `-` for no limit.

A reseller's name may have spaces, so the values are read from the end of the line and
whatever stands before them names the reseller.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import DomainError
from bot.domain.wallets import AccountKind, Commission, Reseller, parse_percent, parse_pesos

_UNLIMITED = ("sin límite", "sin limite", "ilimitado", "ilimitada", "unlimited", "no limit")
_EVERYONE = frozenset({"todos", "todas", "all", "everyone"})
_DEFAULT = frozenset({"normal", "default", "general"})
_NONE = frozenset({"-", "no", "sin", "ninguno", "none"})


@dataclass(frozen=True, slots=True)
class Credit:
    account: AccountKind
    limit: int  # centavos; 0 for an unrestricted account


@dataclass(frozen=True, slots=True)
class Limits:
    per_sale: int | None  # centavos of face amount; None: no limit
    per_day: int | None


def _words(text: str) -> list[str]:
    return text.split()


def parse_credit(text: str) -> tuple[str, Credit]:
    """`<reseller> <amount>` or `<reseller> sin límite`."""
    cleaned = " ".join(text.split())
    lowered = cleaned.lower()
    for phrase in _UNLIMITED:
        if lowered.endswith(" " + phrase):
            who = cleaned[: -len(phrase)].strip()
            return who, Credit(AccountKind.UNRESTRICTED, 0)
    words = _words(cleaned)
    if len(words) < 2:
        raise DomainError("terms.credit.usage")
    if words[-1] == "0":
        return " ".join(words[:-1]), Credit(AccountKind.PREPAID, 0)
    limit = parse_pesos(words[-1])
    if limit is None:
        raise DomainError("terms.credit.amount", {"typed": words[-1][:20]})
    return " ".join(words[:-1]), Credit(AccountKind.PREPAID, limit)


def parse_commission(text: str) -> tuple[str | None, Commission | None]:
    """`<reseller|todos> <airtime %> <packages %>` or `<reseller> normal`: who (None for
    everyone) and the rates (None: back to the default)."""
    words = _words(text)
    if len(words) >= 2 and words[-1].lower() in _DEFAULT:
        who = " ".join(words[:-1])
        if who.lower() in _EVERYONE:
            raise DomainError("terms.commission.usage")
        return who, None
    if len(words) < 3:
        raise DomainError("terms.commission.usage")
    airtime, package = parse_percent(words[-2]), parse_percent(words[-1])
    for typed, value in ((words[-2], airtime), (words[-1], package)):
        if value is None:
            raise DomainError("terms.commission.percent", {"typed": typed[:20]})
    assert airtime is not None and package is not None  # noqa: S101 - checked just above
    who = " ".join(words[:-2])
    return (None if who.lower() in _EVERYONE else who), Commission(airtime, package)


def _limit(typed: str) -> int | None:
    if typed.lower() in _NONE:
        return None
    value = parse_pesos(typed)
    if value is None:
        raise DomainError("terms.limits.amount", {"typed": typed[:20]})
    return value


def parse_limits(text: str) -> tuple[str, Limits]:
    """`<reseller> <per sale> <per day>`, each an amount or `-`."""
    words = _words(text)
    if len(words) < 3:
        raise DomainError("terms.limits.usage")
    limits = Limits(_limit(words[-2]), _limit(words[-1]))
    if limits.per_sale and limits.per_day and limits.per_sale > limits.per_day:
        raise DomainError("terms.limits.order")
    return " ".join(words[:-2]), limits


@dataclass(frozen=True, slots=True)
class Changed:
    """A reseller's terms after an admin's change."""

    reseller: Reseller
    default: Commission


@dataclass(frozen=True, slots=True)
class DefaultChanged:
    """The commission of everyone without their own rate."""

    commission: Commission


@dataclass(frozen=True, slots=True)
class Overview:
    """/comision alone: the default and who has their own rate."""

    default: Commission
    own_rates: list[Reseller]
