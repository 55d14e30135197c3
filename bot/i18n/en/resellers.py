"""Resellers' accounts as admins read them."""

TEXTS: dict[str, str] = {
    "resellers.none": (
        "No reseller is «{asked}». Type their Telegram id or their shop name; /resellers "
        "lists them."
    ),
    "resellers.ambiguous": (
        "«{asked}» could be more than one reseller:\n{candidates}\n\nType it again by id."
    ),
    "resellers.candidate": "• {shop} — <code>{user_id}</code>",
}
