"""Copies of the database file: taken while the bot runs, checked, and put back.

A copy is taken with SQLite's online backup API from a connection of its own: one read
transaction, so it is the database as of one commit, whatever the bot writes meanwhile
(in WAL mode readers never block writers, nor writers them). The copy is a single
self-contained file (rollback journal, no `-wal` beside it), checked with
`PRAGMA integrity_check` before it gets its final name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from storage.db import migrations
from storage.writer import sync_file

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every database of this bot has had since its first migration.
REQUIRED_TABLES = frozenset({"purchases", "drafts"})


class CopyError(Exception):
    """A copy cannot be taken, checked or put back; the message says what to fix."""


@dataclass(frozen=True)
class CopyReport:
    """What a checked copy holds."""

    schema_version: int
    purchases: int


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def latest_schema_version() -> int:
    """The schema version this code's migrations lead to."""
    return max(version for version, _ in migrations())


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


@contextlib.contextmanager
def _cleaned_up(path: Path) -> Iterator[None]:
    """Removes `path` unless the block completes: a failure leaves nothing behind."""
    try:
        yield
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def copy_database(source: Path, target: Path) -> CopyReport:
    """A consistent copy of `source` (in use or not) as the new file `target`."""
    if not source.is_file():
        raise CopyError(f"there is no database at {source}: check DATABASE_PATH")
    if target.exists():
        raise CopyError(f"{target} already exists: give a new file name")
    partial = _partial(target)
    try:
        partial.unlink(missing_ok=True)  # a leftover of a copy killed half-way
        partial.touch()
    except OSError as exc:
        raise CopyError(
            f"cannot write in {target.parent} ({exc.strerror}): make that folder writable "
            "or choose another"
        ) from None
    with _cleaned_up(partial):
        try:
            live, copy = sqlite3.connect(source, timeout=30), sqlite3.connect(partial)
            with closing(live), closing(copy):
                live.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as exc:
            raise CopyError(f"copying {source} failed: {exc}") from None
        report = check_copy(partial)
        sync_file(partial)
        os.replace(partial, target)
        sync_file(target.parent)
    return report


def check_copy(path: Path) -> CopyReport:
    """A copy fit to be put back: a SQLite file of this bot, whole, no newer than the code."""
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise CopyError(f"there is no file at {path}") from None
    except OSError as exc:
        raise CopyError(f"cannot read {path} ({exc.strerror})") from None
    if header != SQLITE_HEADER:
        raise CopyError(f"{path} is not a SQLite database: give a copy made by `backup`")
    try:
        with closing(_read_only(path)) as copy:
            problems = [str(row[0]) for row in copy.execute("PRAGMA integrity_check")]
            version = int(copy.execute("PRAGMA user_version").fetchone()[0])
            tables = {str(row[0]) for row in copy.execute("SELECT name FROM sqlite_master")}
            purchases = (
                int(copy.execute("SELECT count(*) FROM purchases").fetchone()[0])
                if tables >= REQUIRED_TABLES
                else 0
            )
    except sqlite3.DatabaseError as exc:
        raise CopyError(f"{path} is damaged ({exc}): use another copy") from None
    if problems != ["ok"]:
        raise CopyError(f"{path} is damaged ({'; '.join(problems[:3])}): use another copy")
    if not tables >= REQUIRED_TABLES:
        raise CopyError(f"{path} is a SQLite file but not this bot's database")
    latest = latest_schema_version()
    if version > latest:
        raise CopyError(
            f"{path} has schema version {version}, newer than this code's {latest}: "
            "restore it with the version of the bot that made it, or a newer one"
        )
    return CopyReport(schema_version=version, purchases=purchases)


def in_use(database: Path) -> bool:
    """Whether another connection has `database` open (a running bot does, from start to
    stop): an exclusive lock is refused while one does. Takes the lock for a moment."""
    if not database.exists():
        return False
    with closing(sqlite3.connect(database, timeout=0, isolation_level=None)) as probe:
        try:
            probe.execute("PRAGMA locking_mode = EXCLUSIVE")
            probe.execute("BEGIN EXCLUSIVE")
            probe.execute("SELECT count(*) FROM sqlite_master").fetchall()
            probe.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return True
            raise
    return False


def put_back(copy: Path, database: Path) -> None:
    """Make a checked copy of `copy` the database at `database` (which nothing may have
    open). The copy lands under a temporary name first; only the final rename touches
    the database, and its stale `-wal` and `-shm` go just before, so SQLite never
    replays an old log onto the new file."""
    staged = _partial(database)
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        staged.unlink(missing_ok=True)
    except OSError as exc:
        raise CopyError(f"cannot write in {database.parent} ({exc.strerror})") from None
    with _cleaned_up(staged):
        with closing(_read_only(copy)) as source, closing(sqlite3.connect(staged)) as new:
            source.backup(new)
        check_copy(staged)
        sync_file(staged)
        for sidecar in ("-wal", "-shm"):
            database.with_name(database.name + sidecar).unlink(missing_ok=True)
        os.replace(staged, database)
        sync_file(database.parent)
