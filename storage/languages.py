"""The language each admin last wrote in, for what the bot tells them unasked."""

from __future__ import annotations

from bot.domain.clock import utcnow
from storage.db import Database


class LanguageRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def remember(self, user_id: int, lang: str) -> None:
        await self._db.write(
            lambda conn: conn.execute(
                "INSERT INTO languages (user_id, lang, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, "
                "updated_at = excluded.updated_at",
                (user_id, lang, utcnow().isoformat()),
            )
        )

    async def of(self, user_id: int) -> str | None:
        """The language `user_id` last wrote in; None if they never wrote."""
        found = await self._db.read("SELECT lang FROM languages WHERE user_id = ?", (user_id,))
        return str(found[0]["lang"]) if found else None
