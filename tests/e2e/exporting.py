"""Steps the export tests share: the documents the bot sent, read back as a spreadsheet
would read them, and the rows the database holds for the same period."""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal

from devtools.standin import ChatMessage
from tests.harness import Harness

BOM = b"\xef\xbb\xbf"


def documents(bot: Harness, user_id: int) -> list[ChatMessage]:
    return [m for m in bot.telegram.bot_messages(user_id) if m.document is not None]


def csv_bytes(bot: Harness, message: ChatMessage) -> list[bytes]:
    """The CSV files a document carries: itself, or each member of its zip."""
    content = bot.telegram.uploaded(message)
    assert message.document is not None
    if message.document["file_name"].endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return [archive.read(name) for name in archive.namelist()]
    return [content]


def table(content: bytes) -> list[list[str]]:
    """Header and rows, as Python's csv reads the file: UTF-8 with a BOM, CRLF ends."""
    assert content.startswith(BOM)
    text = content[len(BOM) :].decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF
    return list(csv.reader(io.StringIO(text, newline="")))


def read(bot: Harness, message: ChatMessage) -> list[list[str]]:
    [content] = csv_bytes(bot, message)
    return table(content)


def by_header(rows: list[list[str]]) -> list[dict[str, str]]:
    header, *data = rows
    assert all(len(row) == len(header) for row in data)
    return [dict(zip(header, row, strict=True)) for row in data]


def pesos(cell: str) -> int:
    """A money cell in centavos: a plain decimal with a point and two digits."""
    assert cell.count(".") == 1 and len(cell.split(".")[1]) == 2 and "," not in cell
    return int(Decimal(cell) * 100)
