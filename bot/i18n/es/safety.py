"""Textos de la seguridad del dinero: duplicados, pendientes, entregas."""

TEXTS: dict[str, str] = {
    # Misma recarga al mismo número hace poco
    "repeat.warning": (
        "⚠️ <b>¿Recargar de nuevo?</b>\n\n"
        "A este número ya se le vendió <b>{sold}</b> {ago} "
        "({when}) y {status}.\n\n"
        "📱 Número: <b>{phone}</b>\n📦 Producto: <b>{product}</b>\n💵 Monto: <b>{amount}</b>\n\n"
        "El proveedor suele bloquear una recarga repetida. Confirma solo si tu cliente "
        "de verdad quiere otra."
    ),
    "repeat.sold.airtime": "{product} de {amount}",
    "repeat.ago.now": "hace un momento",
    "repeat.ago.minutes": "hace {minutes} min",
    "repeat.ago.hours": "hace {hours} horas",
    "repeat.ago.days": "hace {days} días",
    "repeat.status.approved": "fue aprobada",
    "repeat.status.pending": "está pendiente de verificación",
    "repeat.status.sending": "se está procesando",
    "button.repeat_again": "⚠️ Sí, recargar de nuevo",
    "callback.repeat": "Esta recarga ya se vendió: revisa el aviso.",
    # /pendientes
    "pending.empty": "✅ No hay recargas pendientes de verificación.",
    "pending.header": (
        "⏳ <b>Pendientes de verificación: {total}</b>\nDe la más antigua a la más reciente "
        "({first}–{last}). Verifícalas con el proveedor y márcalas."
    ),
    "pending.item": (
        "<b>Folio {folio}</b> · {when}\nID de transacción: <code>{dtid}</code>\n"
        "Vendedor: {reseller}\n📱 {phone} · {product} · {amount}\nMotivo: {reason}"
    ),
    "button.settle_approved": "✅ {folio} se cobró",
    "button.settle_failed": "❌ {folio} no se cobró",
    "button.page_prev": "◀️ Anteriores",
    "button.page_next": "Siguientes ▶️",
    "settle.ask_reference": (
        "✅ El folio <code>{folio}</code> ({phone} · {amount}) quedará como <b>cobrado</b>.\n\n"
        "Escribe la referencia del proveedor, o /omitir si no la tienes. "
        "/cancelar la deja pendiente."
    ),
    "settle.reference_placeholder": "Referencia del proveedor",
    "settle.reference_invalid": (
        "La referencia va en una sola línea de hasta 64 caracteres. Escríbela de nuevo, o /omitir."
    ),
    "settle.confirm_failed": (
        "❌ ¿Confirmas que el folio <code>{folio}</code> ({phone} · {amount}) "
        "<b>no se cobró</b>?\n\nEl vendedor podrá venderla de nuevo. "
        "Si no estás seguro, ignora este mensaje."
    ),
    "button.settle_failed_confirm": "❌ Sí, no se cobró",
    "settle.done_approved": (
        "✅ Folio <code>{folio}</code> quedó como <b>cobrado</b>{reference}."
    ),
    "settle.with_reference": " (referencia: {reference})",
    "settle.no_reference": " (sin referencia)",
    "settle.done_failed": "❌ Folio <code>{folio}</code> quedó como <b>no cobrado</b>.",
    "settle.seller_told": "Se avisó al vendedor.",
    "settle.seller_later": "El aviso al vendedor no salió; se reintentará solo.",
    "settle.already": "Esta recarga ya la liquidó {admin} el {when} como {outcome}.",
    "settle.by_another": (
        "ℹ️ {admin} liquidó el folio <code>{folio}</code> ({phone} · {amount}) como {outcome}."
    ),
    "settle.by_another.approved": "cobrado",
    "settle.by_another.failed": "no cobrado",
    "settle.outcome.approved": "cobrada",
    "settle.outcome.failed": "no cobrada",
    "settle.not_pending": "Esta recarga ya no está pendiente de verificación.",
    "settle.not_found": "Ese botón no es de ninguna recarga.",
    "settle.question_cancelled": (
        "Listo: no se liquidó; el folio <code>{folio}</code> sigue pendiente de verificación."
    ),
    "settle.expired": (
        "Esa pregunta venció a los 15 minutos y no se liquidó nada. "
        "Para liquidar la recarga, vuelve a tocar ✅ en /pendientes."
    ),
    "settle.nothing_to_skip": "No hay ninguna referencia por escribir.",
    "callback.settle_asked": "Escribe la referencia o /omitir.",
    # Lo que se le dice al vendedor cuando se liquida su recarga pendiente
    "settled.approved": (
        "✅ <b>Recarga confirmada</b>\n\n"
        "Tu recarga pendiente ya se verificó con el proveedor: <b>sí se realizó</b>.\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\nFolio: <code>{folio}</code>{reference}"
    ),
    "settled.reference": "\nReferencia: <code>{reference}</code>",
    "settled.failed": (
        "❌ <b>Recarga no realizada</b>\n\n"
        "Tu recarga pendiente ya se verificó con el proveedor: <b>no se cobró</b>.\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\nFolio: <code>{folio}</code>\n\n"
        "👉 Puedes venderla de nuevo con /recarga."
    ),
    "decline.settled_failed": "Un administrador verificó con el proveedor que no se realizó.",
    # Por qué una recarga quedó pendiente (lo que el proveedor dijo va entre « »)
    "reason.timeout": "el proveedor no respondió en {seconds} s",
    "reason.dropped": "la conexión se cortó antes de la respuesta",
    "reason.restart": "el bot se detuvo mientras esperaba al proveedor",
    "reason.not_json": "respuesta ilegible del proveedor (HTTP {status})",
    "reason.undocumented": (
        "el proveedor dijo «éxito» sin una aprobación documentada (HTTP {status}, {code})"
    ),
    "reason.said_code": "el proveedor respondió HTTP {status}, {code}: «{said}»",
    "reason.said": "el proveedor respondió HTTP {status}: «{said}»",
    "reason.after_sending": "falla de red después de enviarla ({error})",
    "reason.internal": "error interno del bot; pudo haberse enviado",
    "reason.http_only": "el proveedor respondió HTTP {status} sin explicación",
    "reason.http_code": "el proveedor respondió HTTP {status}, {code}, sin explicación",
    "reason.code": "código {code}",
    "reason.no_code": "sin código",
    "reason.unknown": "sin detalle",
}
