"""Files the bot uploads (sendDocument, sendPhoto with a new photo), read as Telegram
reads them: multipart/form-data over HTTP, PTB's `multipart_data` in process.

Telegram's limits for bots: a document up to 50 MB, a photo up to 10 MB whose width and
height add up to at most 10,000 and whose sides are at most 20 to 1. A photo must be an
image Telegram can read; the stand-in reads PNG (what the bot draws) and JPEG.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from devtools.standin.errors import ApiError, bad_request

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_SIDES = 10_000
MAX_PHOTO_RATIO = 20
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file, as the request carried it."""

    filename: str
    content: bytes
    mime_type: str | None = None


def multipart_fields(body: bytes, content_type: str) -> dict[str, Any]:
    """A multipart/form-data body's fields: text as str, files as `Upload`."""
    header = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(header + body)
    if not message.is_multipart():
        raise ValueError("can't parse the multipart body")
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            raise ValueError("a multipart field has no name")
        content = part.get_payload(decode=True)
        content = content if isinstance(content, bytes) else b""
        filename = part.get_filename()
        if filename is None:
            try:
                fields[name] = content.decode("utf-8")
            except UnicodeDecodeError:
                raise ValueError("strings must be encoded in UTF-8") from None
        else:
            fields[name] = Upload(filename, content, part.get_content_type())
    return fields


def document(upload: Upload) -> Upload:
    """`upload` if Telegram would take it as a document."""
    if not upload.content:
        raise bad_request("file must be non-empty")
    if len(upload.content) > MAX_DOCUMENT_BYTES:
        raise ApiError(413, "Request Entity Too Large")
    return upload


def photo_size(upload: Upload) -> tuple[int, int]:
    """The (width, height) of a photo Telegram would take, or Telegram's refusal."""
    content = upload.content
    if not content:
        raise bad_request("file must be non-empty")
    if len(content) > MAX_PHOTO_BYTES:
        raise bad_request("PHOTO_INVALID_DIMENSIONS")
    size = _png_size(content) if content.startswith(_PNG) else _jpeg_size(content)
    if size is None:
        raise bad_request("IMAGE_PROCESS_FAILED")
    width, height = size
    if (
        width < 1
        or height < 1
        or width + height > MAX_PHOTO_SIDES
        or max(width, height) > MAX_PHOTO_RATIO * min(width, height)
    ):
        raise bad_request("PHOTO_INVALID_DIMENSIONS")
    return size


def _png_size(content: bytes) -> tuple[int, int] | None:
    # The signature, then the IHDR chunk: length, type, width, height.
    if len(content) < 24 or content[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", content[16:24])
    return int(width), int(height)


def _jpeg_size(content: bytes) -> tuple[int, int] | None:
    if not content.startswith(_JPEG):
        return None
    at = 2
    while at + 9 < len(content):
        if content[at] != 0xFF:
            return None
        marker = content[at + 1]
        (length,) = struct.unpack(">H", content[at + 2 : at + 4])
        if 0xC0 <= marker <= 0xCF and marker not in {0xC4, 0xC8, 0xCC}:
            height, width = struct.unpack(">HH", content[at + 5 : at + 9])
            return int(width), int(height)
        at += 2 + length
    return None
