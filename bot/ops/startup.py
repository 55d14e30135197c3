"""What `python -m bot` checks before it talks to anyone, and the line it logs when it
starts: the mode, the database and the versions, never a secret."""

from __future__ import annotations

import logging
import platform
import sqlite3
from importlib import metadata

import telegram

from bot.config import SANDBOX_BY_ABSENCE, Settings
from storage.guard import DatabaseUnusableError, Prepared, latest_version, prepare
from storage.resellers import count_at_start

logger = logging.getLogger(__name__)


class CannotStartError(Exception):
    """The bot must not start as configured; the message says what to fix."""


def bot_version() -> str:
    try:
        return metadata.version("recargas-bot")
    except metadata.PackageNotFoundError:
        return "unknown"


def versions() -> str:
    return (
        f"bot {bot_version()}, python-telegram-bot {telegram.__version__}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def require_explicit_mode(settings: Settings) -> None:
    """A bot on Telegram never sells from the sandbox just because credentials are empty."""
    if not settings.mode_is_explicit:
        raise CannotStartError(SANDBOX_BY_ABSENCE)


def prepare_database(settings: Settings) -> Prepared:
    """The database's checks and this process's lock on it (held until the process ends)."""
    try:
        prepared = prepare(settings.database_path)
    except DatabaseUnusableError as exc:
        raise CannotStartError(str(exc)) from None
    if prepared.backup is not None:
        logger.info(
            "Database schema %d will be migrated to %d; a copy was taken first: %s",
            prepared.version,
            latest_version(),
            prepared.backup,
        )
    return prepared


def _resellers(settings: Settings) -> int:
    """Resellers as the database holds them, with those RESELLER_IDS adds at this start."""
    imported = settings.reseller_ids - settings.admin_ids
    return count_at_start(settings.database_path, imported)


def startup_line(settings: Settings, prepared: Prepared) -> str:
    mode = "SANDBOX (fake top-ups, no real money)" if settings.uses_sandbox else "live"
    schema = latest_version()
    migrated = (
        f" (migrated from {prepared.version})" if prepared.version not in (0, schema) else ""
    )
    return (
        f"Starting in {mode} mode: database {settings.database_path.resolve()}, "
        f"schema {schema}{migrated}, {len(settings.admin_ids)} admins, "
        f"{_resellers(settings)} resellers; {versions()}"
    )
