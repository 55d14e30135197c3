"""/exportar's rules in plain Python: what the words after the command ask for, and how
each stored purchase and ledger movement becomes a row of cells a spreadsheet reads
right (see docs/EXPORTS.md).

- A period (bot/domain/periods.py, `mes` when none is typed: books are kept by the
  month) and then, optionally, a reseller: `/exportar`, `/exportar ayer`,
  `/exportar 2026-11-01 2026-11-15 Tienda Sol`, `/exportar mes pasado 12345`.
- Amounts are plain decimals with a point ("1234.50"): no currency sign, no thousands
  separator, so Excel (Mexico) and LibreOffice read numbers, not text.
- Times are local (`TIMEZONE`), a date and a time in columns of their own.
- Text that came from people (shop names, notes, names, references) never starts with
  `= + - @` (or a tab or carriage return): a spreadsheet would run it as a formula, and
  a shop named `=HYPERLINK(...)` attacks whoever opens the file. Such a cell gets a `'`
  in front, as OWASP advises.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

from bot.domain import DomainError
from bot.domain.periods import Named, Period, parse_period
from bot.domain.wallets import Reseller

DEFAULT_PERIOD = Named.MONTH
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportRefusal(StrEnum):
    NOT_YOURS = "not_yours"  # a reseller named someone else after a period
    UNKNOWN_OWN = "unknown_own"  # a reseller typed no period (nor themselves)
    UNKNOWN = "unknown"  # an admin typed neither a period nor a reseller
    BUSY = "busy"  # their previous export is still being written or sent


@dataclass(frozen=True, slots=True)
class Refused:
    """Nothing exported, and why; `typed` is what was not understood."""

    reason: ExportRefusal
    typed: str = ""


class Table(StrEnum):
    """The two files of an export."""

    PURCHASES = "purchases"
    LEDGER = "ledger"


@dataclass(frozen=True, slots=True)
class Scope:
    """What an export holds: a period's, of one reseller or (None) of everyone."""

    period: Period
    reseller_id: int | None
    label: str | None = None  # how the reader names that reseller: shop (id)

    @classmethod
    def of(cls, period: Period, reseller: Reseller | None) -> Scope:
        if reseller is None:
            return cls(period, None)
        return cls(period, reseller.user_id, reseller.label)


@dataclass(frozen=True, slots=True)
class Written:
    """One file to send: where it is, the name the reader sees, which part it is."""

    table: Table
    path: Path
    name: str
    part: int
    parts: int
    zipped: bool
    rows: int  # data rows in this file


@dataclass(frozen=True, slots=True)
class Exported:
    """The files of an export, purchases first; none when the scope holds nothing."""

    scope: Scope
    files: tuple[Written, ...]


@dataclass(frozen=True, slots=True)
class Asked:
    """What the words after /exportar ask for: a period, and who (words to resolve)."""

    period: Period
    who: str


def read_request(text: str, today: date) -> Asked | None:
    """The period the first words name (two words, else one) and the rest as who; None
    when the first words are no period at all (they may name a reseller alone). A date
    that cannot be (reversed, to come, over a year, no such day) is its DomainError."""
    words = text.split()
    if not words:
        return Asked(parse_period("", today, default=DEFAULT_PERIOD), "")
    for taken in (2, 1):
        if len(words) < taken:
            continue
        try:
            period = parse_period(" ".join(words[:taken]), today, default=DEFAULT_PERIOD)
        except DomainError as error:
            if error.key == "periods.unknown":
                continue
            raise
        return Asked(period, " ".join(words[taken:]))
    return None


def money(centavos: int) -> str:
    """ "1234.50", "-3.05": what a spreadsheet reads as a number in any locale."""
    sign = "-" if centavos < 0 else ""
    pesos, cents = divmod(abs(centavos), 100)
    return f"{sign}{pesos}.{cents:02d}"


def safe(value: object) -> str:
    """A text cell no spreadsheet runs as a formula; None is an empty cell."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def local(stamp: str | None, zone: ZoneInfo) -> tuple[str, str]:
    """A stored UTC `isoformat()` as the local date and time ("2026-12-05", "04:00:00")."""
    if not stamp:
        return "", ""
    moment = datetime.fromisoformat(stamp).astimezone(zone)
    return moment.date().isoformat(), moment.time().isoformat("seconds")


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


class PurchaseLine(NamedTuple):
    """One purchase as storage reads it for an export (storage/exports.py's columns)."""

    created_at: str
    folio: int
    reseller_id: int
    shop: str | None
    phone: str
    product_id: str
    face_pesos: int
    cost: int | None
    commission: int | None
    status: str
    transaction_id: str
    provider_transaction_id: str | None
    reference: str | None
    authorization: str | None
    settled_by_name: str | None
    settled_by: int | None
    settled_at: str | None


class LedgerLine(NamedTuple):
    """One ledger movement as storage reads it for an export."""

    created_at: str
    id: int
    reseller_id: int
    shop: str | None
    kind: str
    amount: int
    held: int
    balance_after: int
    held_after: int
    purchase_id: int | None
    deposit_id: int | None
    note: str | None
    actor_id: int | None


@dataclass(frozen=True, slots=True)
class Words:
    """The reader's words for statuses, kinds and products (bot/views/exports.py)."""

    statuses: Mapping[str, str]
    kinds: Mapping[str, str]
    products: Mapping[str, str]


def purchase_cells(line: PurchaseLine, words: Words, zone: ZoneInfo) -> list[str]:
    """A purchase's row. A sale without a cost (an admin's own, or one from before
    wallets) cost its face amount and earned no commission, as the reports count it."""
    day, time = local(line.created_at, zone)
    face = line.face_pesos * 100
    settled_day, settled_time = local(line.settled_at, zone)
    return [
        day,
        time,
        str(line.folio),
        str(line.reseller_id),
        safe(line.shop),
        safe(line.phone),
        safe(words.products.get(line.product_id, line.product_id)),
        money(face),
        money(face if line.cost is None else line.cost),
        money(0 if line.commission is None else line.commission),
        words.statuses.get(line.status, line.status),
        safe(line.transaction_id),
        safe(line.provider_transaction_id),
        safe(line.reference),
        safe(line.authorization),
        safe(line.settled_by_name),
        _number(line.settled_by),
        f"{settled_day} {settled_time}".strip(),
    ]


def ledger_cells(line: LedgerLine, words: Words, zone: ZoneInfo) -> list[str]:
    day, time = local(line.created_at, zone)
    return [
        day,
        time,
        str(line.id),
        str(line.reseller_id),
        safe(line.shop),
        words.kinds.get(line.kind, line.kind),
        money(line.amount),
        money(line.held),
        money(line.balance_after),
        money(line.held_after),
        _number(line.purchase_id),
        _number(line.deposit_id),
        safe(line.note),
        _number(line.actor_id),
    ]
