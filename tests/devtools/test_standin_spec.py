"""The stand-in checks every request against the Bot API specification (finding 11).

Each class of request Telegram does not define is refused before any method runs, with
the status Telegram answers: an unknown method 404, everything else 400 "Bad Request".
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from devtools.standin import FakeTelegram
from devtools.standin.server import serve_standin

USER = 1001


@pytest.fixture
def fake() -> FakeTelegram:
    telegram = FakeTelegram()
    telegram.add_user(USER, first_name="Ana")
    telegram.send_text(USER, "/start")
    return telegram


def button(**fields: Any) -> dict[str, Any]:
    return {"text": "✅ Confirmar", **fields}


async def refused(fake: FakeTelegram, method: str, params: dict[str, Any]) -> tuple[int, str]:
    """The status and description of a refusal; nothing was shown in the chat."""
    status, envelope = await fake.call(method, params)
    assert envelope["ok"] is False, envelope
    assert fake.bot_messages(USER) == []
    return status, envelope["description"]


async def test_a_method_telegram_does_not_have_is_not_found(fake: FakeTelegram) -> None:
    assert await refused(fake, "sendMesage", {"chat_id": USER, "text": "hola"}) == (
        404,
        "Not Found",
    )


async def test_a_parameter_the_method_does_not_define_is_refused(fake: FakeTelegram) -> None:
    sent = await fake.call("sendMessage", {"chat_id": USER, "text": "hola"})
    message_id = sent[1]["result"]["message_id"]
    params = {"chat_id": USER, "message_id": message_id, "parse_mode": "HTML"}

    status, description = await fake.call("editMessageReplyMarkup", params)

    assert (status, description["description"]) == (
        400,
        'Bad Request: method editMessageReplyMarkup has no parameter "parse_mode"',
    )


async def test_a_missing_required_parameter_is_refused(fake: FakeTelegram) -> None:
    assert await refused(fake, "sendMessage", {"chat_id": USER}) == (
        400,
        'Bad Request: parameter "text" is required',
    )


async def test_either_chat_and_message_or_an_inline_message_is_required(
    fake: FakeTelegram,
) -> None:
    status, description = await refused(fake, "editMessageText", {"text": "hola"})
    assert (status, description) == (400, 'Bad Request: parameter "chat_id" is required')


@pytest.mark.parametrize(
    ("params", "wrong"),
    [
        ({"text": "hola", "disable_notification": "maybe"}, 'field "disable_notification"'),
        ({"text": ["hola"]}, 'field "text" must be of type String'),
        ({"text": "hola", "message_thread_id": "7a"}, 'field "message_thread_id"'),
        ({"text": "hola", "parse_mode": "XML"}, 'field "parse_mode" must be one of'),
        ({"text": "hola", "reply_parameters": {"message_id": "1"}}, 'field "message_id"'),
    ],
    ids=["boolean", "string", "integer", "enum", "nested-integer"],
)
async def test_a_value_of_the_wrong_type_is_refused(
    fake: FakeTelegram, params: dict[str, Any], wrong: str
) -> None:
    status, description = await refused(fake, "sendMessage", {"chat_id": USER, **params})
    assert status == 400
    assert description.startswith("Bad Request: ")
    assert wrong in description


@pytest.mark.parametrize(
    ("markup", "wrong"),
    [
        (
            {"inline_keyboard": [button(callback_data="a")]},
            "must be of type Array of InlineKeyboardButton",
        ),
        ({"inline_keyboard": [[button(callback_data="x" * 65)]]}, "BUTTON_DATA_INVALID"),
        ({"inline_keyboard": [[button(callback_data="é" * 33)]]}, "BUTTON_DATA_INVALID"),
        ({"inline_keyboard": [[button()]]}, "Text buttons are unallowed"),
        ({"inline_keyboard": [[button(callback_data="a", url="https://a.mx")]]}, "exactly one"),
        ({"inline_keyboard": [[button(callback_data="a", colour="red")]]}, 'no field "colour"'),
        ({"inline_keyboard": [[{"callback_data": "a"}]]}, 'field "text" is required'),
        ({"keyboard": [[{"text": "a", "request_contact": "yes"}]]}, 'field "request_contact"'),
    ],
    ids=[
        "row-not-an-array",
        "callback-data-over-64-bytes",
        "callback-data-over-64-bytes-utf8",
        "no-action",
        "two-actions",
        "unknown-field",
        "no-text",
        "reply-keyboard-boolean",
    ],
)
async def test_a_badly_nested_keyboard_is_refused(
    fake: FakeTelegram, markup: dict[str, Any], wrong: str
) -> None:
    params = {"chat_id": USER, "text": "hola", "reply_markup": markup}
    status, description = await refused(fake, "sendMessage", params)
    assert status == 400
    assert wrong in description


async def test_a_well_formed_keyboard_of_64_bytes_is_shown(fake: FakeTelegram) -> None:
    markup = {"inline_keyboard": [[button(callback_data="é" * 32)]]}
    status, _ = await fake.call(
        "sendMessage", {"chat_id": USER, "text": "hola", "reply_markup": markup}
    )
    assert status == 200
    assert fake.bot_messages(USER)[0].buttons[0].callback_data == "é" * 32


async def test_over_http_form_values_are_read_as_their_types() -> None:
    fake = FakeTelegram()
    fake.add_user(USER, first_name="Ana")
    fake.send_text(USER, "/start")
    markup = json.dumps({"inline_keyboard": [[button(callback_data="a")]]})
    good = {"chat_id": str(USER), "text": "hola", "reply_markup": markup}
    bad = good | {"disable_notification": "maybe"}
    async with await serve_standin(fake) as server, aiohttp.ClientSession() as session:
        url = f"{server.base_url}{server.token}/sendMessage"
        async with session.post(url, data=good) as answer:
            assert answer.status == 200
        async with session.post(url, data=bad) as answer:
            assert answer.status == 400
            assert 'field "disable_notification"' in (await answer.json())["description"]
    assert len(fake.bot_messages(USER)) == 1
