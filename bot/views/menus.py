"""The command menu each role sees, in each language (Telegram's setMyCommands).

Customers' commands are the default menu, so anyone who opens the bot sees how to check
the top-ups to their number; resellers and admins get a menu of their own, set on
their private chat, with what their role can do and nothing it cannot.
"""

from __future__ import annotations

from telegram import BotCommand

from bot.domain.roles import Role
from bot.i18n import plain

# Each entry names catalog keys: menu.<entry>.command (the command in that language)
# and menu.<entry> (its description).
_SELLING = ("topup", "cancel", "receipts", "receipt")
_MANAGING = ("invite", "resellers", "suspend", "resume")  # resellers, by admins
_ENTRIES: dict[Role, tuple[str, ...]] = {
    Role.STRANGER: ("my_topups", "alerts"),
    Role.CUSTOMER: ("my_topups", "alerts"),
    Role.RESELLER: (
        *_SELLING,
        "my_balance",
        "statement",
        "cashup",
        "chart",
        "export",
        "summary",
        "deposit",
        "help",
    ),
    Role.ADMIN: (
        *_SELLING,
        "balance",
        "reseller_statement",
        "export",
        "pending",
        *_MANAGING,
        "add_funds",
        "adjust",
        "credit_limit",
        "commission",
        "limits",
        "report",
        "reseller_cashup",
        "chart",
        "help",
    ),
}


def menu(role: Role, lang: str) -> list[BotCommand]:
    """The commands `role` sees in its menu, in `lang`."""
    return [
        BotCommand(plain(lang, f"menu.{entry}.command"), plain(lang, f"menu.{entry}"))
        for entry in _ENTRIES[role]
    ]
