"""Message text as Telegram stores it: plain text plus entities with UTF-16 offsets.

Also the small text rules shared by both sides of a chat: decoding "&..." references,
trimming the blank edges Telegram trims, and finding the /commands it marks in user texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
# tdlib's match_bot_commands: not glued to a word, "/" "<" or ">" on either side
_COMMAND = re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>@])")
_BLANK = " \t\r\n\u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"


@dataclass(frozen=True)
class FormattedText:
    """Plain text after parsing, with its entities as Telegram JSON (UTF-16 offsets)."""

    text: str
    entities: tuple[dict[str, Any], ...] = ()

    def stripped(self) -> FormattedText:
        """Without leading and trailing blanks, entities moved and clipped to match."""
        text = self.text.strip(_BLANK)
        if text == self.text:
            return self
        lead = utf16_len(self.text[: len(self.text) - len(self.text.lstrip(_BLANK))])
        size = utf16_len(text)
        entities = []
        for entity in self.entities:
            start = min(max(entity["offset"] - lead, 0), size)
            end = min(max(entity["offset"] + entity["length"] - lead, 0), size)
            if end > start:
                entities.append({**entity, "offset": start, "length": end - start})
        return replace(self, text=text, entities=tuple(entities))


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def command_entities(text: str) -> tuple[dict[str, Any], ...]:
    """The bot_command entities Telegram adds to a user's text, e.g. "/recibos 55..."."""
    return tuple(
        {
            "type": "bot_command",
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group()),
        }
        for match in _COMMAND.finditer(text)
    )


def decode_entity(source: str, pos: int) -> tuple[str | None, int]:
    """The character the "&..." at `pos` stands for and where it ends, or (None, pos).

    Like tdlib: only &lt; &gt; &amp; &quot; and numeric references, ";" optional.
    """
    end = pos + 1
    if source.startswith("#", end):
        end += 1
        hexadecimal = source.startswith("x", end)
        end += hexadecimal
        digits = "0123456789abcdefABCDEF" if hexadecimal else "0123456789"
        start = end
        while end < len(source) and source[end] in digits:
            end += 1
        code = int(source[start:end], 16 if hexadecimal else 10) if end > start else 0
        if code == 0 or code >= 0x10FFFF or 0xD800 <= code <= 0xDFFF or end - pos >= 10:
            return None, pos
        char = chr(code)
    else:
        while end < len(source) and source[end].isascii() and source[end].isalpha():
            end += 1
        named = _NAMED.get(source[pos + 1 : end])
        if named is None:
            return None, pos
        char = named
    return char, end + 1 if source.startswith(";", end) else end
