"""Every handler of the bot, registered in one ordered place (see `register`)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from handlers.balance import balance_handlers
from handlers.buttons import button_handlers
from handlers.customers import customer_handlers, customer_text_handlers
from handlers.dedupe import dedupe_handlers
from handlers.edits import edit_handlers
from handlers.errors import on_error
from handlers.languages import language_handlers
from handlers.pending import pending_handlers
from handlers.receipt_actions import receipt_action_handlers
from handlers.receipts import receipt_handlers
from handlers.references import reference_handlers, skip_handlers
from handlers.start import start_handlers
from handlers.topup import topup_handlers
from handlers.unknown import unknown_handlers


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Order matters: commands before the catch-all text step."""
    # Money safety first: a replayed update stops in the first group of all; an admin's
    # answer to "provider's reference?" is taken before any other text handler.
    application.add_handlers(dedupe_handlers(), group=-4)  # same update_id twice: once
    application.add_handlers(edit_handlers(), group=-3)  # an edit is no new input
    application.add_handlers(language_handlers(), group=-3)  # the language admins write in
    application.add_handlers(reference_handlers(), group=-2)  # an admin's typed reference
    application.add_handlers(start_handlers())  # /start, /ayuda
    application.add_handlers(balance_handlers())  # /saldo (admins)
    application.add_handlers(pending_handlers())  # /pendientes and its settle buttons (admins)
    application.add_handlers(skip_handlers())  # /omitir: settled as charged, no reference
    # Receipts and customers: before the top-up's catch-all text and buttons. A customer's
    # typed number is caught in an earlier group, so a seller's text still reaches theirs.
    application.add_handlers(receipt_handlers())  # /recibos, /recibo, ◀ ▶
    application.add_handlers(receipt_action_handlers())  # 🔁 Repetir, 📤 Compartir
    application.add_handlers(customer_handlers())  # /mis_recargas, contacts, /avisos
    application.add_handlers(customer_text_handlers(), group=-1)  # a customer's typed number
    application.add_handlers(topup_handlers())  # /recarga, /cancelar, typed steps
    application.add_handlers(button_handlers())  # inline buttons of the conversation
    application.add_handlers(unknown_handlers())  # last: a command nobody above knows
    application.add_error_handler(on_error)
