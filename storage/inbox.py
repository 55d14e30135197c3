"""The update inbox: updates fetched from Telegram and not handled yet."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from bot.domain.clock import utcnow
from storage.db import Database


class InboxRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def keep(self, updates: Sequence[tuple[int, str]]) -> None:
        """Store a batch of (update_id, JSON) in one transaction, on the disk before this
        returns; an update kept already stays as it is."""
        received_at = utcnow().isoformat()
        rows = [(update_id, payload, received_at) for update_id, payload in updates]
        await self._db.write(
            lambda conn: conn.executemany(
                "INSERT INTO update_inbox (update_id, payload, received_at) VALUES (?, ?, ?) "
                "ON CONFLICT (update_id) DO NOTHING",
                rows,
            ),
            durable=True,
        )

    async def waiting(self) -> list[str]:
        """Every update kept and not handled, as JSON, oldest first."""
        found = await self._db.read("SELECT payload FROM update_inbox ORDER BY update_id")
        return [str(row[0]) for row in found]

    async def handled(self, update_ids: Iterable[int]) -> None:
        """Take handled updates out of the inbox, in one statement however many."""
        handled = json.dumps(list(update_ids))
        await self._db.write(
            lambda conn: conn.execute(
                "DELETE FROM update_inbox WHERE update_id IN (SELECT value FROM json_each(?))",
                (handled,),
            )
        )
