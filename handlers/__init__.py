"""Every handler of the bot, registered in one ordered place (see `register`)."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from handlers.balance import balance_handlers
from handlers.charts import chart_handlers
from handlers.customers import customer_first_handlers, customer_handlers
from handlers.deposits import deposit_handlers, deposit_photo_handlers
from handlers.edits import edit_handlers
from handlers.errors import on_error
from handlers.exports import export_handlers
from handlers.funds import funds_handlers
from handlers.invitations import invitation_handlers, shop_name_handlers
from handlers.languages import language_handlers
from handlers.private_only import private_only_handlers
from handlers.receipts import receipt_handlers
from handlers.replays import replay_handlers
from handlers.reports import report_handlers
from handlers.resellers import reseller_handlers
from handlers.settlement import reference_handlers, settlement_handlers
from handlers.start import start_handlers
from handlers.statement import statement_handlers
from handlers.terms import terms_handlers
from handlers.topup import topup_handlers
from handlers.topup_buttons import topup_button_handlers
from handlers.unknown import unknown_handlers


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Order matters: an earlier group sees an update first, and within a group the first
    handler whose filter matches takes it."""
    # Money safety first: a replayed update stops in the first group of all; an admin's
    # answer to "provider's reference?" is taken before any other text handler.
    application.add_handlers(private_only_handlers(), group=-6)  # groups: say so, leave
    application.add_handlers(replay_handlers(), group=-5)  # same update_id twice: once
    application.add_handlers(edit_handlers(), group=-4)  # an edit is no new input
    application.add_handlers(language_handlers(), group=-4)  # the language staff write in
    application.add_handlers(reference_handlers(), group=-3)  # an admin's typed reference
    application.add_handlers(shop_name_handlers(), group=-2)  # an invitee's shop name
    # A customer's typed number or shared contact; a seller's goes on to their sale.
    application.add_handlers(customer_first_handlers(), group=-1)
    application.add_handlers(deposit_photo_handlers(), group=-1)  # a reseller's voucher
    application.add_handlers(invitation_handlers())  # /start join_…: an invitation
    application.add_handlers(start_handlers())  # /start, /start <token>, /ayuda
    application.add_handlers(reseller_handlers())  # /alta, /vendedores, /suspender, /reactivar
    application.add_handlers(balance_handlers())  # /saldo (resellers' own; admins' totals)
    application.add_handlers(terms_handlers())  # /credito, /comision, /limite (admins)
    application.add_handlers(statement_handlers())  # /movimientos, ◀ ▶
    application.add_handlers(settlement_handlers())  # /pendientes, its buttons, /omitir
    application.add_handlers(receipt_handlers())  # /recibos, /recibo, ◀ ▶, 🔁, 📤
    application.add_handlers(customer_handlers())  # /mis_recargas, /avisos, ◀ ▶
    application.add_handlers(deposit_handlers())  # /deposito, ✅ Aprobar / ❌ Rechazar
    application.add_handlers(funds_handlers())  # /abonar, /ajustar
    application.add_handlers(chart_handlers())  # /grafica
    application.add_handlers(export_handlers())  # /exportar: CSV of sales and movements
    application.add_handlers(report_handlers())  # /corte, /reporte, ◀ ▶, /resumen
    application.add_handlers(topup_handlers())  # /recarga, /cancelar, typed steps
    application.add_handlers(topup_button_handlers())  # the conversation's buttons, ✅
    application.add_handlers(unknown_handlers())  # last: a command or button nobody knows
    application.add_error_handler(on_error)
