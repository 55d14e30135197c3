"""Textos de las alertas a los administradores sobre el proveedor: saldo bajo y una
racha de recargas sin respuesta clara."""

TEXTS: dict[str, str] = {
    "alerts.low_balance": (
        "⚠️ <b>Saldo bajo con el proveedor</b>: {balance}, debajo del aviso de {threshold}.\n"
        "Recarga la cuenta con el distribuidor antes de que las ventas se rechacen por "
        "falta de saldo. Revisa el saldo con /saldo."
    ),
    "alerts.balance_recovered": (
        "✅ El saldo con el proveedor volvió a {balance}, arriba del aviso de {threshold}."
    ),
    "alerts.outage": (
        "🚨 <b>Posible falla del proveedor</b>: {count} recargas seguidas quedaron sin "
        "respuesta clara (pendientes de verificación).\n"
        "Revisa el estado del proveedor con el distribuidor antes de que se vendan más, y "
        "liquida las pendientes con /pendientes."
    ),
    "alerts.outage_over": (
        "✅ El proveedor vuelve a responder (folio {folio}: {status}). "
        "Liquida con /pendientes lo que quedó pendiente."
    ),
}
