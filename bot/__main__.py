"""`python -m bot`: run the bot (long polling), the local console, or the sandbox."""

from __future__ import annotations

import argparse
import sys

from bot.config import ConfigError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="run the bot on Telegram with long polling (the default)")
    console = commands.add_parser("console", help="talk to the bot in this terminal")
    console.add_argument("--user-id", type=int, default=1000, help="your user id in the console")
    sandbox = commands.add_parser("sandbox", help="serve the sandbox distributor API over HTTP")
    sandbox.add_argument("--port", type=int, default=8099)
    args = parser.parse_args(argv)

    if args.command == "sandbox":
        from bot.latcom.sandbox import main_sandbox

        main_sandbox(args.port)
        return 0
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    if args.command == "console":
        from bot.console import run_console

        return run_console(settings, args.user_id)
    if settings.telegram_bot_token is None:
        print(
            "TELEGRAM_BOT_TOKEN is not set: put your bot's token in the environment or .env "
            "(see .env.example), or try the bot without one with `make console`.",
            file=sys.stderr,
        )
        return 2
    from bot.runner import run_polling

    run_polling(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
