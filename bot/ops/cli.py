"""The operator's commands of `python -m bot`: `backup [PATH]` and `restore PATH`."""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.ops import backups
from storage.backup import CopyError

COMMANDS = ("backup", "restore", "healthcheck")


def add_commands(commands: Any) -> None:
    """The subparsers, on `python -m bot`'s `add_subparsers()`."""
    backup = commands.add_parser(
        "backup",
        help="copy the database while the bot runs (to PATH, or a dated file in BACKUP_DIR)",
    )
    backup.add_argument("path", nargs="?", type=Path, help="a new file, or a folder")
    restore = commands.add_parser(
        "restore",
        help="put a copy back as the database (the bot stopped; the replaced file is kept)",
    )
    restore.add_argument("path", type=Path, help="a copy made by `backup`")
    commands.add_parser(
        "healthcheck",
        help="ask the running bot's /healthz (HEALTH_PORT): exit 0 if healthy (HEALTHCHECK)",
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run `backup` or `restore`: one line on success, one on failure (exit 1)."""
    if args.command == "healthcheck":
        return healthcheck(settings)
    try:
        if args.command == "backup":
            target = backups.backup(settings, args.path)
            print(f"Backup of {settings.database_path} written to {target}")
        else:
            report, kept = backups.restore(settings, args.path)
            print(
                f"Restored {args.path} to {settings.database_path} "
                f"(schema version {report.schema_version}, {report.purchases} purchases)"
                + (f"; the database it replaced is kept at {kept}" if kept else "")
            )
    except CopyError as exc:
        print(f"{args.command.capitalize()} failed: {exc}", file=sys.stderr)
        return 1
    return 0


def healthcheck(settings: Settings) -> int:
    """One line: what /healthz answered; 0 when it is 200."""
    if settings.health_port is None:
        print("Healthcheck failed: HEALTH_PORT is not set", file=sys.stderr)
        return 1
    host = "127.0.0.1" if settings.health_host in ("0.0.0.0", "") else settings.health_host  # noqa: S104
    url = f"http://{host}:{settings.health_port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            print(answer.read().decode())
            return 0
    except urllib.error.HTTPError as exc:
        print(exc.read().decode(), file=sys.stderr)
    except OSError as exc:
        print(f"Healthcheck failed: nothing answers at {url} ({exc})", file=sys.stderr)
    return 1
