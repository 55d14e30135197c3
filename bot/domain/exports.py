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
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.periods import Named, Period, parse_period, split_period
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
    """The period typed before or after the other words, which name who
    (`periods.split_period`); None when no words are a period (they may name a reseller
    alone). Nothing typed is the default period."""
    if not text.split():
        return Asked(parse_period("", today, default=DEFAULT_PERIOD), "")
    period, who = split_period(text, today)
    return None if period is None else Asked(period, who)


@lru_cache(maxsize=4096)  # a million rows hold few different amounts
def money(centavos: int) -> str:
    """ "1234.50", "-3.05": what a spreadsheet reads as a number in any locale."""
    if centavos >= 0:
        pesos, cents = divmod(centavos, 100)
        return f"{pesos}.{cents:02d}"
    pesos, cents = divmod(-centavos, 100)
    return f"-{pesos}.{cents:02d}"


def safe(text: str | None) -> str:
    """A text cell no spreadsheet runs as a formula; None is an empty cell."""
    if text is None:
        return ""
    return "'" + text if text[:1] in _FORMULA_STARTS else text


class LocalTimes:
    """Stored UTC stamps (`isoformat()`) as local dates and times ("2026-12-05",
    "04:00:00"). A million rows are a million conversions: each UTC hour's local date
    and hour are worked out once, and a row takes its minutes and seconds as they are.
    An hour that is not one local hour (the offset changes in it, or is not whole hours)
    is converted row by row."""

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone
        self._hours: dict[str, tuple[str, str] | None] = {}

    def __call__(self, stamp: str | None) -> tuple[str, str]:
        if not stamp:
            return "", ""
        hour = self._hour(stamp[:13]) if stamp.endswith("+00:00") else None
        if hour is None:
            moment = datetime.fromisoformat(stamp).astimezone(self._zone)
            return moment.date().isoformat(), moment.time().isoformat("seconds")
        return hour[0], hour[1] + stamp[13:19]

    def stamp(self, stamp: str | None) -> str:
        """One cell: "2026-12-05 04:00:00", or empty."""
        day, time = self(stamp)
        return f"{day} {time}" if day else ""

    def _hour(self, hour: str) -> tuple[str, str] | None:
        """The local date and hour of UTC `hour` ("2026-12-05T10"), if it is one."""
        if hour not in self._hours:
            start = datetime.fromisoformat(f"{hour}:00:00+00:00")
            first = start.astimezone(self._zone)
            last = (start + timedelta(minutes=59, seconds=59)).astimezone(self._zone)
            offset = first.utcoffset()
            whole = offset is not None and offset % timedelta(hours=1) == timedelta(0)
            same = whole and offset == last.utcoffset()
            self._hours[hour] = (first.date().isoformat(), f"{first.hour:02d}") if same else None
        return self._hours[hour]


# One purchase as storage reads it for an export (storage/exports.py's columns):
# created_at, folio, reseller id, shop, phone, product id, face amount in pesos, cost,
# commission, status, our transaction id, the provider's, reference, authorization,
# settled by (name, id), settled at.
PurchaseRow = tuple[
    str, int, int, str | None, str, str, int, int | None, int | None, str, str,
    str | None, str | None, str | None, str | None, int | None, str | None,
]  # fmt: skip
# One ledger movement: created_at, id, reseller id, shop, kind, amount, held, balance
# after, held after, folio, deposit id, note, who.
LedgerRow = tuple[
    str, int, int, str | None, str, int, int, int, int, int | None, int | None,
    str | None, int | None,
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Words:
    """The reader's words for statuses, kinds and products (bot/views/exports.py)."""

    statuses: Mapping[str, str]
    kinds: Mapping[str, str]
    products: Mapping[str, str]


# Cells are what csv.writer takes: text, or an int or None it writes as "12" or "".
Cell = str | int | None


def purchase_cells(row: PurchaseRow, words: Words, times: LocalTimes) -> list[Cell]:
    """A purchase's row. A sale without a cost (an admin's own, or one from before
    wallets) cost its face amount and earned no commission, as the reports count it.
    The phone (ten digits) and our transaction id are the bot's own, never formulas."""
    (created_at, folio, reseller_id, shop, phone, product_id, face, cost, commission, status,
     transaction_id, provider_id, reference, authorization, settler, settled_by,
     settled_at) = row  # fmt: skip
    day, time = times(created_at)
    return [
        day,
        time,
        folio,
        reseller_id,
        safe(shop),
        phone,
        words.products.get(product_id) or safe(product_id),
        f"{face}.00",
        money(face * 100 if cost is None else cost),
        money(commission or 0),
        words.statuses.get(status) or safe(status),
        transaction_id,
        safe(provider_id),
        safe(reference),
        safe(authorization),
        safe(settler),
        settled_by,
        times.stamp(settled_at) if settled_at else "",
    ]


def ledger_cells(row: LedgerRow, words: Words, times: LocalTimes) -> list[Cell]:
    (created_at, movement, reseller_id, shop, kind, amount, held, balance_after, held_after,
     purchase_id, deposit_id, note, actor_id) = row  # fmt: skip
    day, time = times(created_at)
    return [
        day,
        time,
        movement,
        reseller_id,
        safe(shop),
        words.kinds.get(kind) or safe(kind),
        money(amount),
        money(held),
        money(balance_after),
        money(held_after),
        purchase_id,
        deposit_id,
        safe(note),
        actor_id,
    ]
