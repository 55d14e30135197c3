"""The language each admin writes in, for what the bot tells them without being asked."""

from __future__ import annotations

from storage.db import Database
from storage.models import utcnow


class LanguageRepository:
    """Stored, and known in memory once read or written: an admin's every update asks to
    remember their language, and only a change costs a write."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._known: dict[int, str] = {}

    async def remember(self, user_id: int, lang: str) -> None:
        if self._known.get(user_id) == lang:
            return
        await self._db.execute(
            "INSERT INTO languages (user_id, lang, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, "
            "updated_at = excluded.updated_at",
            (user_id, lang, utcnow().isoformat()),
        )
        self._known[user_id] = lang

    async def of(self, user_id: int, default: str) -> str:
        """The language `user_id` last wrote in; `default` if they never wrote."""
        known = self._known.get(user_id)
        if known is not None:
            return known
        rows = await self._db.execute("SELECT lang FROM languages WHERE user_id = ?", (user_id,))
        if not rows:
            return default
        self._known[user_id] = lang = str(rows[0]["lang"])
        return lang
