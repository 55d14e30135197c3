"""Textos de los términos de cada vendedor: cuenta y crédito, comisión, límites."""

TEXTS: dict[str, str] = {
    "terms.account.unrestricted": "Cuenta: sin límite (vende sin saldo; todo se anota)",
    "terms.account.prepaid": "Cuenta: prepago, con crédito de {limit}",
    "terms.commission.own": "Comisión propia: tiempo aire {airtime}, paquetes {package}",
    "terms.commission.default": "Comisión: tiempo aire {airtime}, paquetes {package}",
    "terms.limits.none": "sin límite",
    "terms.limits.line": "Límites: por venta {per_sale}, por día {per_day}",
    "terms.changed": "✅ Listo. <b>{shop}</b> (<code>{user_id}</code>)\n{terms}",
    "terms.notice": "ℹ️ Un administrador cambió tu cuenta.\n{terms}{available}",
    "terms.notice.available": "\n<b>Disponible: {available}</b>",
    "terms.default_changed": ("✅ Listo. Para todos los vendedores sin comisión propia:\n{terms}"),
    "terms.overview": (
        "💼 <b>Comisiones</b>\n{default} (para todos)\n\n<b>Con comisión propia</b>\n{own}\n\n"
        "Cambiar: /comision &lt;vendedor|todos&gt; &lt;% tiempo aire&gt; &lt;% paquetes&gt;\n"
        "Quitar la propia: /comision &lt;vendedor&gt; normal"
    ),
    "terms.overview.own": "• {shop} (<code>{user_id}</code>): {terms}",
    "terms.overview.more": "… y {count} más",
    "terms.overview.nobody": "Nadie.",
    "terms.credit.usage": (
        "Escribe: /credito &lt;vendedor&gt; &lt;monto&gt;, por ejemplo "
        "<code>/credito 123456789 500</code>: podrá vender hasta $500.00 más de lo que "
        "tiene. Con 0 vende solo lo que tiene; con «sin límite» vende sin saldo."
    ),
    "terms.credit.amount": (
        "«{typed}» no es un monto. Escribe pesos, como 500 o 1,250.50 (o 0, o «sin límite»)."
    ),
    "terms.commission.usage": (
        "Escribe: /comision &lt;vendedor|todos&gt; &lt;% tiempo aire&gt; &lt;% paquetes&gt;, "
        "por ejemplo <code>/comision todos 3 5</code> o <code>/comision Abarrotes Lupita 3.5 "
        "6</code>. Para quitarle la suya: <code>/comision &lt;vendedor&gt; normal</code>."
    ),
    "terms.commission.percent": (
        "«{typed}» no es un porcentaje de 0 a 100 (hasta dos decimales, como 3.5)."
    ),
    "terms.limits.usage": (
        "Escribe: /limite &lt;vendedor&gt; &lt;por venta&gt; &lt;por día&gt;, por ejemplo "
        "<code>/limite 123456789 500 3000</code>; un guion (-) es sin límite."
    ),
    "terms.limits.amount": "«{typed}» no es un monto. Escribe pesos, como 500, o - para ninguno.",
    "terms.limits.order": "El límite por venta no puede pasar del límite por día.",
    "start.admin_terms": (
        "\n/credito — crédito o cuenta sin límite de un vendedor"
        "\n/comision — comisiones, para todos o para uno"
        "\n/limite — límites por venta y por día"
    ),
    "menu.credit_limit.command": "credito",
    "menu.credit_limit": "Crédito de un vendedor",
    "menu.commission.command": "comision",
    "menu.commission": "Comisiones",
    "menu.limits.command": "limite",
    "menu.limits": "Límites por venta y por día",
}
