"""Photos in the stand-in: a user's photo with its caption, the bot sending it on by its
file_id, and captions edited as strictly as Telegram edits them."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from devtools.standin import FakeTelegram, StandInRequest

USER = 1001
TOKEN = "123:ABC"


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


def buttons() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("✅", callback_data="ok")]])


async def test_a_users_photo_arrives_with_its_sizes_and_caption(
    bot: Bot, fake: FakeTelegram
) -> None:
    fake.send_photo(USER, "/deposito 500")
    updates = await bot.get_updates(timeout=0)
    message = updates[-1].message
    assert message is not None
    assert [size.width for size in message.photo] == [90, 320, 1280]
    assert message.caption == "/deposito 500"
    assert message.caption_entities[0].type == "bot_command"
    assert message.text is None
    assert isinstance(updates[-1], Update)


async def test_the_bot_sends_a_known_photo_and_edits_its_caption(
    bot: Bot, fake: FakeTelegram
) -> None:
    fake.send_photo(USER)
    file_id = fake.messages(USER)[-1].photo[-1]["file_id"]
    sent = await bot.send_photo(
        USER, file_id, caption="<b>Depósito</b> $500", parse_mode="HTML", reply_markup=buttons()
    )
    assert sent.caption == "Depósito $500"
    assert sent.photo[-1].file_id == file_id
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_caption(
            USER, sent.message_id, caption="<b>Depósito</b> $500", parse_mode="HTML",
            reply_markup=buttons(),
        )  # fmt: skip
    edited = await bot.edit_message_caption(USER, sent.message_id, caption="Aprobado")
    assert isinstance(edited, type(sent))
    shown = fake.message(USER, sent.message_id)
    assert (shown.caption, shown.buttons) == ("Aprobado", [])
    with pytest.raises(BadRequest, match=r"(?i)there is no text in the message to edit"):
        await bot.edit_message_text("x", USER, sent.message_id)


async def test_what_telegram_refuses_about_photos(bot: Bot, fake: FakeTelegram) -> None:
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_photo(USER, "AgACAgEAAxkBAAI-made-up")
    fake.send_photo(USER)
    file_id = fake.messages(USER)[-1].photo[0]["file_id"]
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_photo(USER, file_id, caption="x" * 1025)
    text = await bot.send_message(USER, "hola")
    with pytest.raises(BadRequest, match=r"(?i)there is no caption in the message to edit"):
        await bot.edit_message_caption(USER, text.message_id, caption="x")
