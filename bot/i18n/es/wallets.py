"""Textos del monedero de cada vendedor en el momento de vender (✅)."""

TEXTS: dict[str, str] = {
    "confirm.suspended": (
        "Tu cuenta está suspendida; no se envió nada. Habla con un administrador."
    ),
    "wallet.short": (
        "💳 <b>Saldo insuficiente</b>; no se envió nada.\n\n"
        "Esta recarga te cuesta {cost}.\n"
        "<b>Disponible: {available}</b>\n\n"
        "Para abonar, deposita y envía /deposito con el monto y la foto del "
        "comprobante. Cuando un administrador lo apruebe, toca ✅ otra vez."
    ),
    "wallet.over_per_sale": (
        "Esta recarga pasa tu límite por venta de {maximum}; no se envió nada."
    ),
    "wallet.over_per_day": (
        "Con esta recarga pasarías tu límite diario de {maximum} (hoy llevas {sold}); "
        "no se envió nada."
    ),
    "callback.short": "Saldo insuficiente; no se envió nada.",
    "callback.limited": "Límite alcanzado; no se envió nada.",
}
