"""The production job: the bot on Telegram with long polling."""

from __future__ import annotations

from telegram import Update

from bot.app import build_application
from bot.config import Settings
from bot.logs import setup_logging


def run_polling(settings: Settings) -> None:
    setup_logging(settings)
    application = build_application(settings)
    # Updates that arrived while the bot was down are still wanted: a reseller's tap
    # must not vanish because of a restart.
    application.run_polling(allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
