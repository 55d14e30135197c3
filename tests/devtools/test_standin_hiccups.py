"""Telegram's hiccups on demand: planned failures and late answers, then business as usual."""

from __future__ import annotations

import asyncio

from devtools.standin import FakeTelegram


async def test_the_next_calls_of_a_method_fail_with_the_planned_status() -> None:
    telegram = FakeTelegram()
    telegram.hiccups.fail("getMe", 502, times=2)

    answers = [await telegram.call("getme", {}) for _ in range(3)]

    assert [status for status, _ in answers] == [502, 502, 200]
    assert answers[0][1] == {"ok": False, "error_code": 502, "description": "Bad Gateway"}
    assert answers[2][1]["result"]["is_bot"] is True
    assert telegram.hiccups.met == ["getMe", "getMe"]
    assert telegram.errors == [], "a hiccup is no refusal of the request"


async def test_other_methods_are_answered_as_usual() -> None:
    telegram = FakeTelegram()
    telegram.hiccups.fail("deleteWebhook", 500)

    status, _ = await telegram.call("getMe", {})

    assert status == 200
    assert telegram.hiccups.met == []


async def test_a_late_answer_comes_when_released_and_the_call_still_takes_effect() -> None:
    telegram = FakeTelegram()
    telegram.add_user(7, "Rita")
    telegram.send_text(7, "/start")  # the bot may write once the user has
    telegram.hiccups.delay("sendMessage", 60)

    late = asyncio.create_task(telegram.call("sendMessage", {"chat_id": 7, "text": "hola"}))
    await asyncio.sleep(0)  # the call runs up to its wait
    assert telegram.hiccups.waiting == 1
    assert telegram.bot_messages(7) == [], "not taken in yet"
    telegram.hiccups.release()
    status, _ = await late

    assert status == 200
    assert telegram.last_bot_message(7).text == "hola"
    assert telegram.hiccups.waiting == 0


async def test_a_late_answer_comes_after_its_delay() -> None:
    telegram = FakeTelegram()
    telegram.hiccups.delay("getMe", 0.01)

    status, _ = await telegram.call("getMe", {})

    assert status == 200
    assert telegram.hiccups.met == ["getMe"]
