"""The repeat guard: the same top-up to the same number sold moments ago.

Providers block a repeat of the same phone, product and amount for a while, whoever
sells it; so does the bot, unless the reseller confirms it a second time. The check runs
inside the caller's reserve transaction, so two resellers cannot both slip past it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import aiosqlite

from storage.models import Draft, Status, parse_ts, utcnow

REPEAT_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class Repeat:
    """Nothing placed: the same top-up was sold (or is in flight) moments ago."""

    draft: Draft
    earlier_at: datetime
    earlier_status: Status


async def hold_back_repeat(conn: aiosqlite.Connection, draft: Any, now: str) -> Repeat | None:
    """A Repeat if the draft's top-up was approved, pending or in flight within the
    window; the draft then moves to a new version, the one the warning shows, so its own
    button confirms the repeat and the old summary's ✅ tapped again does nothing."""
    cursor = await conn.execute(
        "SELECT created_at, status FROM purchases "
        "WHERE phone = ? AND product_id = ? AND amount = ? AND created_at >= ? "
        "AND status IN ('sending', 'approved', 'pending') ORDER BY id DESC LIMIT 1",
        (
            draft["phone"],
            draft["product_id"],
            draft["amount"],
            (utcnow() - REPEAT_WINDOW).isoformat(),
        ),
    )
    earlier = await cursor.fetchone()
    made_at = parse_ts(earlier["created_at"]) if earlier is not None else None
    if earlier is None or made_at is None:
        return None
    cursor = await conn.execute(
        "UPDATE drafts SET version = version + 1, updated_at = ? WHERE id = ? RETURNING *",
        (now, draft["id"]),
    )
    warned = await cursor.fetchone()
    return Repeat(Draft.from_row(warned), made_at, Status(earlier["status"]))
