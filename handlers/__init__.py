"""Every handler of the bot, registered in one ordered place (see `register`)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from handlers.balance import balance_handlers
from handlers.buttons import button_handlers
from handlers.errors import on_error
from handlers.start import start_handlers
from handlers.topup import topup_handlers


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Order matters: commands before the catch-all text step."""
    application.add_handlers(start_handlers())  # /start, /ayuda
    application.add_handlers(balance_handlers())  # /saldo (admins)
    application.add_handlers(topup_handlers())  # /recarga, /cancelar, typed steps
    application.add_handlers(button_handlers())  # inline buttons of the conversation
    application.add_error_handler(on_error)
