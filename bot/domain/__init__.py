"""Rules of the business that hold without Telegram, HTTP or SQL: the catalog, what a
phone number and an amount are, and how they are shown.

Domain errors carry a message-catalog key and its parameters rather than prose, so the
bot's text catalogs (one per language) decide the wording.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping


class DomainError(Exception):
    """Input the user can correct: `key` names the message, `params` fill it in."""

    key: str
    params: dict[str, str | int]

    def __init__(self, key: str, params: Mapping[str, str | int] | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.params = dict(params or {})

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, {self.params!r})"


def visible(text: str) -> str:
    """`text` without the characters nobody sees: direction marks and isolates, zero-width
    spaces and joiners (Unicode's "format" characters). A number copied from a contact
    card or another chat often carries them, and the reseller cannot see what is wrong."""
    if text.isascii():
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")
