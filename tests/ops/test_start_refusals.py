"""`python -m bot` refuses to start on bad input: one line naming what to fix, exit 2,
and nothing changed (no file created, none modified).

Every case would otherwise go on to Telegram; the API URL points at a closed port, so a
check that wrongly passed fails the test instead of reaching anything.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from storage.guard import DatabaseLock, latest_version
from tests.commands import run_module
from tests.ops.test_guard import files, make_database

TOKEN = "1000000001:not-a-real-token-for-these-tests"


def start(folder: Path, database: Path, *, as_unprivileged: bool = False, **env: str) -> str:
    """Start the bot in sandbox mode on `database`; returns its one line of complaint."""
    values = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9/bot",
        "LATCOM_MODE": "sandbox",
        "DATABASE_PATH": str(database),
        "ADMIN_IDS": "1",
    } | env
    before = files(folder)
    result = run_module("bot", [], folder, as_unprivileged=as_unprivileged, **values)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert files(folder) == before
    return lines[0]


def test_a_bot_token_without_credentials_or_mode_refuses_the_sandbox(tmp_path: Path) -> None:
    said = start(tmp_path, tmp_path / "topup.sqlite3", LATCOM_MODE="")
    assert "LATCOM_MODE=sandbox" in said
    assert "LATCOM_CUSTOMER_ID and LATCOM_SECRET_KEY" in said


def test_live_mode_without_credentials_names_the_missing_ones(tmp_path: Path) -> None:
    said = start(tmp_path, tmp_path / "db", LATCOM_MODE="live", LATCOM_CUSTOMER_ID="acme")
    assert "LATCOM_MODE=live" in said
    assert "set LATCOM_SECRET_KEY" in said
    assert "LATCOM_CUSTOMER_ID and" not in said


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("LATCOM_MODE", "production"),
        ("SHUTDOWN_GRACE_SECONDS", "soon"),
        ("SHUTDOWN_GRACE_SECONDS", "-5"),
    ],
)
def test_a_malformed_setting_names_the_variable(tmp_path: Path, name: str, value: str) -> None:
    said = start(tmp_path, tmp_path / "topup.sqlite3", as_unprivileged=False, **{name: value})
    assert said.startswith("Configuration error:")
    assert name in said


def test_a_missing_folder_says_to_mount_the_volume(tmp_path: Path) -> None:
    said = start(tmp_path, tmp_path / "volume" / "topup.sqlite3")
    assert "does not exist: create it, or mount the persistent volume" in said
    assert not (tmp_path / "volume").exists()


def test_a_schema_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    make_database(database, latest_version())
    with closing(sqlite3.connect(database)) as db:
        db.execute(f"PRAGMA user_version = {latest_version() + 3}")
    said = start(tmp_path, database)
    assert f"schema version {latest_version() + 3}" in said
    assert "restore a backup taken before the upgrade" in said


def test_a_database_in_use_is_refused_naming_the_process(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    lock = DatabaseLock.acquire(database)
    try:
        said = start(tmp_path, database)
    finally:
        lock.release()
    assert f"in use by process {os.getpid()} on " in said


def test_a_damaged_database_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    database.write_bytes(b"\x00garbage" * 4096)
    said = start(tmp_path, database)
    assert "cannot be read as SQLite" in said and "restore it from a backup" in said


def test_a_read_only_database_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    make_database(database, latest_version())
    database.chmod(0o444)
    said = start(tmp_path, database, as_unprivileged=True)
    assert "is read-only: give the bot's user write access" in said


def test_an_unreadable_database_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    make_database(database, latest_version())
    database.chmod(0o200)
    said = start(tmp_path, database, as_unprivileged=True)
    assert "is not readable" in said


def test_a_folder_the_bot_cannot_write_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "volume"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        said = start(folder, folder / "topup.sqlite3", as_unprivileged=True)
    finally:
        folder.chmod(0o755)
    assert "is not writable: give the bot's user write access" in said
