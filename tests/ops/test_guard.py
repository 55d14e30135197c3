"""The database's checks and lock (storage/guard.py) on real SQLite files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from storage.db import Database, migrations
from storage.guard import (
    DatabaseInUseError,
    DatabaseLock,
    DatabaseUnusableError,
    bot_running_on,
    latest_version,
    prepare,
)
from tests.commands import REPO


def make_database(path: Path, version: int) -> None:
    """A database as the code of schema `version` left it, with one row of data."""
    with closing(sqlite3.connect(path)) as db:
        for number, script in migrations():
            if number <= version:
                db.executescript(script)
        db.execute(f"PRAGMA user_version = {version}")
        db.commit()


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_second_process_on_the_database_is_refused_naming_the_first(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    first = prepare(database)
    try:
        with pytest.raises(DatabaseInUseError, match=f"process {os.getpid()} on ") as refused:
            prepare(database)
        assert "stop that one first" in str(refused.value)
        holder = bot_running_on(database)
        assert holder is not None and holder.pid == str(os.getpid())
    finally:
        first.lock.release()
    assert bot_running_on(database) is None
    prepare(database).lock.release()


def test_a_crashed_process_leaves_no_stale_lock(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    holding = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from storage.guard import DatabaseLock\n"
        "lock = DatabaseLock.acquire(Path(sys.argv[1]))\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    with subprocess.Popen(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", holding, str(database)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "locked"
        holder = bot_running_on(database)
        assert holder is not None and holder.pid == str(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert bot_running_on(database) is None
    DatabaseLock.acquire(database).release()


def test_a_schema_newer_than_the_code_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    make_database(database, latest_version())
    with closing(sqlite3.connect(database)) as db:
        db.execute(f"PRAGMA user_version = {latest_version() + 1}")
    before = files(tmp_path)
    with pytest.raises(DatabaseUnusableError, match="newer than this version of the bot knows"):
        prepare(database)
    assert files(tmp_path) == before  # no lock file, no copy, nothing migrated


def test_a_damaged_file_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    database.write_bytes(b"this is not a database, whatever its name says" * 100)
    with pytest.raises(DatabaseUnusableError, match="restore it from a backup"):
        prepare(database)


def test_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    database = tmp_path / "volume" / "topup.sqlite3"
    with pytest.raises(DatabaseUnusableError, match="does not exist: create it, or mount"):
        prepare(database)
    assert not database.parent.exists()


async def test_a_copy_is_taken_before_migrations_run(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    old = latest_version() - 1
    make_database(database, old)
    prepared = prepare(database)
    try:
        assert prepared.version == old
        assert prepared.backup is not None
        assert prepared.backup.parent == tmp_path
        assert prepared.backup.name.startswith(f"topup.sqlite3.v{old:04d}-")
        opened = await Database.open(database)
        await opened.close()
    finally:
        prepared.lock.release()
    with closing(sqlite3.connect(prepared.backup)) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == old
    with closing(sqlite3.connect(database)) as migrated:
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == latest_version()


def test_no_copy_of_a_new_or_current_database(tmp_path: Path) -> None:
    database = tmp_path / "topup.sqlite3"
    prepared = prepare(database)
    prepared.lock.release()
    assert prepared.backup is None and prepared.version == 0
    make_database(database, latest_version())
    prepared = prepare(database)
    prepared.lock.release()
    assert prepared.backup is None
    assert not list(tmp_path.glob("*.bak"))
