"""Files the bot uploads: documents (a CSV export) and new photos (a chart), taken or
refused as Telegram takes or refuses them, in process and over HTTP."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot, InputFile
from telegram.error import BadRequest, NetworkError

from devtools.standin import FakeTelegram, StandInRequest
from devtools.standin.server import DEFAULT_TOKEN, serve_standin
from devtools.standin.uploads import MAX_DOCUMENT_BYTES

USER = 1001
TOKEN = "123:ABC"


def png(width: int, height: int) -> bytes:
    """A real (blank, grey) PNG of the given size."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def fake() -> FakeTelegram:
    telegram = FakeTelegram(rate_capacity=None)
    telegram.add_user(USER, first_name="Ana")
    telegram.send_text(USER, "/start")
    return telegram


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(
        token=TOKEN, request=StandInRequest(fake), get_updates_request=StandInRequest(fake)
    ) as bot:
        yield bot


async def test_a_document_arrives_with_its_name_caption_and_bytes(
    bot: Bot, fake: FakeTelegram
) -> None:
    content = "\ufefffolio,teléfono\r\n1,55 1234 5678\r\n".encode()
    sent = await bot.send_document(
        USER,
        InputFile(io.BytesIO(content), filename="ventas.csv"),
        caption="<b>Ventas</b> de hoy",
        parse_mode="HTML",
    )

    assert sent.document is not None
    assert sent.document.file_name == "ventas.csv"
    assert sent.document.file_size == len(content)
    assert sent.caption == "Ventas de hoy"
    message = fake.last_bot_message(USER)
    assert message.document is not None
    assert fake.uploaded(message) == content


async def test_a_new_photo_arrives_with_its_size(bot: Bot, fake: FakeTelegram) -> None:
    sent = await bot.send_photo(USER, InputFile(io.BytesIO(png(1200, 700)), filename="g.png"))

    assert (sent.photo[-1].width, sent.photo[-1].height) == (1200, 700)
    assert [size.width for size in sent.photo[:-1]] == [90, 320, 800]
    assert fake.uploaded(fake.last_bot_message(USER)) == png(1200, 700)


@pytest.mark.parametrize(
    ("content", "refusal"),
    [
        (b"", "file must be non-empty"),
        (b"not an image at all", "IMAGE_PROCESS_FAILED"),
        (png(9000, 2000), "PHOTO_INVALID_DIMENSIONS"),
        (png(2100, 100), "PHOTO_INVALID_DIMENSIONS"),
    ],
)
async def test_photos_telegram_cannot_take_are_refused(
    bot: Bot, fake: FakeTelegram, content: bytes, refusal: str
) -> None:
    with pytest.raises(BadRequest, match=f"(?i){refusal}"):
        await bot.send_photo(USER, InputFile(io.BytesIO(content), filename="g.png"))

    assert fake.messages(USER)[-1].from_bot is False


async def test_a_document_over_50_mb_is_refused(bot: Bot, fake: FakeTelegram) -> None:
    too_big = b"x" * (MAX_DOCUMENT_BYTES + 1)

    with pytest.raises(NetworkError, match="Request Entity Too Large"):
        await bot.send_document(USER, InputFile(io.BytesIO(too_big), filename="big.csv"))

    assert fake.messages(USER)[-1].from_bot is False


async def test_uploads_over_http_are_read_from_the_multipart_form(fake: FakeTelegram) -> None:
    server = await serve_standin(fake)
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{server.port}", trust_env=False
        ) as http:
            document = await http.post(
                f"/bot{DEFAULT_TOKEN}/sendDocument",
                files={"document": ("movimientos.csv", b"a,b\r\n1,2\r\n", "text/csv")},
                data={"chat_id": str(USER), "caption": "Movimientos"},
            )
            photo = await http.post(
                f"/bot{DEFAULT_TOKEN}/sendPhoto",
                files={"photo": ("g.png", png(640, 480), "image/png")},
                data={"chat_id": str(USER)},
            )
    finally:
        await server.close()

    assert document.status_code == 200, document.text
    assert document.json()["result"]["document"]["file_name"] == "movimientos.csv"
    assert document.json()["result"]["caption"] == "Movimientos"
    assert photo.json()["result"]["photo"][-1]["width"] == 640
