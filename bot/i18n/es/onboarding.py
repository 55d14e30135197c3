"""Textos de la administración de vendedores: invitaciones, altas, la lista, suspensiones."""

TEXTS: dict[str, str] = {
    # /alta sin nada más: la invitación
    "invite.link": (
        "🔗 <b>Invitación para un vendedor nuevo</b>\n\n"
        "Envíale este enlace:\n{link}\n\n"
        "Sirve una sola vez y vence el {expires}. Quien lo abra dice el nombre de su "
        "tienda y queda dado de alta como vendedor: cuenta prepago con saldo $0.00."
    ),
    "invite.ask_shop_name": (
        "👋 ¡Bienvenido! Te invitaron a vender recargas Movistar.\n\n"
        "¿Cómo se llama tu tienda? Escríbelo en un mensaje (hasta 64 caracteres)."
    ),
    "invite.bad_shop_name": (
        "Ese nombre no sirve. Escribe el nombre de tu tienda en un mensaje, de 1 a 64 caracteres."
    ),
    "invite.expired": (
        "⌛ Esta invitación ya venció (duran 24 horas). Pide al administrador una nueva."
    ),
    "invite.already_admin": (
        "Ya eres administrador. La invitación sigue sin usar: reenvíala a quien vaya a vender."
    ),
    "invite.already_reseller": (
        "Ya eres vendedor. La invitación sigue sin usar: reenvíala a quien vaya a vender."
    ),
    "invite.welcome": (
        "✅ Listo, <b>{shop}</b>: ya eres vendedor.\n\n"
        "Tu cuenta es prepago: vendes con el saldo que abones. Para abonar, deposita y "
        "envía /deposito con el monto y la foto del comprobante; un administrador lo "
        "aprueba. Tu saldo, con /saldo.\n\n"
    ),
    "invite.joined.yours": (
        "🆕 <b>{shop}</b> se dio de alta como vendedor con tu invitación ({name}, ID "
        "<code>{user_id}</code>). Cuenta prepago, saldo $0.00."
    ),
    "invite.joined.other": (
        "🆕 <b>{shop}</b> se dio de alta como vendedor con la invitación del administrador "
        "<code>{admin_id}</code> ({name}, ID <code>{user_id}</code>). Cuenta prepago, "
        "saldo $0.00."
    ),
    # /alta <ID> <tienda>
    "add.usage": (
        "Para invitar a alguien, envía /alta sin nada más y reenvíale el enlace.\n"
        "Para dar de alta directamente: /alta &lt;ID de Telegram&gt; &lt;nombre de la "
        "tienda&gt;\nEjemplo: <code>/alta 123456789 Abarrotes Lupita</code>"
    ),
    "add.bad_shop_name": (
        "Falta el nombre de la tienda, o no sirve (de 1 a 64 caracteres). No cambió nada.\n"
        "Ejemplo: <code>/alta 123456789 Abarrotes Lupita</code>"
    ),
    "add.admin": (
        "Ese ID es de un administrador (ADMIN_IDS), y un administrador no es vendedor. "
        "No cambió nada."
    ),
    "add.added": (
        "✅ <b>{shop}</b> (ID <code>{user_id}</code>) ya es vendedor: cuenta prepago, saldo "
        "$0.00. Para ver sus comandos, que abra el bot y envíe /start."
    ),
    "add.renamed": (
        "✏️ <code>{user_id}</code> ya era vendedor: su tienda se llamaba «{before}» y ahora "
        "<b>{shop}</b>. Nada más cambió."
    ),
    # /vendedores
    "list.header": "🏪 <b>Vendedores</b>: {total} · página {page} de {pages}",
    "list.empty": "Aún no hay vendedores. Invita a uno con /alta.",
    "list.line": (
        "<b>{shop}</b> · <code>{user_id}</code> · {status}\n"
        "{account} · saldo {balance}{held}\n"
        "Ventas de hoy: {sales} · {sold}"
    ),
    "list.active": "✅ activo",
    "list.suspended": "⛔ suspendido",
    "list.prepaid": "prepago, crédito {limit}",
    "list.unrestricted": "sin límite",
    "list.held": " (retenido {held})",
    "button.list_previous": "◀ Anteriores",
    "button.list_next": "Siguientes ▶",
    # /suspender, /reactivar
    "suspend.usage": "¿A quién? /suspender &lt;ID o nombre de la tienda&gt;",
    "resume.usage": "¿A quién? /reactivar &lt;ID o nombre de la tienda&gt;",
    "suspend.done": (
        "⛔ <b>{shop}</b> (<code>{user_id}</code>) quedó suspendido: desde ya no vende, ni "
        "con un resumen que tenga en pantalla. Sigue viendo sus recibos. /reactivar lo "
        "deshace."
    ),
    "suspend.already": (
        "<b>{shop}</b> (<code>{user_id}</code>) ya estaba suspendido. No cambió nada."
    ),
    "resume.done": "✅ <b>{shop}</b> (<code>{user_id}</code>) puede vender otra vez.",
    "resume.already": "<b>{shop}</b> (<code>{user_id}</code>) ya estaba activo. No cambió nada.",
    "status.told": "\nSe le avisó.",
    "status.not_told": "\nNo se le pudo avisar (quizá nunca abrió el bot).",
    "suspend.notice": (
        "⛔ Un administrador suspendió tu cuenta: por ahora no puedes hacer recargas. "
        "Tus recibos siguen en /recibos."
    ),
    "resume.notice": "✅ Tu cuenta está activa otra vez: ya puedes vender con /recarga.",
    "topup.suspended": (
        "⛔ Tu cuenta está suspendida: no puedes iniciar recargas. Tus recibos siguen en "
        "/recibos y /recibo. Habla con un administrador."
    ),
    # Al arrancar, una sola vez
    "unrestricted.notice": (
        "ℹ️ <b>Vendedores sin límite</b>\n\n"
        "Con los monederos, los vendedores que ya estaban en RESELLER_IDS quedaron sin "
        "límite, para que nadie dejara de vender: venden como antes y cada venta queda en "
        "su cuenta.\n\n{resellers}\n\n"
        "Para que uno pase a prepago (vende solo con lo que abone, más el crédito que le "
        "des): /credito &lt;vendedor&gt; &lt;monto&gt;, por ejemplo "
        "<code>/credito {example} 500</code> (prepago con $500.00 de crédito). Este aviso no "
        "se repite."
    ),
    "unrestricted.more": "… y {count} más (/vendedores)",
    # /start de un administrador
    "start.admin_resellers": (
        "\n/alta — invitar o dar de alta a un vendedor"
        "\n/vendedores — vendedores, saldos y ventas de hoy"
        "\n/suspender — suspender a un vendedor"
        "\n/reactivar — reactivar a un vendedor"
    ),
    # Menú de comandos
    "menu.invite.command": "alta",
    "menu.invite": "Invitar o dar de alta a un vendedor",
    "menu.resellers.command": "vendedores",
    "menu.resellers": "Vendedores: saldos y ventas de hoy",
    "menu.suspend.command": "suspender",
    "menu.suspend": "Suspender a un vendedor",
    "menu.resume.command": "reactivar",
    "menu.resume": "Reactivar a un vendedor",
}
