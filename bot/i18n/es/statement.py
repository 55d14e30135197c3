"""Textos del dinero de cada vendedor: /saldo, /movimientos y la línea de saldo de sus
recibos; y lo que ven los administradores de todos."""

TEXTS: dict[str, str] = {
    "start.statement": (
        "\n/saldo — tu saldo y tu comisión\n/movimientos — los movimientos de tu saldo"
    ),
    "start.admin_statement": "\n/movimientos — movimientos de un vendedor",
    "menu.my_balance.command": "saldo",
    "menu.my_balance": "Tu saldo, lo apartado y tu comisión",
    "menu.statement.command": "movimientos",
    "menu.statement": "Los movimientos de tu saldo",
    "menu.reseller_statement.command": "movimientos",
    "menu.reseller_statement": "Movimientos de un vendedor",
    # /saldo de un vendedor
    "account.title": "💳 <b>Tu cuenta</b> — {shop}",
    "account.available": "<b>Disponible: {available}</b>",
    "account.available_unrestricted": "<b>Disponible: sin límite</b>",
    "account.balance": "Saldo: {balance}",
    "account.held_none": "Apartado en ventas pendientes: {held}",
    "account.held_one": "Apartado en 1 venta pendiente: {held}",
    "account.held_many": "Apartado en {count} ventas pendientes: {held}",
    "account.credit_limit": "Límite de crédito: {limit}",
    "account.unrestricted": (
        "Límite de crédito: sin límite (vendes aunque tu saldo no alcance; cada venta "
        "se descuenta)"
    ),
    "account.commission": "Comisión: tiempo aire {airtime} · paquetes {packages}",
    "account.suspended": (
        "⛔ <b>Cuenta suspendida</b>: no puedes vender. Tus recibos y movimientos siguen "
        "aquí. Habla con un administrador."
    ),
    "account.statement": "Tus movimientos: /movimientos",
    "account.none": "No tienes una cuenta de vendedor. Habla con un administrador.",
    # /saldo de un administrador, tras el saldo con el proveedor
    "totals.title": "👥 <b>Vendedores: {count}</b>",
    "totals.balances": "Suma de sus saldos: <b>{balances}</b>",
    "totals.split": "A su favor: {in_favour} · a crédito: {on_credit}",
    "totals.held": "Apartado en ventas pendientes: {held}",
    "totals.statement": "Movimientos de un vendedor: /movimientos &lt;ID o tienda&gt;",
    # /movimientos
    "statement.title": "📒 <b>Tus movimientos</b>",
    "statement.title_of": "📒 <b>Movimientos de {shop}</b> (<code>{user_id}</code>)",
    "statement.empty": "Aún no hay movimientos. Tus ventas y depósitos aparecerán aquí.",
    "statement.empty_of": "Aún no hay movimientos en esta cuenta.",
    "statement.sale": (
        "🧾 <b>Venta</b> · {link}\n{when} · 📱 {phone} · {product} {face}\n"
        "{amount} → Saldo: {balance}"
    ),
    "statement.hold": (
        "⏳ <b>Apartado</b>, {state} · {link}\n{when} · 📱 {phone} · {product} {face}\n"
        "{cost} apartados · Saldo: {balance}"
    ),
    "statement.hold.sending": "en curso",
    "statement.hold.pending": "en verificación: se cobra o se libera al saberse",
    "statement.release": (
        "↩️ <b>No se cobró</b> · {link}\n{when} · 📱 {phone} · {product} {face}\n"
        "Se liberaron {cost} · Saldo: {balance}"
    ),
    "statement.deposit": "💵 <b>Depósito</b>{note}\n{when}\n{amount} → Saldo: {balance}",
    "statement.adjustment": "✏️ <b>Ajuste</b>{note}\n{when}\n{amount} → Saldo: {balance}",
    "statement.note": ": {note}",
    "statement.usage": (
        "Escribe /movimientos y el vendedor: su ID de Telegram o el nombre de su tienda.\n"
        "Ejemplo: <code>/movimientos 123456789</code>"
    ),
    "statement.not_yours": "Solo puedes ver tus propios movimientos: escribe /movimientos.",
    "statement.not_yours_alert": "Solo puedes ver tus propios movimientos.",
    # La línea de saldo al final de cada recibo del vendedor
    "after.sale": "\n\n💳 Se descontaron {cost} de tu saldo.\nSaldo: <b>{balance}</b>",
    "after.release": "\n\n💳 No se te cobró: se liberaron {cost}.\nSaldo: <b>{balance}</b>",
    "after.hold": (
        "\n\n💳 {cost} quedan apartados de tu saldo hasta que se verifique.\n"
        "Saldo: <b>{balance}</b> · apartado: {held}"
    ),
}
