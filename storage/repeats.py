"""The repeat guard: the same top-up to the same number sold moments ago.

Providers block a repeat of the same phone, product and amount for a while, whoever
sells it; so does the bot, unless the reseller confirms it a second time. The check is
part of the reservation itself (its one statement, or its transaction when that placed
nothing), so two resellers cannot both slip past it.
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


# Draft `d`'s top-up (same phone, product and amount) sold within the window, as a
# condition on `purchases AS p`; its one parameter is `since()`. Both the one-statement
# reservation and the check below use it, so they never disagree on what a repeat is.
SOLD_RECENTLY = (
    "p.phone = d.phone AND p.product_id = d.product_id AND p.amount = d.amount "
    "AND p.created_at >= ? AND p.status IN ('sending', 'approved', 'pending')"
)


def since() -> str:
    """Where the repeat window starts now."""
    return (utcnow() - REPEAT_WINDOW).isoformat()


async def hold_back_repeat(conn: aiosqlite.Connection, draft: Any, now: str) -> Repeat | None:
    """A Repeat if the draft's top-up was approved, pending or in flight within the
    window; the draft then moves to a new version, the one the warning shows, so its own
    button confirms the repeat and the old summary's ✅ tapped again does nothing."""
    sql = f"SELECT p.* FROM drafts AS d JOIN purchases AS p ON {SOLD_RECENTLY}"  # noqa: S608 - constants
    cursor = await conn.execute(
        f"{sql} WHERE d.id = ? ORDER BY p.id DESC LIMIT 1",
        (since(), draft["id"]),
    )
    earlier = await cursor.fetchone()
    # The time its receipt carries (when the provider answered), so the two agree.
    made_at = (
        parse_ts(earlier["completed_at"] or earlier["created_at"]) if earlier is not None else None
    )
    if earlier is None or made_at is None:
        return None
    cursor = await conn.execute(
        "UPDATE drafts SET version = version + 1, updated_at = ? WHERE id = ? RETURNING *",
        (now, draft["id"]),
    )
    warned = await cursor.fetchone()
    return Repeat(Draft.from_row(warned), made_at, Status(earlier["status"]))
