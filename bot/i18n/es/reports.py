"""Textos del corte del día (/corte) y del reporte de los administradores (/reporte).
docs/REPORTS.md dice qué significa cada cifra."""

TEXTS: dict[str, str] = {
    # Lo que el corte y el reporte comparten: las ventas por estado.
    "reports.sales": "🛒 Ventas: {count}",
    "reports.approved": "✅ Aprobadas: {count} · {face} vendido",
    "reports.declined": "❌ Rechazadas: {count} · {face}",
    "reports.pending": "⏳ En verificación: {count} · {face}",
    "reports.commission": "💰 Comisión ganada: {commission}",
    "reports.named": "{name} ({dates})",
    "reports.range": "{first} – {last}",
    "commands.reports": (
        "\n/corte — tu corte del día (/corte ayer, /corte 2026-12-01)"
        "\n/grafica — gráfica de ventas por día"
        "\n/exportar — tus ventas y movimientos en CSV"
        "\n/resumen — recibir tu corte cada día"
    ),
    "commands.admin_reports": (
        "\n/reporte — ventas por vendedor, día y producto (hoy, semana, mes…)"
        "\n/corte &lt;vendedor&gt; — el corte del día de un vendedor"
        "\n/grafica — gráfica de ventas por día"
        "\n/exportar — ventas y movimientos en CSV"
    ),
    "menu.summary.command": "resumen",
    "menu.summary": "Recibir tu corte cada día (o dejar de recibirlo)",
    "menu.cashup.command": "corte",
    "menu.cashup": "Tu corte del día: ventas, comisión y saldo",
    "menu.reseller_cashup.command": "corte",
    "menu.reseller_cashup": "El corte del día de un vendedor",
    "menu.report.command": "reporte",
    "menu.report": "Ventas por vendedor, día y producto",
    # /corte
    "cashup.title_own": "🧾 <b>Tu corte</b> · {when}",
    "cashup.title_of": "🧾 <b>Corte de {shop}</b> ({user_id}) · {when}",
    "cashup.no_sales": "Sin ventas este día.",
    "cashup.paid": "💳 Costo de lo vendido: {paid}",
    "cashup.held": "🔒 Apartado por ventas en verificación: {held}",
    "cashup.wallet": "👛 <b>Saldo</b>",
    "cashup.start": "Al empezar el día: {balance}",
    "cashup.deposits": "+ Depósitos ({count}): {amount}",
    "cashup.adjustments": "± Ajustes ({count}): {amount}",
    "cashup.charged": "− Ventas cobradas: {amount}",
    "cashup.end": "= Al terminar el día: {balance}",
    "cashup.end_held": "🔒 Apartado al terminar el día: {held}",
    "cashup.other_days": (
        "ℹ️ Una venta se cobra el día en que se aprueba: aquí hay alguna verificada otro "
        "día que el de su venta."
    ),
    "cashup.usage": "Tu corte: /corte, /corte ayer o /corte 2026-12-01.",
    "cashup.not_yours": (
        "❌ «{typed}» no es un día que entienda, y solo puedes ver tu propio corte.\n\n"
        "Tu corte: /corte, /corte ayer o /corte 2026-12-01."
    ),
    "cashup.name_one": (
        "Di de qué vendedor: <code>/corte &lt;vendedor&gt; [día]</code>, por ejemplo "
        "<code>/corte Lupita ayer</code>. El total de todos está en /reporte."
    ),
    "cashup.one_day": (
        "❌ Un corte es de un día: hoy, ayer o una fecha (<code>2026-12-01</code>)."
    ),
    # /reporte
    "report.title": "📊 <b>Reporte</b> · {when}",
    "report.page": "Página {page} de {pages}",
    "report.empty": "Sin ventas en este periodo.",
    "report.cost": "💳 Costo para los vendedores: {paid}",
    "report.held": "🔒 Apartado por ventas en verificación: {held}",
    "report.funds": (
        "💵 Depósitos ({deposit_count}): {deposits} · ✏️ Ajustes ({adjustment_count}): "
        "{adjustments}"
    ),
    "report.provider": "🏦 Saldo con el proveedor: {balance}",
    "report.provider_unknown": "🏦 Saldo con el proveedor: no se pudo consultar ahora.",
    "report.owed": ("👛 Saldos de los {count} vendedores (lo que se les debe): {balances}"),
    "report.owed_held": "🔒 Apartado ahora en sus carteras: {held}",
    "report.by_seller": "Por vendedor",
    "report.by_day": "Por día",
    "report.by_product": "Por producto",
    "report.section": "<b>{section}</b>",
    "report.continued": "<b>{section}</b> (continúa)",
    "report.seller_line": (
        "• {name}: ✅ {approved} · {sold} · ❌ {declined} · ⏳ {pending} {pending_face} · "
        "comisión {commission}"
    ),
    "report.line": (
        "• {name}: ✅ {approved} · {sold} · ❌ {declined} · ⏳ {pending} {pending_face}"
    ),
    "report.previous": "◀ Anterior",
    "report.next": "Siguiente ▶",
    # /resumen y el resumen del día (DAILY_SUMMARY_AT)
    "summary.on": "✅ Cada día a las {at} te llegará tu corte. Para dejar de recibirlo: /resumen.",
    "summary.off": "🔕 Ya no te llegará tu corte cada día. Para volver a recibirlo: /resumen.",
    "summary.admins": ("Los administradores reciben el reporte del día a las {at}, sin pedirlo."),
    "summary.disabled": "El resumen diario está apagado (DAILY_SUMMARY_AT no está configurado).",
    "report.stale": "Ese reporte ya no se puede mostrar; pide otro con /reporte.",
}
