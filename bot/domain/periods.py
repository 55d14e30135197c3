"""The periods people ask reports for, read from what they type (`/corte ayer`,
`/reporte 2026-11-01 2026-11-30`, `/grafica mes`) into whole local days.

A period is a run of whole days where the business is (`TIMEZONE`), first and last
included; its bounds in UTC are what the database compares with (`created_at` is UTC).

- words: `hoy`/`today`, `ayer`/`yesterday`, `semana`/`week` (Monday to today),
  `mes`/`month` (the 1st to today), `semana pasada`/`last week`, `mes pasado`/`last month`
- a day: `2026-12-01` or `01/12/2026` (day first, as in Mexico)
- a month: `2026-11`
- a range: two days, `<desde> <hasta>`, both included

What cannot be a period is a `DomainError` naming the message (`periods.*`): an unknown
word, a date that does not exist, a range that ends before it starts, a day still to
come, or more than a year of days.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain import DomainError

MAX_DAYS = 366  # "a range over a year" is refused; a leap year's whole year is not


class Named(StrEnum):
    """Periods with a name, so texts can say "hoy" rather than a date."""

    TODAY = "today"
    YESTERDAY = "yesterday"
    WEEK = "week"
    MONTH = "month"
    LAST_WEEK = "last_week"
    LAST_MONTH = "last_month"


_WORDS: dict[str, Named] = {
    "hoy": Named.TODAY,
    "today": Named.TODAY,
    "ayer": Named.YESTERDAY,
    "yesterday": Named.YESTERDAY,
    "semana": Named.WEEK,
    "week": Named.WEEK,
    "esta semana": Named.WEEK,
    "this week": Named.WEEK,
    "mes": Named.MONTH,
    "month": Named.MONTH,
    "este mes": Named.MONTH,
    "this month": Named.MONTH,
    "semana pasada": Named.LAST_WEEK,
    "last week": Named.LAST_WEEK,
    "mes pasado": Named.LAST_MONTH,
    "last month": Named.LAST_MONTH,
}

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MX_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, slots=True)
class Period:
    """Whole local days, `first` to `last` included."""

    first: date
    last: date
    named: Named | None = None

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def is_one_day(self) -> bool:
        return self.first == self.last

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) in UTC: the first day's local midnight to the midnight after the
        last day. Midnight in `zone` is found through the zone, so a change of offset on
        the way (daylight saving, where the zone has it) is counted right."""
        return day_start(self.first, zone), day_start(self.last + timedelta(days=1), zone)

    def each_day(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant `day` starts in `zone`."""
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)


def local_today(zone: ZoneInfo, now: datetime) -> date:
    return now.astimezone(zone).date()


def named_period(named: Named, today: date) -> Period:
    if named is Named.TODAY:
        return Period(today, today, named)
    if named is Named.YESTERDAY:
        yesterday = today - timedelta(days=1)
        return Period(yesterday, yesterday, named)
    if named is Named.WEEK:
        return Period(today - timedelta(days=today.weekday()), today, named)
    if named is Named.MONTH:
        return Period(today.replace(day=1), today, named)
    if named is Named.LAST_WEEK:
        monday = today - timedelta(days=today.weekday() + 7)
        return Period(monday, monday + timedelta(days=6), named)
    last = today.replace(day=1) - timedelta(days=1)
    return Period(last.replace(day=1), last, named)


def _month(typed: str) -> Period | None:
    match = _ISO_MONTH.match(typed)
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        raise DomainError("periods.bad_date", {"typed": typed})
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return Period(first, following - timedelta(days=1))


def parse_day(typed: str) -> date:
    """`2026-12-01` or `01/12/2026` (day first)."""
    iso, mx = _ISO_DAY.match(typed), _MX_DAY.match(typed)
    if iso is not None:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3])
    elif mx is not None:
        day, month, year = int(mx[1]), int(mx[2]), int(mx[3])
    else:
        raise DomainError("periods.unknown", {"typed": typed[:30]})
    try:
        return date(year, month, day)
    except ValueError:
        raise DomainError("periods.bad_date", {"typed": typed[:30]}) from None


def parse_period(text: str, today: date, *, default: Named = Named.TODAY) -> Period:
    """What `text` (the words after the command) asks for, as of local `today`."""
    cleaned = " ".join(text.split()).lower()
    if not cleaned:
        return named_period(default, today)
    if cleaned in _WORDS:
        return named_period(_WORDS[cleaned], today)
    words = cleaned.split(" ")
    if len(words) == 1:
        period = _month(words[0])
        if period is None:
            day = parse_day(words[0])
            period = Period(day, day)
        elif period.first <= today < period.last:
            period = Period(period.first, today)  # the month that runs, so far
    elif len(words) == 2:
        period = Period(parse_day(words[0]), parse_day(words[1]))
    else:
        raise DomainError("periods.unknown", {"typed": cleaned[:30]})
    return checked(period, today)


def checked(period: Period, today: date) -> Period:
    """`period` if it can be reported: in order, not to come, at most a year."""
    if period.last < period.first:
        raise DomainError(
            "periods.reversed",
            {"first": period.first.isoformat(), "last": period.last.isoformat()},
        )
    if period.first > today:
        raise DomainError("periods.future", {"typed": period.first.isoformat()})
    if period.last > today:
        raise DomainError("periods.future", {"typed": period.last.isoformat()})
    if period.days > MAX_DAYS:
        raise DomainError("periods.too_long", {"days": period.days, "max": MAX_DAYS})
    return period


def split_period(text: str, today: date) -> tuple[Period | None, str]:
    """A period typed before or after other words (a reseller's name: `/corte Lupita
    ayer`, `/exportar mes Lupita`), and those words. The period is the longest run of up
    to two words at the start, else at the end, that reads as one; None when none does
    (all the words are the name). A run shaped like a date that cannot be one (13/13/2026,
    a day to come, a reversed range) is that error, not part of a name."""
    words = text.split()
    for count in range(min(2, len(words)), 0, -1):
        for taken, rest in ((words[:count], words[count:]), (words[-count:], words[:-count])):
            try:
                period = parse_period(" ".join(taken), today)
            except DomainError as error:
                if error.key != "periods.unknown":
                    raise
                continue
            return period, " ".join(rest)
    return None, " ".join(words)


# How much of `created_at` (an ISO UTC string) one group of sums covers (reports, charts): an hour
# ('2026-12-05T10'), else a minute, else a second. An hour maps to one local day in a
# zone whose offsets are whole hours (Mexico's); a zone with :30 or :45 offsets needs
# minutes. Grouping by a prefix lets SQLite add sales up without a Python call per row.
GRAINS = (13, 16, 19)


def _instant(prefix: str) -> datetime:
    return datetime.fromisoformat(prefix + ":00:00"[: 19 - len(prefix)]).replace(tzinfo=UTC)


def local_days(prefixes: Iterable[str], zone: ZoneInfo, grain: int) -> dict[str, date] | None:
    """Each group's local day, or None if some group spans two local days at this grain
    (its zone's offset is not whole at it, or changes inside it): then ask again finer."""
    width = {13: timedelta(hours=1), 16: timedelta(minutes=1), 19: timedelta(seconds=1)}[grain]
    days: dict[str, date] = {}
    for prefix in prefixes:
        start = _instant(prefix)
        first = start.astimezone(zone).date()
        if (start + width - timedelta(microseconds=1)).astimezone(zone).date() != first:
            return None
        days[prefix] = first
    return days
