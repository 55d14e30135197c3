"""Textos en español de México, el idioma principal del bot."""

EXAMPLE_PHONE = "55 3768 6660"

TEXTS: dict[str, str] = {
    # Inicio y ayuda
    "start.reseller": "👋 Hola, {name}. Aquí vendes recargas Movistar.\n\n",
    "commands.reseller": (
        "/recarga — nueva recarga\n/cancelar — cancelar la recarga en curso\n/ayuda — ayuda"
    ),
    "edited.ignored": (
        "✏️ No leo mensajes editados. Si querías corregir algo, envíalo de nuevo "
        "en un mensaje nuevo."
    ),
    "private.only": (
        "👋 Solo funciono en chats privados, donde nadie más ve tus ventas ni tus recibos. "
        "Escríbeme directamente: @{bot}. Salgo de este chat."
    ),
    "unknown.command": "🤔 No conozco el comando {command}. Estos sí:\n\n",
    "commands.customer": (
        "/mis_recargas — las recargas a tu número\n/avisos — avisos de tus recargas"
    ),
    "start.admin_extra": (
        "\n/saldo — saldo de la cuenta con el proveedor"
        "\n/pendientes — recargas pendientes de verificación"
    ),
    "sandbox.mark": "🧪 <b>PRUEBA</b> · sandbox, sin dinero real",
    "start.sandbox": (
        "\n\n🧪 <b>Modo sandbox</b> (LATCOM_MODE=sandbox): "
        "las recargas van al sandbox integrado y no mueven dinero real."
    ),
    "help": (
        "<b>Cómo hacer una recarga</b>\n"
        "1. /recarga\n2. Escribe el número a 10 dígitos (ej. {example})\n"
        "3. Elige tiempo aire o un paquete\n4. Escribe el monto (tiempo aire)\n"
        "5. Revisa y confirma con ✅\n\n/cancelar sale en cualquier paso. "
        "Atajo: /recarga {example} salta al paso 3."
    ),
    "unauthorized": (
        "🚫 No tienes acceso a este bot.\n"
        "¿Te hicieron una recarga? Con /mis_recargas ves las recargas a tu número.\n"
        "Para vender, pide a un administrador que te dé de alta con tu ID de Telegram: "
        "<code>{user_id}</code>"
    ),
    "customer.welcome": "👋 Con estos comandos ves las recargas a tu número {phone}:\n\n",
    "unauthorized.alert": "🚫 No tienes acceso. Tu ID de Telegram: {user_id}",
    "admins_only": "Solo los administradores pueden usar este comando.",
    "error.generic": (
        "😕 Algo salió mal de nuestro lado. Tu recarga en curso sigue guardada; "
        "intenta de nuevo o escribe /cancelar."
    ),
    # Paso 1: número
    "topup.ask_phone": "📱 Escribe el número a recargar (10 dígitos).\nEjemplo: {example}",
    "phone.empty": "Escribe el número a 10 dígitos.\nEjemplo: {example}",
    "phone.letters": "El número solo lleva dígitos.\nEjemplo: {example}",
    "phone.length": (
        "Un número de México tiene 10 dígitos y escribiste {digits}.\nEjemplo: {example}"
    ),
    "phone.old_prefix": (
        "El 01 ya no se marca: escribe solo los 10 dígitos del celular.\nEjemplo: {example}"
    ),
    "phone.foreign": "Solo se recargan números de México (+52).\nEjemplo: {example}",
    "phone.invalid": "Ese número no existe en México. Revísalo.\nEjemplo: {example}",
    # Paso 2: producto
    "topup.ask_product": "📱 Número: <b>{phone}</b>\n\n¿Qué quieres recargar?",
    "topup.use_buttons": "Elige una opción con los botones del mensaje de arriba, o /cancelar.",
    "button.airtime": "📱 Tiempo aire",
    "button.package": "📦 Paquete ${price}",
    "button.change_phone": "✏️ Cambiar número",
    "button.cancel": "❌ Cancelar",
    # Paso 3: monto
    "topup.ask_amount": (
        "📱 {phone} · Tiempo aire\n\n"
        "💵 Escribe el monto en pesos, de ${min} a ${max}, o elige uno:"
    ),
    "amount.empty": "Escribe el monto en pesos enteros, de ${min} a ${max}. Ejemplo: 100",
    "amount.not_number": "«{text}» no es un monto. Escribe pesos enteros de ${min} a ${max}. "
    "Ejemplo: 100",
    "amount.decimal": "Solo pesos enteros, sin centavos: de ${min} a ${max}. Ejemplo: 100",
    "amount.range": "El monto va de ${min} a ${max} pesos. Ejemplo: 100",
    "amount.package": "Este paquete cuesta exactamente ${price}.",
    # Paso 4: confirmar
    "topup.confirm": (
        "<b>Revisa la recarga</b>\n\n"
        "📱 Número: <b>{phone}</b>\n📦 Producto: <b>{product}</b>\n💵 Monto: <b>{amount}</b>\n\n"
        "¿Es correcto?"
    ),
    "button.confirm": "✅ Confirmar",
    "button.cancel_confirm": "❌ Cancelar",
    "topup.processing": "⏳ Procesando la recarga de {amount} a {phone}…",
    "callback.processing": "Procesando…",
    "topup.cancelled": "Recarga cancelada. Escribe /recarga para empezar otra.",
    "topup.nothing_to_cancel": "No hay ninguna recarga en curso. Escribe /recarga para empezar.",
    "topup.no_draft": "Para vender una recarga escribe /recarga.",
    # Botones viejos o alterados
    "button.earlier": "Este botón es de un mensaje anterior. Usa el más reciente de esta recarga.",
    "confirm.already_placed": "Esta recarga ya se envió; no se vuelve a cobrar.",
    "confirm.changed": "Este botón es de un resumen anterior. Usa el resumen más reciente.",
    "confirm.cancelled": "Esta recarga se canceló o la reemplazó otra; no se envió nada.",
    "confirm.not_yours": "Este botón no es de una recarga tuya; no se envió nada.",
    "confirm.restarting": (
        "El bot se está reiniciando; no se envió nada. Vuelve a tocar ✅ en un minuto."
    ),
    "confirm.not_found": "Este botón ya no es válido. Escribe /recarga para empezar.",
    # Resultado
    "receipt.approved": (
        "✅ <b>Recarga exitosa</b>\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\n🕒 {when}\n\n"
        "Folio: <code>{folio}</code>{ids}"
    ),
    # Lo que el proveedor dio al aprobarla; si una liquidación no lo trae, no se muestra.
    "receipt.transaction_id": "\nTransacción: <code>{value}</code>",
    "receipt.reference": "\nReferencia: <code>{value}</code>",
    "receipt.auth_code": "\nAutorización: <code>{value}</code>",
    "receipt.declined": (
        "❌ <b>Recarga rechazada</b> — no se cobró.\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\nFolio: <code>{folio}</code>\n\n"
        "{reason}\n👉 {next}"
    ),
    "receipt.pending": (
        "⏳ <b>Pendiente de verificación</b>\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\nFolio: <code>{folio}</code>\n\n"
        "El proveedor no confirmó el resultado; puede que sí se haya cobrado.\n"
        "⚠️ <b>No vuelvas a vender esta recarga todavía.</b> Un administrador la revisará "
        "y te avisaremos."
    ),
    # Motivos de rechazo y qué hacer
    "decline.05": "El proveedor no autorizó la operación.",
    "decline.12": "El proveedor marcó la operación como inválida.",
    "decline.13": "El proveedor no aceptó el monto.",
    "decline.14": "El proveedor no aceptó el paquete.",
    "decline.51": (
        "La cuenta del distribuidor con el proveedor se quedó sin saldo; "
        "ya avisamos a los administradores."
    ),
    "decline.83": "El número no es válido para Movistar o no existe.",
    "decline.91": "Movistar no está disponible en este momento.",
    "decline.unreachable": "No pudimos comunicarnos con el proveedor.",
    "decline.unauthorized": "El proveedor rechazó nuestra sesión.",
    "decline.login_failed": "No pudimos iniciar sesión con el proveedor.",
    "decline.other": "El proveedor rechazó la operación (código {code}).",
    "decline.http": "El proveedor rechazó la operación (HTTP {status}).",
    "decline.unknown": "El proveedor rechazó la operación sin decir por qué.",
    "next.retry_later": "Intenta de nuevo en unos minutos con /recarga.",
    "next.sell_again": "Puedes venderla de nuevo con /recarga.",
    "next.check_number": "Verifica el número con tu cliente y vuelve a intentar con /recarga.",
    "next.call_admin": "Avisa a un administrador.",
    "next.wait_for_funds": "No se cobró nada. Podrás vender en cuanto la cuenta tenga saldo.",
    "next.check_amount": "Revisa el monto o el paquete y vuelve a intentar con /recarga.",
    # Administración
    "balance.show": "💰 Saldo con el proveedor: <b>{balance}</b>\n🕒 Actualizado: {when}",
    "balance.error": (
        "No se pudo consultar el saldo: el proveedor no respondió. Intenta más tarde."
    ),
    "receipt.undeliverable": (
        "🧾 Recarga folio <code>{folio}</code>: <b>{status}</b> ({amount} a {phone}). "
        "Telegram no aceptó el recibo completo; ya avisamos a los administradores."
    ),
    "admin.undeliverable": (
        "⚠️ <b>No se pudo entregar un recibo</b>\n"
        "Folio: <code>{folio}</code> · {status}\nVendedor: {reseller}\n"
        "Telegram respondió: {refusal}\n"
        "El vendedor recibió un aviso corto con el folio y el resultado."
    ),
    "admin.out_of_funds": (
        "🚨 <b>La cuenta con el proveedor no tiene saldo</b>\n"
        "El proveedor rechaza las recargas con el código 51 (fondos insuficientes): "
        "ningún vendedor puede vender hasta que se abone la cuenta.\n"
        "{last}\nRevisa con /saldo después de abonar."
    ),
    "admin.out_of_funds.last": (
        "Último saldo que informó el proveedor: <b>{balance}</b> (tras el folio "
        "<code>{folio}</code>, {when})."
    ),
    "admin.out_of_funds.unknown": "El proveedor aún no ha informado ningún saldo.",
    "admin.pending_alert": (
        "⚠️ <b>Recarga pendiente de verificación</b>\n"
        "Folio: <code>{folio}</code>\nID de transacción: <code>{dtid}</code>\n"
        "Vendedor: {reseller}\n📱 {phone} · {product} · {amount}\nMotivo: {reason}"
    ),
    "restart.pending": (
        "⏳ El bot se reinició mientras se procesaba tu recarga de {amount} a {phone} "
        "(folio <code>{folio}</code>). Queda <b>pendiente de verificación</b>: "
        "no la vuelvas a vender todavía."
    ),
    # Menú de comandos de cada rol
    "menu.topup.command": "recarga",
    "menu.topup": "Nueva recarga",
    "menu.cancel.command": "cancelar",
    "menu.cancel": "Cancelar la recarga en curso",
    "menu.receipts.command": "recibos",
    "menu.receipts": "Tus recibos",
    "menu.receipt.command": "recibo",
    "menu.receipt": "Un recibo por su folio: /recibo 123",
    "menu.balance.command": "saldo",
    "menu.balance": "Saldo de la cuenta con el proveedor",
    "menu.pending.command": "pendientes",
    "menu.pending": "Recargas pendientes de verificación",
    "menu.my_topups.command": "mis_recargas",
    "menu.my_topups": "Recargas a tu número",
    "menu.alerts.command": "avisos",
    "menu.alerts": "Avisos de recargas a tu número",
    "menu.help.command": "ayuda",
    "menu.help": "Ayuda",
}
