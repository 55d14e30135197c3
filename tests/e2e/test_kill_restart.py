"""The bot as a real process, killed with SIGKILL while a purchase is in flight.

`python -m bot` runs exactly as in production (long polling, settings from the
environment), talking over HTTP to the Bot API stand-in and to the sandbox provider that
this test serves on 127.0.0.1. After the kill and a new start, the purchase is pending
verification and the reseller and the admins are told; a reseller who was at the amount
step goes on from there.
"""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.domain.formatting import format_phone
from bot.domain.purchases import RESTART_REASON
from bot.latcom.sandbox import Sandbox
from devtools.sandbox_server import serve_sandbox
from devtools.standin import FakeTelegram
from devtools.standin.server import StandInServer, serve_standin
from devtools.web import WebServer
from tests.faults.chat import PENDING_ALERT, RESTART_NOTICE, Chats

ADMIN, SELLER, OTHER_SELLER = 1, 2, 3
HANGING_PHONE = "5512349971"


@dataclass
class Upstreams:
    """What the bot process talks to, served by this test."""

    telegram: FakeTelegram
    chats: Chats
    standin: StandInServer
    sandbox: Sandbox
    sandbox_server: WebServer
    database: Path

    def environment(self) -> dict[str, str]:
        return self.standin.bot_environment(
            self.sandbox_server.url, self.database, [ADMIN], [SELLER, OTHER_SELLER]
        ) | {"PURCHASE_TIMEOUT_SECONDS": "30"}

    async def start_bot(self, log: Path) -> asyncio.subprocess.Process:
        """`python -m bot`, once it is polling for updates."""
        polls = self.polls()
        with log.open("ab") as sink:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                cwd=log.parent,  # away from any .env of the repository
                env=self.environment(),
                stdout=sink,
                stderr=sink,
            )
        await self.chats.until(lambda: self.polls() > polls, within=30, poll=0.05)
        return process

    def polls(self) -> int:
        return sum(method == "getUpdates" for method, _ in self.telegram.calls)


@pytest.fixture
async def upstreams(tmp_path: Path) -> AsyncIterator[Upstreams]:
    telegram = FakeTelegram(rate_capacity=None)
    for user_id, name in ((ADMIN, "Ana"), (SELLER, "Rita"), (OTHER_SELLER, "Beto")):
        telegram.add_user(user_id, name)
    sandbox = Sandbox(
        customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY, hang_seconds=60
    )
    standin = await serve_standin(telegram)
    sandbox_server = await serve_sandbox(sandbox, port=0)
    try:
        yield Upstreams(
            telegram, Chats(telegram), standin, sandbox, sandbox_server, tmp_path / "bot.sqlite3"
        )
    finally:
        await standin.close()
        await sandbox_server.close()


def stored(database: Path) -> list[tuple[str, str, str | None]]:
    with closing(sqlite3.connect(database)) as conn:
        query = "SELECT distributor_transaction_id, status, pending_reason FROM purchases"
        return list(conn.execute(query))


async def test_a_killed_bot_leaves_the_purchase_pending_and_says_so(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    chats, log = upstreams.chats, tmp_path / "bot.log"
    process = await upstreams.start_bot(log)
    try:
        await chats.say(ADMIN, "/start")
        await chats.to_confirm(OTHER_SELLER, "55 3768 6660", product="📱")  # at the amount step
        summary = await chats.to_confirm(SELLER, HANGING_PHONE)
        chats.press_confirm(SELLER, summary)
        await chats.until(lambda: upstreams.sandbox.charges, poll=0.01)

        process.send_signal(signal.SIGKILL)
        assert await process.wait() == -signal.SIGKILL
        [(dtid, status, _)] = stored(upstreams.database)
        assert status == "sending", "killed while the provider had not answered"

        process = await upstreams.start_bot(log)
        notice = await chats.until(
            lambda: next((t for t in chats.texts(SELLER) if t.startswith(RESTART_NOTICE)), None)
        )
        alert = await chats.until(lambda: chats.alerts_for(dtid))
        summary = await chats.say(OTHER_SELLER, "100")
        receipt = await chats.confirm(OTHER_SELLER, summary, "5537686660")
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 15)
        print(log.read_text(errors="replace"))  # shown by pytest when the test fails

    assert format_phone(HANGING_PHONE) in notice
    assert alert[0].startswith(PENDING_ALERT)
    assert (dtid, "pending", RESTART_REASON) in stored(upstreams.database)
    assert receipt[0].value == "approved"
    assert upstreams.sandbox.received.count(dtid) == 1
    assert upstreams.sandbox.duplicate_transaction_ids == []
    assert process.returncode == 0
