"""Textos de recibos, clientes y enlaces compartidos."""

TEXTS: dict[str, str] = {
    "start.receipts": "\n/recibos — tus recibos",
    # Estado de una recarga, en listas y comprobantes
    "status.approved": "✅ Exitosa",
    "status.declined": "❌ Rechazada",
    "status.pending": "⏳ Pendiente de verificación",
    "status.sending": "⏳ En proceso",
    # /recibos
    "history.title": "🧾 <b>Tus recibos</b>",
    "history.title_phone": "🧾 <b>Tus recibos de {phone}</b>",
    "history.title_all": "🧾 <b>Recibos de todos los vendedores</b>",
    "history.title_all_phone": "🧾 <b>Recibos de {phone}, todos los vendedores</b>",
    "history.line": "{when} · {status}\n📱 {phone} · {product} · {amount} · {link}",
    "history.link": "/recibo_{folio}",
    "history.seller": "\n👤 {seller}",
    "history.empty": "Aún no hay recibos. Escribe /recarga para vender una recarga.",
    "history.empty_phone": "No hay recibos de {phone}.",
    "history.gone": "Esta lista ya no es válida. Escribe /recibos para verla de nuevo.",
    "button.newer": "◀ Más recientes",
    "button.older": "Anteriores ▶",
    # /recibo <folio>
    "receipt.usage": (
        "Escribe el folio del recibo, por ejemplo: /recibo 000012\nTodos tus recibos: /recibos"
    ),
    "receipt.not_found": (
        "No encontré ningún recibo tuyo con el folio {folio}. Revisa el número o búscalo "
        "en /recibos."
    ),
    "receipt.gone": "No encontré ese recibo entre los tuyos.",
    "receipt.seller": "👤 Vendedor: {seller}\n\n",
    "button.repeat": "🔁 Repetir",
    "button.share": "📤 Compartir",
    "repeat.not_now": (
        "Esta recarga está pendiente de verificación: no la vuelvas a vender todavía."
    ),
    "repeat.unavailable": "Ese producto ya no está a la venta. Escribe /recarga.",
    "repeat.suspended": (
        "⛔ Tu cuenta está suspendida: no puedes vender. Tus recibos siguen aquí. Habla con "
        "un administrador."
    ),
    "share.link": (
        "📤 <b>Comprobante para tu cliente</b>\n\n"
        "Envíale este enlace; al abrirlo en Telegram verá el comprobante de la recarga "
        "a {phone}:\n{link}\n\nSolo muestra esta recarga; ni tus datos ni tus otras ventas."
    ),
    # Enlace compartido: la copia del cliente
    "shared.copy": (
        "🧾 <b>Comprobante de recarga</b>\n\n"
        "Compañía: Movistar\nProducto: {product}\nNúmero: {phone}\nMonto: {amount}\n"
        "Fecha y hora: {when}\nFolio: <code>{folio}</code>\n"
        "Número de autorización: <code>{auth_code}</code>\n"
        "Referencia: <code>{reference}</code>\nEstado: {status}\n\n"
        "Conserva este comprobante para aclaraciones.\n\n"
        "¿Es tu número? Ve todas sus recargas con /mis_recargas"
    ),
    "shared.not_charged": (
        "Esta recarga no tiene comprobante: no se realizó o aún se está verificando."
    ),
    "share.not_charged": "Solo una recarga exitosa tiene comprobante para el cliente.",
    "shared.invalid": (
        "Este enlace no es válido. Revisa que esté completo, o pide el comprobante de nuevo "
        "a quien te hizo la recarga."
    ),
    "shared.slow_down": (
        "Demasiados enlaces no válidos. Espera unos minutos y vuelve a intentarlo."
    ),
    # /mis_recargas: verificar el número
    "customers.ask_contact": (
        "📱 Para ver las recargas a tu número, compártelo con el botón "
        "<b>«Compartir mi número»</b> de abajo.\n\n"
        "Solo aceptamos el número de tu propia cuenta de Telegram: así nadie más puede ver "
        "tus recargas."
    ),
    "button.share_contact": "📱 Compartir mi número",
    "customers.not_own": (
        "Ese es el contacto de otra persona. Solo puedes ver las recargas de tu propio "
        "número: usa el botón «Compartir mi número»."
    ),
    "customers.no_user_id": (
        "Ese contacto no está ligado a una cuenta de Telegram, así que no sabemos si es "
        "tuyo. Usa el botón «Compartir mi número»."
    ),
    "customers.typed": (
        "Por seguridad no aceptamos números escritos: cualquiera podría escribir el de otra "
        "persona. Usa el botón «Compartir mi número» de abajo."
    ),
    "customers.not_mexican": (
        "El número de tu cuenta de Telegram no es de México, así que no tiene recargas "
        "Movistar México aquí."
    ),
    "customers.verified": (
        "✅ Número verificado: <b>{phone}</b>.\n"
        "🔔 Te avisaremos aquí cuando se apruebe una recarga a este número "
        "(/avisos para activar o desactivar los avisos)."
    ),
    # /mis_recargas: la lista
    "customers.title": "📋 <b>Recargas a {phone}</b>",
    "customers.line": "{when} · {status}\n{product} · {amount} · Folio {folio}{auth}",
    "customers.auth": " · Aut. {auth_code}",
    "customers.empty": "Aún no hay recargas a {phone} en este bot.",
    "customers.not_verified": "Primero verifica tu número con /mis_recargas.",
    # /avisos y el aviso mismo
    "alerts.on": (
        "🔔 Avisos activados: te diremos aquí cuando se apruebe una recarga a {phone}. "
        "/avisos para desactivarlos."
    ),
    "alerts.off": "🔕 Avisos desactivados para {phone}. /avisos para activarlos de nuevo.",
    "customers.notice_auth": "\nAutorización: <code>{auth_code}</code>",
    "customers.notice": (
        "✅ <b>Recarga recibida</b>\n\n"
        "Tu número {phone} recibió una recarga Movistar de {amount} ({product}).\n"
        "🕒 {when}\nFolio: <code>{folio}</code>{auth}\n\n"
        "Todas tus recargas: /mis_recargas · Dejar de recibir avisos: /avisos"
    ),
}
