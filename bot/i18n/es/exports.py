"""Textos de /exportar: los encabezados de los CSV, los estados y movimientos en palabras,
los pies de los archivos y por qué no se envía nada."""

TEXTS: dict[str, str] = {
    "menu.export.command": "exportar",
    "menu.export": "Ventas y movimientos en CSV",
    "exports.usage": (
        "Escribe /exportar y, si quieres, el periodo (<code>mes</code> si no dices) y el "
        "vendedor: su ID de Telegram o el nombre de su tienda.\n"
        "Ejemplo: <code>/exportar mes pasado Tienda Sol</code>"
    ),
    "exports.unknown": "❌ «{typed}» no es un periodo ni un vendedor.",
    "exports.unknown_own": (
        "❌ «{typed}» no es un periodo, y solo puedes exportar tus propias ventas."
    ),
    "exports.not_yours": "❌ Solo puedes exportar tus propias ventas: escribe /exportar.",
    "exports.busy": "⏳ Tu exportación anterior sigue en curso. Espera a que llegue.",
    "exports.nothing": "No hay nada que exportar de {period}{who}: ni ventas ni movimientos.",
    "exports.who": " de {shop}",
    "exports.everyone": "todos los vendedores",
    "exports.failed": "❌ No se pudo preparar la exportación. Intenta de nuevo en un momento.",
    "exports.caption.purchases": "📄 Ventas de {period}, {who}: {rows}",
    "exports.caption.ledger": "📄 Movimientos de saldo de {period}, {who}: {rows}",
    "exports.rows.one": "1 fila",
    "exports.rows.many": "{rows} filas",
    "exports.caption.zipped": " (CSV comprimido en zip)",
    "exports.caption.part": " · parte {part} de {parts}",
    "exports.period": "{first} a {last}",
    "exports.day": "{first}",
    "exports.file.purchases": "ventas",
    "exports.file.ledger": "movimientos",
    "exports.header.purchases": (
        "Fecha|Hora|Folio|ID vendedor|Tienda|Teléfono|Producto|Monto|Costo|Comisión|Estado|"
        "ID de transacción|Transacción del proveedor|Referencia|Autorización|"
        "Liquidada por|ID de quien liquidó|Liquidada el"
    ),
    "exports.header.ledger": (
        "Fecha|Hora|Movimiento|ID vendedor|Tienda|Tipo|Importe|Apartado|Saldo después|"
        "Apartado después|Folio|Depósito|Nota|ID de quien lo hizo"
    ),
    "exports.status.approved": "Aprobada",
    "exports.status.declined": "Rechazada",
    "exports.status.pending": "Pendiente de verificación",
    "exports.kind.hold": "Apartado",
    "exports.kind.sale": "Venta",
    "exports.kind.release": "Liberación",
    "exports.kind.deposit": "Depósito",
    "exports.kind.adjustment": "Ajuste",
}
