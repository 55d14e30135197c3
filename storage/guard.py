"""Before a process opens the database: the checks that keep its data, and the lock that
keeps it one process's.

A platform that wipes its container's disk, a volume that is not mounted, a file made
read-only, a disk that lies about syncing, a file damaged on disk, a schema written by a
newer version of the bot (after a rollback), or a second process on the same file (an
overlapping deploy, whose start-up recovery would mark the first one's purchase in
flight as pending): each of these stops the start with one message naming what to fix,
before anything is changed.

The lock is an `fcntl.flock` on `<database>.lock`, held for the life of the process: the
kernel releases it when the process ends, however it ends, so a crash never leaves a
stale lock behind. The file's text only says who holds it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from storage.db import migrations


class DatabaseUnusableError(Exception):
    """The database cannot be used as it is; the message says what to fix."""


class DatabaseInUseError(DatabaseUnusableError):
    """Another process holds the database's lock."""


def latest_version() -> int:
    """The schema version this code migrates a database to."""
    return max((version for version, _ in migrations()), default=0)


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds a database's lock, as its lock file says."""

    pid: str
    host: str
    started: str

    def describe(self) -> str:
        return f"process {self.pid} on {self.host}, started {self.started}"

    @classmethod
    def read(cls, text: str) -> LockHolder:
        fields = dict(
            line.split("=", 1) for line in text.splitlines() if "=" in line and line.strip()
        )
        return cls(fields.get("pid", "?"), fields.get("host", "?"), fields.get("started", "?"))


def _holder_text() -> str:
    started = datetime.now(UTC).isoformat(timespec="seconds")
    return f"pid={os.getpid()}\nhost={socket.gethostname()}\nstarted={started}\n"


def _try_lock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def bot_running_on(database: Path) -> LockHolder | None:
    """Who runs on `database` now (a bot or the console), or None if nothing does.

    Only looks: it takes no lock that outlives the call and creates no file, so a
    command that must not run alongside the bot (a restore) can ask, and a preflight
    can ask while the bot runs.
    """
    path = lock_path(Path(database))
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        if _try_lock(descriptor):
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            return None
        return LockHolder.read(path.read_text(encoding="utf-8", errors="replace"))
    finally:
        os.close(descriptor)


class DatabaseLock:
    """The database's lock, held by this process until `release` or its end."""

    def __init__(self, path: Path, descriptor: int, created: bool) -> None:
        self.path = path
        self._descriptor: int | None = descriptor
        self._created = created

    @classmethod
    def acquire(cls, database: Path) -> DatabaseLock:
        path = lock_path(database)
        created = not path.exists()
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise DatabaseUnusableError(
                f"cannot create the lock file {path}: {exc.strerror}. "
                "Make the database's folder writable by the user the bot runs as."
            ) from None
        if not _try_lock(descriptor):
            os.close(descriptor)
            holder = LockHolder.read(path.read_text(encoding="utf-8", errors="replace"))
            raise DatabaseInUseError(
                f"the database {database} is in use by {holder.describe()} ({path}). "
                "Only one bot (or console) may run on a database: stop that one first, "
                "or point DATABASE_PATH elsewhere."
            )
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, _holder_text().encode(), 0)
        return cls(path, descriptor, created)

    def release(self, *, remove: bool = False) -> None:
        """Let go; `remove` also deletes the lock file if this process created it (a
        start that was refused leaves nothing behind)."""
        if self._descriptor is None:
            return
        if remove and self._created:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        else:
            os.ftruncate(self._descriptor, 0)
        os.close(self._descriptor)
        self._descriptor = None


def check_folder(database: Path) -> None:
    """The folder exists (a volume that is not mounted is a missing folder) and the
    bot's user may create files in it (SQLite's log and the lock live beside the file)."""
    folder = database.parent
    if not folder.exists():
        raise DatabaseUnusableError(
            f"the database's folder {folder} does not exist: create it, or mount the "
            "persistent volume there (DATABASE_PATH must be on a disk that survives "
            "redeploys)"
        )
    if not folder.is_dir():
        raise DatabaseUnusableError(f"{folder} (the folder of DATABASE_PATH) is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseUnusableError(
            f"the database's folder {folder} is not writable: give the bot's user write "
            "access to it"
        )


def check_file(database: Path) -> None:
    """An existing database is a file this process may read and write."""
    if not database.exists():
        return
    if not database.is_file():
        raise DatabaseUnusableError(f"DATABASE_PATH {database} is not a file")
    if not os.access(database, os.R_OK):
        raise DatabaseUnusableError(
            f"the database {database} is not readable: give the bot's user read and "
            "write access to it"
        )
    if not os.access(database, os.W_OK):
        raise DatabaseUnusableError(
            f"the database {database} is read-only: give the bot's user write access to it"
        )


def probe_sync(folder: Path) -> None:
    """A file written, synced and removed in `folder`: the disk takes writes and syncs
    (a read-only or full disk fails here, not in the middle of a purchase)."""
    probe = folder / f".write-probe-{os.getpid()}"
    try:
        descriptor = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(descriptor, b"probe")
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        probe.unlink()
        with _opened(folder) as directory:
            os.fsync(directory)
    except OSError as exc:
        with contextlib.suppress(OSError):
            probe.unlink()
        raise DatabaseUnusableError(
            f"writing to {folder} failed ({exc.strerror}): the database's disk must take "
            "writes and sync them"
        ) from None


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[int]:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def schema_version(database: Path) -> int:
    """The file's schema version after `PRAGMA quick_check` passes; 0 for a new one.
    Read-only: safe while a bot runs on it."""
    if not database.exists() or database.stat().st_size == 0:
        return 0
    try:
        with closing(sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)) as db:
            problems = [row[0] for row in db.execute("PRAGMA quick_check")]
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnusableError(
            f"the database {database} cannot be read as SQLite ({exc}): restore it from a backup"
        ) from None
    if problems != ["ok"]:
        raise DatabaseUnusableError(
            f"the database {database} is damaged (PRAGMA quick_check: "
            f"{'; '.join(problems[:3])}): restore it from a backup"
        )
    latest = latest_version()
    if version > latest:
        raise DatabaseUnusableError(
            f"the database {database} has schema version {version}, newer than this "
            f"version of the bot knows ({latest}): run the version that wrote it, or "
            "restore a backup taken before the upgrade"
        )
    return version


def backup_before_migration(database: Path, version: int) -> Path | None:
    """A copy of a database that migrations are about to change, next to it, named with
    its version and the time; None when there is nothing to migrate or nothing yet."""
    if version == 0 or version >= latest_version():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    copy = database.with_name(f"{database.name}.v{version:04d}-{stamp}.bak")
    with (
        closing(sqlite3.connect(database)) as source,
        closing(sqlite3.connect(copy)) as target,
    ):
        source.backup(target)
    with _opened(copy) as descriptor:
        os.fsync(descriptor)
    return copy


@dataclass
class Prepared:
    """A database ready to open: this process's lock, its schema version before any
    migration, and the copy taken because migrations will run (if any)."""

    lock: DatabaseLock
    version: int
    backup: Path | None


def prepare(database: Path) -> Prepared:
    """Every check, the lock, and the copy before migrations, in an order that changes
    nothing until all the checks have passed (a refused start leaves no file behind)."""
    database = Path(database)
    check_folder(database)
    lock = DatabaseLock.acquire(database)
    try:
        check_file(database)
        version = schema_version(database)
        probe_sync(database.parent)
        backup = backup_before_migration(database, version)
    except BaseException:
        lock.release(remove=True)
        raise
    return Prepared(lock, version, backup)
