"""`HEALTH_PORT`: /healthz of the real process, healthy while Telegram answers its polls
and the database takes writes, 503 once either stops; bad settings name the variable."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.ops.health import Health, Heartbeat
from bot.telegram_http import AiohttpRequest
from storage.db import Database
from tests.commands import run_module
from tests.ops.process import ADMIN, Operated, upstreams


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def healthz(port: int) -> tuple[int, dict[str, object]]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{port}/healthz") as answer,
    ):
        return answer.status, json.loads(await answer.read())


@pytest.fixture
async def operated(tmp_path: Path) -> AsyncIterator[Operated]:
    async with upstreams(tmp_path) as operated:
        yield operated


async def test_healthy_while_polling_then_503_once_telegram_stops_answering(
    operated: Operated,
) -> None:
    port = free_port()
    # Above the 10 s long poll of an idle bot, so a quiet chat is no failure.
    operated.extra = {"HEALTH_PORT": str(port), "HEALTH_MAX_POLL_AGE_SECONDS": "12"}
    async with operated.running():
        await operated.chats.say(ADMIN, "/start")  # a poll answered, with an update
        status, body = await healthz(port)
        assert status == 200, body
        assert body["status"] == "ok" and body["database_writable"] is True
        age = body["last_get_updates_seconds_ago"]
        assert isinstance(age, float) and 0 <= age <= 12
        code, out, _ = await operated.command("healthcheck")  # Docker's HEALTHCHECK
        assert code == 0 and json.loads(out)["status"] == "ok"

        await operated.standin.close()  # Telegram unreachable from now on
        for _ in range(120):  # a minute at most
            status, body = await healthz(port)
            if status != 200:
                break
            await asyncio.sleep(0.5)
    assert status == 503
    assert body["status"] == "unhealthy" and body["database_writable"] is True
    assert isinstance(body["last_get_updates_seconds_ago"], float)
    assert body["last_get_updates_seconds_ago"] > 12


async def test_a_database_that_takes_no_write_is_unhealthy(tmp_path: Path) -> None:
    heartbeat = Heartbeat(AiohttpRequest())
    heartbeat.last_poll = asyncio.get_running_loop().time()  # a poll just answered
    database = await Database.open(tmp_path / "bot.sqlite3")
    health = Health(heartbeat, max_poll_age=60, database=database)
    assert (await health.report())[0] == 200

    await database.close()  # its writer gone, as after a failed disk
    status, body = await health.report()

    assert status == 503
    assert body["database_writable"] is False and body["database_error"] == "RuntimeError"


async def test_a_port_already_taken_stops_the_start_naming_health_port(
    operated: Operated,
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        operated.extra = {"HEALTH_PORT": str(taken.getsockname()[1])}
        code, _, err = await operated.command()
    assert code == 2
    assert err.splitlines()[-1].startswith("HEALTH_PORT: cannot listen on")
    assert "Traceback" not in err
    assert not operated.database.exists()  # nothing was opened


@pytest.mark.parametrize(
    ("name", "value"),
    [("HEALTH_PORT", "80a"), ("HEALTH_PORT", "70000"), ("HEALTH_MAX_POLL_AGE_SECONDS", "0")],
)
def test_malformed_health_settings_name_the_variable(
    tmp_path: Path, name: str, value: str
) -> None:
    result = run_module("bot", [], tmp_path, as_unprivileged=False, **{name: value})
    assert result.returncode == 2
    [message] = result.stderr.strip().splitlines()
    assert name in message
