"""Textos de /grafica: la imagen de ventas por día, su pie y por qué no se manda."""

TEXTS: dict[str, str] = {
    "menu.chart.command": "grafica",
    "menu.chart": "Gráfica de ventas por día",
    "charts.title": "Ventas por día — {scope} — {period}",
    "charts.everyone": "todos los vendedores",
    "charts.one_day": "el {day}",
    "charts.days": "del {first} al {last}",
    "charts.axis.day": "Día",
    "charts.axis.amount": "Monto (MXN)",
    "charts.legend.approved": "Vendido (aprobadas)",
    "charts.legend.pending": "Pendientes de verificación",
    "charts.legend.declined": "Rechazadas",
    "charts.caption.title": "📊 Ventas {period}",
    "charts.caption.title_shop": "📊 Ventas de {shop}, {period}",
    "charts.caption.approved": "✅ Vendido: {amount} ({count})",
    "charts.caption.pending": "⏳ Pendientes de verificación: {amount} ({count})",
    "charts.caption.declined": "❌ Rechazadas: {amount} ({count})",
    "charts.empty": "📊 No hubo ventas {period}: no hay nada que graficar.",
    "charts.empty_shop": "📊 {shop} no tuvo ventas {period}: no hay nada que graficar.",
    "charts.neither": "❌ «{typed}» no es un periodo ni un vendedor.",
    "charts.neither_yours": (
        "❌ No entiendo «{typed}» como periodo. Solo puedes ver la gráfica de tus propias ventas."
    ),
    "charts.not_yours": "❌ Solo puedes ver la gráfica de tus propias ventas.",
    "charts.usage": (
        "Uso: <code>/grafica [periodo]</code>; sin periodo, los últimos 30 días. Un "
        "administrador puede agregar un vendedor: <code>/grafica mes Abarrotes Lupita</code>."
    ),
}
