"""The one clock every rule reads: aware UTC datetimes, never the server's local time."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo


def utcnow() -> datetime:
    return datetime.now(UTC)


def start_of_day(zone: ZoneInfo, now: datetime | None = None) -> datetime:
    """The start of `now`'s day (today) where the business is (`zone`), in UTC."""
    local = (now or utcnow()).astimezone(zone)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
