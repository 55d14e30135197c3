"""The bot's rate limiter on a clock the test moves: each chat paced on its own, one
overall budget with people's replies first, and a 429 holding only what it is about."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.ratelimit import KEEP_CHATS, FloodControl, Priority, counts_as_message
from tests.harness import HumanPace

A, B = 1001, 1002


class Telegram:
    """What the limiter lets through, in order, with the clock's time; a request may be
    told to wait (429) a given number of times."""

    def __init__(self, clock: HumanPace) -> None:
        self.clock = clock
        self.sent: list[tuple[str, Any, float]] = []
        self.refuse: dict[tuple[str, Any], list[int]] = {}

    async def post(self, endpoint: str, data: dict[str, Any]) -> bool:
        key = (endpoint, data.get("text", data.get("chat_id")))
        if self.refuse.get(key):
            raise RetryAfter(self.refuse[key].pop(0))
        self.sent.append((endpoint, data.get("text"), self.clock.now))
        return True

    def texts(self) -> list[Any]:
        return [text for _, text, _ in self.sent]


@pytest.fixture
def clock() -> HumanPace:
    pace = HumanPace()
    pace.waits_move_time = False  # a wait ends when the test moves the clock
    return pace


@pytest.fixture
def telegram(clock: HumanPace) -> Telegram:
    return Telegram(clock)


def limiter(clock: HumanPace, **options: Any) -> FloodControl:
    return FloodControl(clock=clock, sleep=clock.sleep, **options)


def request(
    flood: FloodControl,
    telegram: Telegram,
    endpoint: str,
    chat_id: int | None = None,
    text: str | None = None,
    priority: Priority | None = None,
) -> asyncio.Task[Any]:
    data: dict[str, Any] = {} if chat_id is None else {"chat_id": chat_id}
    if text is not None:
        data["text"] = text
    call: Awaitable[Any] = flood.process_request(
        telegram.post, (endpoint, data), {}, endpoint, data, priority
    )
    return asyncio.ensure_future(call)


async def settle() -> None:
    for _ in range(50):
        await asyncio.sleep(0)


async def later(clock: HumanPace, seconds: float) -> None:
    clock.step(seconds)
    await settle()


def test_messages_are_what_telegram_paces() -> None:
    assert counts_as_message("sendMessage") and counts_as_message("editMessageText")
    assert counts_as_message("editMessageReplyMarkup") and counts_as_message("copyMessage")
    assert not counts_as_message("sendChatAction")
    assert not counts_as_message("answerCallbackQuery") and not counts_as_message("leaveChat")


async def test_a_chat_gets_its_burst_then_one_a_second_and_other_chats_do_not_wait(
    clock: HumanPace, telegram: Telegram
) -> None:
    flood = limiter(clock)
    flooded = [request(flood, telegram, "sendMessage", A, f"a{n}") for n in range(8)]
    await settle()
    assert telegram.texts() == ["a0", "a1", "a2", "a3", "a4"]

    other = request(flood, telegram, "sendMessage", B, "b0")
    await settle()
    assert other.done() and telegram.texts()[-1] == "b0"  # while A's 6th still waits

    await later(clock, 1)
    assert telegram.texts()[-1] == "a5"
    await later(clock, 2)
    assert telegram.texts()[-2:] == ["a6", "a7"]
    assert all(task.done() for task in flooded)


async def test_a_429_for_one_chat_holds_that_chat_only_for_its_retry_after(
    clock: HumanPace, telegram: Telegram
) -> None:
    flood = limiter(clock)
    telegram.refuse[("sendMessage", "to A")] = [30]
    held = request(flood, telegram, "sendMessage", A, "to A")
    behind = request(flood, telegram, "sendMessage", A, "A's next")
    await settle()

    others = [request(flood, telegram, "sendMessage", B, f"b{n}") for n in range(3)]
    others.append(request(flood, telegram, "answerCallbackQuery"))
    await settle()
    assert all(task.done() for task in others)
    assert telegram.texts() == ["b0", "b1", "b2", None]

    await later(clock, 29)
    assert not held.done() and not behind.done()
    await later(clock, 1)
    assert telegram.texts()[-2:] == ["to A", "A's next"]  # in order, once it may
    assert held.done() and behind.done()


async def test_a_429_about_no_chat_holds_everything(clock: HumanPace, telegram: Telegram) -> None:
    flood = limiter(clock)
    telegram.refuse[("answerCallbackQuery", None)] = [5]
    answer = request(flood, telegram, "answerCallbackQuery")
    await settle()
    message = request(flood, telegram, "sendMessage", B, "b0")
    await settle()
    assert telegram.sent == []

    await later(clock, 5)
    assert answer.done() and message.done()
    assert [endpoint for endpoint, _, _ in telegram.sent] == ["answerCallbackQuery", "sendMessage"]


async def test_replies_go_before_what_can_wait_when_the_budget_is_short(
    clock: HumanPace, telegram: Telegram
) -> None:
    flood = limiter(clock, overall_per_second=2)
    for n in range(2):  # the budget's burst, spent
        request(flood, telegram, "sendMessage", 100 + n, f"now{n}")
    await settle()
    notices = [
        request(flood, telegram, "sendMessage", 200 + n, f"notice{n}", Priority.BACKGROUND)
        for n in range(3)
    ]
    await settle()
    replies = [request(flood, telegram, "sendMessage", 300 + n, f"reply{n}") for n in range(2)]
    await settle()

    await later(clock, 1)
    assert telegram.texts()[2:] == ["reply0", "reply1"]
    await later(clock, 1)
    assert telegram.texts()[4:] == ["notice0", "notice1"]
    await later(clock, 0.5)
    assert telegram.texts()[6:] == ["notice2"]
    assert all(task.done() for task in notices + replies)


async def test_telegram_asking_again_and_again_is_given_up_after_the_retries(
    clock: HumanPace, telegram: Telegram
) -> None:
    flood = limiter(clock, max_retries=1)
    telegram.refuse[("sendMessage", "x")] = [1, 1]
    attempt = request(flood, telegram, "sendMessage", A, "x")
    await settle()
    await later(clock, 1)
    with pytest.raises(RetryAfter):
        await attempt


async def test_chats_done_with_are_forgotten(clock: HumanPace, telegram: Telegram) -> None:
    flood = limiter(clock, overall_per_second=None)
    tasks = [request(flood, telegram, "sendMessage", 10_000 + n) for n in range(3 * KEEP_CHATS)]
    await settle()
    assert all(task.done() for task in tasks)
    await later(clock, 10)  # every chat's burst is back
    await request(flood, telegram, "sendMessage", A)
    assert flood.chats_remembered <= KEEP_CHATS
