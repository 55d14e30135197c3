"""Reading a PNG as Telegram would before showing it: its signature and its size."""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a valid PNG's IHDR, its first chunk; AssertionError else."""
    assert data[:8] == SIGNATURE, "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13, "a PNG starts with its IHDR chunk"
    header = data[16:29]
    (crc,) = struct.unpack(">I", data[29:33])
    assert zlib.crc32(kind + header) == crc, "IHDR's checksum"
    width, height = struct.unpack(">II", header[:8])
    assert data.endswith(b"IEND\xaeB`\x82"), "a PNG ends with IEND"
    return width, height
