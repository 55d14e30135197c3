"""Admins' languages: the last one they wrote in, kept across restarts; Spanish for an
admin who never wrote."""

from __future__ import annotations

from pathlib import Path

from bot.usecases.people import People
from storage.customers import CustomerRepository
from storage.db import Database
from storage.languages import LanguageRepository


def _people(database: Database) -> People:
    languages = LanguageRepository(database)
    return People(frozenset({1, 2}), CustomerRepository(database), languages)


async def test_the_language_last_written_in_is_kept_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "topup.sqlite3"
    database = await Database.open(path)
    try:
        people = _people(database)
        assert await people.language_of(1) == "es"  # never wrote: Spanish
        await people.note_language(1, "en")
        await people.note_language(2, "es")
        await people.note_language(3, "en")  # no admin: nobody tells them things unasked
        assert await people.language_of(1) == "en"
    finally:
        await database.close()

    database = await Database.open(path)
    try:
        reopened = _people(database)
        assert await reopened.language_of(1) == "en"
        assert await reopened.language_of(2) == "es"
        assert await LanguageRepository(database).of(3) is None
        await reopened.note_language(1, "es")  # wrote in Spanish again
        assert await LanguageRepository(database).of(1) == "es"
    finally:
        await database.close()
