"""The bot's ExtBot: a press Telegram takes no second answer for does not stop its handler."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from bot.telegram_bot import TelegramBot
from devtools.standin import FakeTelegram, StandInRequest

USER = 1001


@pytest.fixture
def fake() -> FakeTelegram:
    telegram = FakeTelegram(rate_capacity=None)
    telegram.add_user(USER, first_name="Ana")
    telegram.send_text(USER, "/start")
    return telegram


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[TelegramBot]:
    async with TelegramBot(
        token="123:ABC", request=StandInRequest(fake), get_updates_request=StandInRequest(fake)
    ) as bot:
        yield bot


async def _pressed(bot: TelegramBot, fake: FakeTelegram) -> str:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("✅", callback_data="ok")]])
    sent = await bot.send_message(USER, "¿Es correcto?", reply_markup=keyboard)
    fake.press(USER, sent.message_id, "ok")
    updates = await bot.get_updates(timeout=0)
    query = updates[-1].callback_query
    assert query is not None
    return query.id


async def test_a_press_answered_already_is_not_answered_again(
    bot: TelegramBot, fake: FakeTelegram
) -> None:
    query_id = await _pressed(bot, fake)
    assert await bot.answer_callback_query(query_id, "Listo") is True
    # The same press handled again (after a crash): Telegram refuses, the handler goes on.
    assert await bot.answer_callback_query(query_id, "Listo") is False
    assert [error for _, _, error in fake.errors] == [
        "Bad Request: query is too old and response timeout expired or query ID is invalid"
    ]


async def test_other_refusals_of_an_answer_still_raise(
    bot: TelegramBot, fake: FakeTelegram
) -> None:
    query_id = await _pressed(bot, fake)
    with pytest.raises(BadRequest):
        await bot.answer_callback_query(query_id, "x" * 201)  # over Telegram's 200
