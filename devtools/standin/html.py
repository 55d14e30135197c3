"""Telegram's HTML parse mode: the tags it knows, how they nest and its error texts.

Follows tdlib's current `parse_html` (td/telegram/MessageEntity.cpp). Where Telegram quietly
shows a mistake to the user instead of refusing it, `strict=True` refuses it too: an "&" that
starts no known entity ("&nbsp;", a bare "a & b" from unescaped input) and an <a> without href.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from devtools.standin.entities import FormattedText, decode_entity

_SPACES = " \t\r\n\v\f"
_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "span", "tg-spoiler"}
    | {"tg-emoji", "tg-time", "pre", "code", "blockquote"}
)
_NAME_END = _SPACES + "=>/\"'"
_DATE_FORMAT = re.compile(r"[rR]|[tTdDwW]*")
_SIMPLE = {
    tag: kind
    for kind, tags in (
        ("bold", "b strong"),
        ("italic", "i em"),
        ("underline", "u ins"),
        ("strikethrough", "s strike del"),
        ("spoiler", "span tg-spoiler"),
    )
    for tag in tags.split()
}


class HtmlError(ValueError):
    """The text isn't HTML Telegram accepts; the message is tdlib's description."""


def _is_space(char: str) -> bool:
    return char == "" or char in _SPACES


def _is_token_char(char: str) -> bool:
    return char != "" and ((char.isascii() and char.isalnum()) or char in ".-")


@dataclass
class _Open:
    tag: str
    argument: str
    offset: int
    text_start: int
    begin: int
    expandable: bool = False
    unix_time: int = 0


@dataclass
class _Parser:
    source: str
    strict: bool
    out: list[str] = field(default_factory=list)
    offset: int = 0
    stack: list[_Open] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)

    def at(self, pos: int) -> str:
        return self.source[pos] if pos < len(self.source) else ""

    def byte(self, pos: int) -> int:
        return len(self.source[:pos].encode("utf-8", "surrogatepass"))

    def skip_spaces(self, pos: int) -> int:
        while self.at(pos) != "" and _is_space(self.at(pos)):
            pos += 1
        return pos

    def emit(self, char: str) -> None:
        self.out.append(char)
        self.offset += 2 if ord(char) > 0xFFFF else 1

    def run(self) -> FormattedText:
        if "\0" in self.source:
            raise HtmlError("Text must not contain null bytes")
        pos = 0
        while pos < len(self.source):
            char = self.source[pos]
            if char == "&":
                decoded, end = decode_entity(self.source, pos)
                if decoded is None and self.strict:
                    raise HtmlError(self._bad_ampersand(pos))
                self.emit(decoded or "&")
                pos = end if decoded else pos + 1
            elif char != "<":
                self.emit(char)
                pos += 1
            elif self.at(pos + 1) == "/":
                pos = self.end_tag(pos)
            else:
                pos = self.start_tag(pos)
        if self.stack:
            tag = self.stack[-1].tag
            raise HtmlError(f'Can\'t find end tag corresponding to start tag "{tag}"')
        self.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
        for entity in self.entities:
            if entity["type"] == "code":
                entity.pop("language", None)
        return FormattedText("".join(self.out), tuple(self.entities))

    def _bad_ampersand(self, pos: int) -> str:
        name = ""
        while self.at(pos + 1 + len(name)).isalpha():
            name += self.at(pos + 1 + len(name))
        hint = 'write a literal "&" as "&amp;"'
        if name:
            return f'Unsupported HTML entity "&{name};" at byte offset {self.byte(pos)}; {hint}'
        return f"Can't find end of the entity starting at byte offset {self.byte(pos)}; {hint}"

    def start_tag(self, begin: int) -> int:
        pos = begin + 1
        while not _is_space(self.at(pos)) and self.at(pos) != ">":
            pos += 1
        if self.at(pos) == "":
            raise HtmlError(f"Unclosed start tag at byte offset {self.byte(begin)}")
        tag = self.source[begin + 1 : pos].lower()
        if tag not in _TAGS:
            raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {self.byte(begin)}')
        opened = _Open(tag, "", self.offset, len(self.out), begin)
        while self.at(pos) != ">":
            pos = self.attribute(opened, self.skip_spaces(pos))
        self.check_start(opened)
        self.stack.append(opened)
        return pos + 1

    def attribute(self, opened: _Open, pos: int) -> int:
        if self.at(pos) == ">":
            return pos
        where = f'the tag "{opened.tag}" at byte offset {self.byte(opened.begin)}'
        name_start = pos
        while self.at(pos) != "" and self.at(pos) not in _NAME_END:
            pos += 1
        name = self.source[name_start:pos]
        if not name:
            raise HtmlError(f"Empty attribute name in {where}")
        pos = self.skip_spaces(pos)
        if self.at(pos) != "=":  # an attribute without a value
            if self.at(pos) == "":
                raise HtmlError(f"Unclosed start tag {where.removeprefix('the tag ')}")
            opened.expandable |= opened.tag == "blockquote" and name == "expandable"
            return pos
        pos = self.skip_spaces(pos + 1)
        if self.at(pos) == "":
            raise HtmlError(f"Unclosed start tag {where.removeprefix('the tag ')}")
        value, pos = self.attribute_value(pos)
        if self.at(pos) == "":
            raise HtmlError(f"Unclosed start tag at byte offset {self.byte(opened.begin)}")
        if (opened.tag, name) in {("a", "href"), ("tg-emoji", "emoji-id"), ("tg-time", "format")}:
            opened.argument = value
        elif (opened.tag, name) == ("tg-time", "unix"):
            opened.unix_time = int(value) if value.isdigit() else 0
        elif (opened.tag, name) == ("blockquote", "expandable"):
            opened.expandable = True
        elif opened.tag == "code" and name == "class" and value.startswith("language-"):
            opened.argument = value.removeprefix("language-")
        elif opened.tag == "span" and name == "class" and value.startswith("tg-"):
            opened.argument = value.removeprefix("tg-")
        return pos

    def attribute_value(self, pos: int) -> tuple[str, int]:
        quote = self.at(pos)
        if quote not in {"'", '"'}:
            start = pos
            while _is_token_char(self.at(pos)):
                pos += 1
            if not _is_space(self.at(pos)) and self.at(pos) != ">":
                raise HtmlError(f"Unexpected end of name token at byte offset {self.byte(start)}")
            return self.source[start:pos].lower(), pos
        chars: list[str] = []
        pos += 1
        while self.at(pos) not in {quote, ""}:
            decoded, end = decode_entity(self.source, pos) if self.at(pos) == "&" else (None, 0)
            chars.append(decoded or self.at(pos))
            pos = end if decoded else pos + 1
        return "".join(chars), pos + (self.at(pos) == quote)

    def check_start(self, opened: _Open) -> None:
        where = f"at byte offset {self.byte(opened.begin)}"
        if opened.tag == "span" and opened.argument != "spoiler":
            raise HtmlError(f'Tag "span" must have class "tg-spoiler" {where}')
        if opened.tag == "a" and self.strict and not opened.argument:
            raise HtmlError(f'Tag "a" must have a non-empty attribute "href" {where}')

    def end_tag(self, begin: int) -> int:
        if not self.stack:
            raise HtmlError(f"Unexpected end tag at byte offset {self.byte(begin)}")
        pos = begin + 2
        while not _is_space(self.at(pos)) and self.at(pos) != ">":
            pos += 1
        name = self.source[begin + 2 : pos].lower()
        pos = self.skip_spaces(pos)
        if self.at(pos) != ">":
            raise HtmlError(f"Unclosed end tag at byte offset {self.byte(begin)}")
        opened = self.stack.pop()
        if name and name != opened.tag:
            raise HtmlError(
                f"Unmatched end tag at byte offset {self.byte(begin)}, "
                f'expected "</{opened.tag}>", found "</{name}>"'
            )
        if self.offset > opened.offset:
            self.close(opened)
        return pos + 1

    def close(self, opened: _Open) -> None:
        entity: dict[str, Any] = {"offset": opened.offset, "length": self.offset - opened.offset}
        last = self.entities[-1] if self.entities else None
        same_span = last is not None and (last["offset"], last["length"]) == (
            entity["offset"],
            entity["length"],
        )
        if opened.tag in _SIMPLE:
            entity["type"] = _SIMPLE[opened.tag]
        elif opened.tag == "a":
            entity["type"] = "text_link"
            entity["url"] = opened.argument or "".join(self.out[opened.text_start :])
        elif opened.tag == "tg-emoji":
            if not opened.argument.isdigit() or int(opened.argument) == 0:
                raise HtmlError("Invalid custom emoji identifier specified")
            entity["type"] = "custom_emoji"
            entity["custom_emoji_id"] = opened.argument
        elif opened.tag == "tg-time":
            if not _DATE_FORMAT.fullmatch(opened.argument):
                raise HtmlError("Invalid date format used")
            if opened.unix_time <= 0:
                return
            entity["type"] = "date_time"
            entity["unix_time"] = opened.unix_time
            if opened.argument:
                entity["date_time_format"] = opened.argument
        elif opened.tag == "blockquote":
            entity["type"] = "expandable_blockquote" if opened.expandable else "blockquote"
        elif opened.tag == "pre" and last and same_span and "language" in last:
            # <pre><code class="language-x">: one pre entity carrying the language
            last["type"] = "pre"
            return
        elif opened.tag == "code" and last and same_span and last["type"] == "pre":
            if opened.argument:
                last["language"] = opened.argument
            return
        else:
            entity["type"] = opened.tag
            if opened.argument:
                entity["language"] = opened.argument
        self.entities.append(entity)


def parse_html(source: str, *, strict: bool = True) -> FormattedText:
    """Parse Telegram HTML; raises HtmlError with Telegram's description of the first fault."""
    return _Parser(source, strict).run()
