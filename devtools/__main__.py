"""`python -m devtools`: the bot in this terminal (`console`), or the sandbox over HTTP."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import ConfigError, load_settings
from devtools.console import CONSOLE_DATABASE, console_settings, run_console
from devtools.sandbox_server import main_sandbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    console = commands.add_parser(
        "console", help="talk to the bot in this terminal (Telegram simulated)"
    )
    console.add_argument("--user-id", type=int, default=1000, help="your user id in the console")
    console.add_argument(
        "--database",
        type=Path,
        default=CONSOLE_DATABASE,
        help=f"the SQLite file (default {CONSOLE_DATABASE}; never DATABASE_PATH unless given)",
    )
    console.add_argument(
        "--live",
        action="store_true",
        help="buy from the real provider with LATCOM_* credentials (default: the sandbox)",
    )
    sandbox = commands.add_parser("sandbox", help="serve the sandbox distributor API over HTTP")
    sandbox.add_argument("--port", type=int, default=8099, help="0 picks a free port")
    args = parser.parse_args(argv)

    if args.command == "sandbox":
        main_sandbox(args.port)
        return 0
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    try:
        settings = console_settings(settings, database=args.database, live=args.live)
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    return run_console(settings, args.user_id)


if __name__ == "__main__":
    sys.exit(main())
