"""Who you are to the bot and what you can do: the greeting, the commands of each role,
and the polite refusal of someone the bot does not know."""

from __future__ import annotations

from bot.domain.customers import Customer
from bot.domain.formatting import format_phone
from bot.domain.roles import Role
from bot.i18n import Html, t


def commands_of(role: Role, lang: str) -> Html:
    """The commands a user of `role` has, one a line with what each does."""
    if not role.sells:
        return t(lang, "commands.customer")
    text = Html(t(lang, "commands.reseller") + t(lang, "start.receipts"))
    if role is Role.ADMIN:
        return Html(
            text
            + t(lang, "start.admin_extra")
            + t(lang, "start.admin_resellers")
            + t(lang, "commands.funds")
            + t(lang, "start.admin_terms")
            + t(lang, "start.admin_statement")
            + t(lang, "commands.admin_reports")
        )
    return Html(
        text
        + t(lang, "start.statement")
        + t(lang, "commands.deposits")
        + t(lang, "commands.reports")
    )


def greeting(role: Role, lang: str, name: str, *, sandbox: bool) -> Html:
    """/start of a reseller or an admin (admins also hear when purchases are not real)."""
    text = Html(t(lang, "start.reseller", name=name) + commands_of(role, lang))
    if role is Role.ADMIN and sandbox:
        text = Html(text + t(lang, "start.sandbox"))
    return text


def not_a_seller(lang: str, user_id: int, customer: Customer | None) -> Html:
    """Someone without a role: which id to pass to an admin; a customer who verified
    their number is shown what they can do instead of being turned away."""
    if customer is None:
        return t(lang, "unauthorized", user_id=user_id)
    welcome = t(lang, "customer.welcome", phone=format_phone(customer.phone))
    return Html(welcome + t(lang, "commands.customer"))


def unknown_command(lang: str, command: str, role: Role) -> Html:
    """/historial (say): "I don't know /historial", then the user's own commands."""
    return Html(t(lang, "unknown.command", command=command) + commands_of(role, lang))
