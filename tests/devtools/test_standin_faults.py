"""The stand-in over HTTP injects Telegram's own faults, seen by the bot's own transport."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.telegram_http import AiohttpRequest
from devtools.standin import FakeTelegram
from devtools.standin.faults import Fault, TelegramFaults
from devtools.standin.server import StandInServer, serve_standin

ANA, BETO = 1001, 1002


@pytest.fixture
async def server() -> AsyncIterator[StandInServer]:
    telegram = FakeTelegram(rate_capacity=None)
    for user_id in (ANA, BETO):
        telegram.add_user(user_id)
        telegram.send_text(user_id, "/start")
    async with await serve_standin(telegram) as served:
        yield served


@pytest.fixture
async def bot(server: StandInServer) -> AsyncIterator[Bot]:
    request = AiohttpRequest(read_timeout=0.5)
    async with Bot(
        server.token, base_url=server.base_url, request=request, get_updates_request=request
    ) as bot:
        yield bot


def only(server: StandInServer, fault: Fault) -> TelegramFaults:
    """Every request of the bot meets `fault` from now on."""
    faults = TelegramFaults(
        random.Random(1), share=1.0, kinds=frozenset({fault}), slow_seconds=1.0, enabled=True
    )
    server.faults = faults
    return faults


def shown(server: StandInServer, chat_id: int) -> list[str]:
    return [message.text or "" for message in server.telegram.bot_messages(chat_id)]


async def test_flood_control_is_per_chat_with_retry_after(server: StandInServer, bot: Bot) -> None:
    faults = only(server, Fault.RATE_LIMITED)
    with pytest.raises(RetryAfter) as limited:
        await bot.send_message(ANA, "uno")
    faults.share = 0.0  # no new faults: what goes on is the chat's own limit

    with pytest.raises(RetryAfter):
        await bot.send_message(ANA, "dos")
    await bot.send_message(BETO, "tres")

    assert limited.value.retry_after in (dt.timedelta(seconds=1), dt.timedelta(seconds=2))
    assert shown(server, ANA) == []
    assert shown(server, BETO) == ["tres"]


@pytest.mark.parametrize(
    ("fault", "applied"), [(Fault.SERVER_ERROR, False), (Fault.ANSWER_LOST, True)]
)
async def test_a_failed_request_may_or_may_not_have_been_applied(
    server: StandInServer, bot: Bot, fault: Fault, applied: bool
) -> None:
    faults = only(server, fault)
    with pytest.raises(NetworkError):
        await bot.send_message(ANA, "hola")
    assert shown(server, ANA) == (["hola"] if applied else [])
    assert faults.injected == {fault: 1}


async def test_an_answer_slower_than_the_client_waits_was_applied(
    server: StandInServer, bot: Bot
) -> None:
    only(server, Fault.TOO_SLOW)
    with pytest.raises(TimedOut):
        await bot.send_message(ANA, "hola")
    assert shown(server, ANA) == ["hola"]


async def test_getupdates_fails_and_hands_the_same_updates_again(
    server: StandInServer, bot: Bot
) -> None:
    only(server, Fault.ANSWER_LOST)
    with pytest.raises(NetworkError):
        await bot.get_updates()
    server.faults = None
    assert [update.message.text for update in await bot.get_updates() if update.message] == [
        "/start",
        "/start",
    ]


async def test_an_outage_refuses_every_request_until_it_ends(
    server: StandInServer, bot: Bot
) -> None:
    faults = only(server, Fault.OUTAGE)
    faults.share = faults.outage_share = 0.0
    faults.outage(60)
    for attempt in (bot.send_message(ANA, "hola"), bot.get_updates()):
        with pytest.raises(NetworkError):
            await attempt
    faults.outage(0)
    await bot.send_message(ANA, "ya")
    assert shown(server, ANA) == ["ya"]


async def test_start_up_meets_faults_only_when_asked(server: StandInServer, bot: Bot) -> None:
    faults = only(server, Fault.SERVER_ERROR)
    assert (await bot.get_me()).is_bot
    faults.at_start_up = True
    with pytest.raises(NetworkError):
        await bot.get_me()
