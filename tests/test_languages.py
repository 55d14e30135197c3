"""Admins' languages in storage: the last one they wrote in, across restarts."""

from __future__ import annotations

from pathlib import Path

from storage.db import Database
from storage.languages import LanguageRepository


async def test_the_language_last_written_in_is_kept_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "topup.sqlite3"
    database = await Database.open(path)
    try:
        languages = LanguageRepository(database)
        assert await languages.of(1, "es") == "es"  # never wrote: the default
        await languages.remember(1, "en")
        await languages.remember(2, "es")
        await languages.remember(1, "en")
        assert await languages.of(1, "es") == "en"
    finally:
        await database.close()

    database = await Database.open(path)
    try:
        reopened = LanguageRepository(database)
        assert await reopened.of(1, "es") == "en"
        assert await reopened.of(2, "en") == "es"
        await reopened.remember(1, "es")  # wrote in Spanish again
        assert await LanguageRepository(database).of(1, "en") == "es"
    finally:
        await database.close()
