"""`backup` and `restore` given something wrong: one line naming what to fix, a non-zero
exit, and the database and the folders exactly as they were."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from storage.backup import latest_schema_version
from storage.db import Database
from tests.commands import run_module


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database of this bot with one row in it, closed."""
    path = tmp_path / "data" / "bot.sqlite3"

    async def make() -> None:
        database = await Database.open(path)
        await database.write(lambda c: c.execute("INSERT INTO languages VALUES (7, 'en', 'now')"))
        await database.close()

    asyncio.run(make())
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def bot_command(tmp_path: Path, database: Path, *args: str, **env: str) -> tuple[int, str]:
    result = run_module(
        "bot", list(args), tmp_path, as_unprivileged=False, DATABASE_PATH=str(database), **env
    )
    assert result.stdout == "" or result.returncode == 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) <= 1, result.stderr
    return result.returncode, lines[0] if lines else ""


def a_copy(database: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.sqlite3"
    code, message = bot_command(tmp_path, database, "backup", str(copy))
    assert code == 0, message
    return copy


def test_backup_without_a_place_names_backup_dir(tmp_path: Path, database: Path) -> None:
    code, message = bot_command(tmp_path, database, "backup")
    assert code == 1
    assert "BACKUP_DIR" in message and "PATH" in message


def test_backup_of_a_missing_database_names_database_path(tmp_path: Path) -> None:
    code, message = bot_command(tmp_path, tmp_path / "none.sqlite3", "backup", "x.sqlite3")
    assert code == 1
    assert "DATABASE_PATH" in message
    assert not (tmp_path / "none.sqlite3").exists() and not (tmp_path / "x.sqlite3").exists()


def test_backup_never_overwrites(tmp_path: Path, database: Path) -> None:
    existing = tmp_path / "existing.sqlite3"
    existing.write_bytes(b"keep me")
    code, message = bot_command(tmp_path, database, "backup", str(existing))
    assert code == 1
    assert "already exists" in message
    assert existing.read_bytes() == b"keep me"


@pytest.mark.parametrize("place", ["a-file", "missing/folder/copy.sqlite3"])
def test_backup_to_a_folder_it_cannot_write_names_it(
    tmp_path: Path, database: Path, place: str
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    before = snapshot(tmp_path)
    if place == "a-file":  # BACKUP_DIR pointing at a file
        code, message = bot_command(tmp_path, database, "backup", BACKUP_DIR=place)
    else:
        code, message = bot_command(tmp_path, database, "backup", place)
    assert code == 1
    assert message.startswith("Backup failed: cannot ")
    assert str(Path(place).parent if "/" in place else place) in message
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("name", "value"), [("BACKUP_KEEP", "0"), ("BACKUP_KEEP", "many"), ("BACKUP_AT", "25:00")]
)
def test_malformed_backup_settings_name_the_variable(
    tmp_path: Path, database: Path, name: str, value: str
) -> None:
    code, message = bot_command(tmp_path, database, "backup", "x.sqlite3", **{name: value})
    assert code == 2
    assert message.startswith("Configuration error: ") and name in message
    assert not (tmp_path / "x.sqlite3").exists()


def corrupt(copy: Path) -> None:
    data = bytearray(copy.read_bytes())
    page = 4096
    data[page + 8 : page * 3] = b"\xa5" * (page * 2 - 8)  # the second and third pages
    copy.write_bytes(bytes(data))


def newer(copy: Path) -> None:
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute(f"PRAGMA user_version = {latest_schema_version() + 1}")


def not_ours(copy: Path) -> None:
    copy.unlink()
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("CREATE TABLE notes (text)")


@pytest.mark.parametrize(
    ("spoil", "expected"),
    [
        (lambda copy: copy.unlink(), "there is no file at"),
        (lambda copy: copy.write_text("id,phone\n1,555\n"), "is not a SQLite database"),
        (corrupt, "is damaged"),
        (newer, f"newer than this code's {latest_schema_version()}"),
        (not_ours, "not this bot's database"),
    ],
    ids=["missing", "not-sqlite", "corrupt", "newer-schema", "another-database"],
)
def test_restore_of_a_bad_copy_changes_nothing(
    tmp_path: Path, database: Path, spoil: object, expected: str
) -> None:
    copy = a_copy(database, tmp_path)
    assert callable(spoil)
    spoil(copy)
    before = snapshot(database.parent)

    code, message = bot_command(tmp_path, database, "restore", str(copy))

    assert code == 1
    assert message.startswith("Restore failed: ") and expected in message
    assert snapshot(database.parent) == before


def test_restore_keeps_the_database_it_replaces(tmp_path: Path, database: Path) -> None:
    copy = a_copy(database, tmp_path)
    with closing(sqlite3.connect(database)) as conn, conn:
        conn.execute("INSERT INTO languages VALUES (8, 'es', 'now')")

    result = run_module("bot", ["restore", str(copy)], tmp_path, DATABASE_PATH=str(database))

    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(database)) as conn:
        assert list(conn.execute("SELECT user_id FROM languages")) == [(7,)]
    [kept] = database.parent.glob("bot.sqlite3.before-restore-*")
    assert f"kept at {kept}" in result.stdout
    with closing(sqlite3.connect(kept)) as conn:
        assert list(conn.execute("SELECT user_id FROM languages ORDER BY 1")) == [(7,), (8,)]
