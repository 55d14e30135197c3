"""Textos de las cuentas de vendedores, como las leen los administradores."""

TEXTS: dict[str, str] = {
    "resellers.none": (
        "No hay ningún vendedor «{asked}». Escribe su ID de Telegram o el nombre de su "
        "tienda; /vendedores los muestra."
    ),
    "resellers.ambiguous": (
        "«{asked}» puede ser más de un vendedor:\n{candidates}\n\nVuelve a escribirlo con su ID."
    ),
    "resellers.candidate": "• {shop} — <code>{user_id}</code>",
}
