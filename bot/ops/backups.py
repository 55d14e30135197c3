"""`python -m bot backup` and `restore`, and the daily copy kept in BACKUP_DIR.

Copies are named `topup-<UTC time>.sqlite3`, so their names sort by age; the daily job
keeps the newest BACKUP_KEEP of them and removes only older files of that name.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from telegram.ext import CallbackContext, JobQueue

from bot.config import Settings
from storage.backup import CopyError, CopyReport, check_copy, copy_database, in_use, put_back
from storage.guard import (
    DatabaseInUseError,
    DatabaseLock,
    DatabaseUnusableError,
    bot_running_on,
)

logger = logging.getLogger(__name__)

DAILY_JOB = "daily-backup"
PREFIX, SUFFIX = "topup-", ".sqlite3"


def copy_name(now: datetime) -> str:
    return f"{PREFIX}{now.astimezone(UTC):%Y%m%dT%H%M%SZ}{SUFFIX}"


def backup(settings: Settings, target: Path | None) -> Path:
    """Copy the database to `target` (a file, or a folder to put a dated copy in),
    BACKUP_DIR by default. Returns the copy's path."""
    if target is None:
        if settings.backup_dir is None:
            raise CopyError("give the copy's PATH, or set BACKUP_DIR to a folder for copies")
        target = settings.backup_dir
    if target.is_dir() or target == settings.backup_dir:
        folder = target
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CopyError(
                f"cannot make the folder {folder} ({exc.strerror}): fix BACKUP_DIR or PATH"
            ) from None
        target = folder / copy_name(datetime.now(UTC))
    copy_database(settings.database_path, target)
    return target


def keep_newest(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` dated copies in `folder`; returns those removed."""
    copies = sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())
    removed = copies[:-keep] if len(copies) > keep else []
    for old in removed:
        old.unlink()
    return removed


def restore(settings: Settings, copy: Path) -> tuple[CopyReport, Path | None]:
    """Put `copy` back as the database, once it is checked and the bot is stopped. The
    database it replaces is kept beside it first; returns the copy's report and where
    the replaced database went (None when there was none)."""
    report = check_copy(copy)
    database = settings.database_path
    # The bot's own lock (storage/guard.py) names who runs on it, and holding it for the
    # restore keeps a bot from starting halfway; any other program with the database
    # open (Litestream, a sqlite3 shell) shows as a lock SQLite cannot take.
    try:
        lock = DatabaseLock.acquire(database) if database.parent.is_dir() else None
    except DatabaseInUseError:
        holder = bot_running_on(database)
        who = f" ({holder.describe()})" if holder is not None else ""
        raise CopyError(
            f"the bot is running on {database}{who}: stop it, then restore (nothing was changed)"
        ) from None
    except DatabaseUnusableError as exc:
        raise CopyError(str(exc)) from None
    try:
        if in_use(database):
            raise CopyError(
                f"another program has {database} open: stop it, then restore (nothing was changed)"
            )
        kept = None
        if database.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            kept = database.with_name(f"{database.name}.before-restore-{stamp}")
            copy_database(database, kept)
        put_back(copy, database)
    finally:
        if lock is not None:
            lock.release(remove=True)
    return report, kept


async def daily_backup(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The daily job: a copy in BACKUP_DIR, then only the newest BACKUP_KEEP kept. A
    failure is logged for the operator and tried again the next day."""
    settings = context.job.data if context.job is not None else None
    if not isinstance(settings, Settings) or settings.backup_dir is None:
        return
    try:
        target = await asyncio.to_thread(backup, settings, None)
        removed = await asyncio.to_thread(keep_newest, settings.backup_dir, settings.backup_keep)
    except (CopyError, OSError) as exc:
        logger.error("The daily backup failed: %s", exc)
        return
    logger.info("Daily backup written to %s (%d older removed)", target, len(removed))


def schedule(job_queue: JobQueue[Any], settings: Settings) -> None:
    """The daily copy at BACKUP_AT, in TIMEZONE; nothing while BACKUP_DIR is unset."""
    if settings.backup_dir is None:
        return
    at = settings.backup_at.replace(tzinfo=settings.zone)
    job_queue.run_daily(daily_backup, at, name=DAILY_JOB, data=settings)
