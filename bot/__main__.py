"""`python -m bot`: run the bot on Telegram with long polling."""

from __future__ import annotations

import argparse
import logging
import sys

from bot.config import ConfigError, load_settings
from bot.ops import cli as ops

_DEVELOPMENT = (
    "The local console and the sandbox provider over HTTP are development tools: "
    "`python -m devtools console` and `python -m devtools sandbox`."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description=__doc__, epilog=_DEVELOPMENT
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="run the bot on Telegram with long polling (the default)")
    commands.add_parser("check", help="check settings, Telegram, provider and database; no sale")
    ops.add_commands(commands)
    args = parser.parse_args(argv)
    if args.command == "check":
        from bot.ops.preflight import main_check

        return main_check()

    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    if args.command in ops.COMMANDS:
        return ops.run(args, settings)
    if settings.telegram_bot_token is None:
        print(
            "TELEGRAM_BOT_TOKEN is not set: put your bot's token in the environment or .env "
            "(see .env.example), or try the bot without one with `make console`.",
            file=sys.stderr,
        )
        return 2
    from bot.logs import setup_logging
    from bot.ops.startup import (
        CannotStartError,
        prepare_database,
        require_explicit_mode,
        startup_line,
    )

    setup_logging(settings)
    try:
        require_explicit_mode(settings)
        prepared = prepare_database(settings)  # its lock is held until the process ends
    except CannotStartError as exc:
        print(f"Cannot start: {exc}", file=sys.stderr)
        return 2
    logging.getLogger("bot").info(startup_line(settings, prepared))
    from bot.runner import run_polling

    run_polling(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
