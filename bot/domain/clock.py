"""The one clock every rule reads: aware UTC datetimes, never the server's local time."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
