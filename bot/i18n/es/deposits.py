"""Textos de los depósitos que reportan los vendedores y de los abonos y ajustes de los
administradores."""

_HOW = (
    "Para reportar un depósito, envía la foto del comprobante con el monto como pie de "
    "foto (ej. 1500), o escribe <code>/deposito 1500</code> y después envía la foto."
)

TEXTS: dict[str, str] = {
    # El vendedor reporta
    "deposits.ask_amount": "💵 ¿De cuánto fue tu depósito?\n\n" + _HOW,
    "deposits.amount.not_a_number": (
        "«{text}» no es un monto. Escribe pesos, ej. 1500 o 1,500.50. No se registró nada."
    ),
    "deposits.amount.not_positive": (
        "El monto debe ser mayor que $0, ej. 1500. No se registró nada."
    ),
    "deposits.amount.too_much": (
        "El monto es de hasta {maximum}. Revisa la cantidad; no se registró nada."
    ),
    "deposits.awaiting_photo": (
        "📸 Depósito de <b>{amount}</b>. Ahora envía la foto del comprobante (banco o "
        "tienda). Si no llega en 30 minutos, el aviso se descarta."
    ),
    "deposits.replaced": "\n\nReemplaza al aviso anterior, que aún esperaba su foto.",
    "deposits.submitted": (
        "📨 Enviamos tu depósito de <b>{amount}</b> a los administradores. Te avisamos en "
        "cuanto lo revisen."
    ),
    "deposits.nobody_reached": (
        "📨 Guardamos tu depósito de <b>{amount}</b>, pero ahora no pudimos mostrárselo a "
        "ningún administrador. Avísales, por favor."
    ),
    "deposits.no_pending": (
        "📸 No tienes ningún depósito esperando su foto; no se registró nada.\n\n" + _HOW
    ),
    "deposits.no_pending_dropped": (
        "⌛ Tu aviso de depósito de {amount} se descartó: su foto no llegó en 30 minutos. "
        "No se registró nada.\n\n" + _HOW
    ),
    "deposits.still_selling": "\n\nTu recarga en curso sigue donde estaba.",
    "deposits.no_account": (
        "Solo los vendedores reportan depósitos. Para abonar saldo a un vendedor usa /abonar."
    ),
    "deposits.dropped_notice": (
        "⌛ Se descartó tu aviso de depósito de {amount}: la foto del comprobante no llegó "
        "en 30 minutos.\n\n" + _HOW
    ),
    "deposits.approved_notice": (
        "✅ Tu depósito de <b>{amount}</b> fue aprobado.\n<b>Disponible: {available}</b>"
    ),
    "deposits.rejected_notice": (
        "❌ Tu depósito de <b>{amount}</b> no fue aprobado; no se abonó nada. Si crees que "
        "es un error, habla con un administrador."
    ),
    # La tarjeta de cada administrador
    "deposits.card.submitted": "💵 <b>Depósito por aprobar</b>",
    "deposits.card.approved": "✅ <b>Depósito aprobado</b>",
    "deposits.card.rejected": "❌ <b>Depósito rechazado</b>",
    "deposits.card": (
        "{heading}\n\nVendedor: {shop} ({user_id})\nMonto: <b>{amount}</b>\nReportado: {when}"
    ),
    "deposits.card.decided.approved": "\n\nAprobó: {admin}, {when}",
    "deposits.card.decided.rejected": "\n\nRechazó: {admin}, {when}",
    "button.deposit_approve": "✅ Aprobar",
    "button.deposit_reject": "❌ Rechazar",
    "callback.deposit_approved": "Aprobado: {amount} abonados a {shop}.",
    "callback.deposit_rejected": "Rechazado; no se abonó nada.",
    "callback.deposit_untold": " No se pudo avisar al vendedor.",
    "deposits.already.approved": "Este depósito ya lo aprobó {admin} el {when}. No cambió nada.",
    "deposits.already.rejected": "Este depósito ya lo rechazó {admin} el {when}. No cambió nada.",
    "deposits.already.other": "Este depósito ya no está por aprobar. No cambió nada.",
    "deposits.not_found": "Este depósito no existe. No cambió nada.",
    # Abonos y ajustes de los administradores
    "funds.usage_add": (
        "Escribe /abonar, el vendedor (su ID de Telegram o el nombre de su tienda), el "
        "monto y, si quieres, una nota.\nEjemplo: <code>/abonar 123456789 500 efectivo</code>"
    ),
    "funds.usage_adjust": (
        "Escribe /ajustar, el vendedor (su ID de Telegram o el nombre de su tienda), el "
        "monto con su signo y el motivo.\n"
        "Ejemplo: <code>/ajustar 123456789 -50 recarga cobrada dos veces</code>"
    ),
    "funds.reason_required": (
        "Un ajuste necesita su motivo; no se registró nada.\n"
        "Ejemplo: <code>/ajustar 123456789 -50 recarga cobrada dos veces</code>"
    ),
    "funds.note_too_long": (
        "La nota es de hasta {maximum} caracteres y la tuya tiene {length}. No se registró nada."
    ),
    "funds.added": (
        "✅ Abonaste <b>{amount}</b> a {shop} ({user_id}).\n"
        "Saldo: {balance}\nDisponible: {available}"
    ),
    "funds.adjusted": (
        "✅ Ajuste de <b>{amount}</b> a {shop} ({user_id}).\nMotivo: {reason}\n"
        "Saldo: {balance}\nDisponible: {available}"
    ),
    "funds.told": "\nSe le avisó.",
    "funds.untold": "\nNo se le pudo avisar (no ha iniciado el bot o lo bloqueó).",
    "funds.added_notice": (
        "💵 Un administrador abonó <b>{amount}</b> a tu cuenta.{note}\n"
        "<b>Disponible: {available}</b>"
    ),
    "funds.note_line": "\nNota: {note}",
    "funds.adjusted_notice": (
        "🧾 Ajuste a tu cuenta: <b>{amount}</b>\nMotivo: {reason}\n<b>Disponible: {available}</b>"
    ),
    # Comandos, menú y ayuda
    "commands.deposits": "\n/deposito — reportar un depósito",
    "commands.funds": (
        "\n/abonar — abonar saldo a un vendedor\n/ajustar — corregir el saldo de un vendedor"
    ),
    "help.deposits": (
        "\n\n<b>Cómo abonar saldo</b>\n1. Deposita en la cuenta del distribuidor\n"
        "2. Envía la foto del comprobante con el monto como pie de foto (ej. 1500), o "
        "<code>/deposito 1500</code> y después la foto\n"
        "3. Cuando un administrador lo aprueba, te avisamos tu saldo disponible"
    ),
    "help.funds": (
        "\n\n<b>Saldo de los vendedores</b>\nLos depósitos que reportan te llegan con "
        "✅ Aprobar / ❌ Rechazar.\n"
        "<code>/abonar &lt;vendedor&gt; &lt;monto&gt; [nota]</code> — abonar saldo\n"
        "<code>/ajustar &lt;vendedor&gt; &lt;±monto&gt; &lt;motivo&gt;</code> — corregirlo\n"
        "El vendedor es su ID de Telegram o el nombre de su tienda."
    ),
    "menu.deposit.command": "deposito",
    "menu.deposit": "Reportar un depósito",
    "menu.add_funds.command": "abonar",
    "menu.add_funds": "Abonar saldo a un vendedor",
    "menu.adjust.command": "ajustar",
    "menu.adjust": "Corregir el saldo de un vendedor",
}
