"""The stand-in can tell the bot to wait before writing to one chat, as Telegram does."""

from __future__ import annotations

from devtools.standin import FakeTelegram

OTHER = 1002
USER = 1001


class Clock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


async def test_a_chat_told_to_wait_gets_429_with_the_seconds_left_and_others_do_not() -> None:
    clock = Clock()
    fake = FakeTelegram(clock=clock, rate_capacity=None)
    for user_id in (USER, OTHER):
        fake.add_user(user_id)
        fake.send_text(user_id, "/start")
    fake.flood_wait(USER, 30)

    status, body = await fake.call("sendMessage", {"chat_id": USER, "text": "hola"})
    assert status == 429
    assert body["description"] == "Too Many Requests: retry after 30"
    assert body["parameters"] == {"retry_after": 30}
    assert (await fake.call("sendMessage", {"chat_id": OTHER, "text": "hola"}))[0] == 200

    clock.now += 29.5
    status, body = await fake.call("sendMessage", {"chat_id": USER, "text": "hola"})
    assert (status, body["parameters"]) == (429, {"retry_after": 1})
    clock.now += 0.5
    assert (await fake.call("sendMessage", {"chat_id": USER, "text": "hola"}))[0] == 200
    assert [m.text for m in fake.bot_messages(USER)] == ["hola"]
