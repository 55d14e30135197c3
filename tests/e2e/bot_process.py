"""The bot as a real process (`python -m bot`, exactly as production runs it), and what
it talks to, served by the test on 127.0.0.1: the Bot API stand-in and the sandbox
provider. The `upstreams` fixture (tests/e2e/conftest.py) serves them; `Upstreams.start_bot`
starts the bot on them."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from bot.latcom.sandbox import Sandbox
from devtools.standin import FakeTelegram
from devtools.standin.server import StandInServer
from devtools.web import WebServer
from tests.faults.chat import Chats

ADMIN, SELLER, OTHER_SELLER = 1, 2, 3


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

    async def start_bot(self, log: Path, *, polling: bool = True) -> asyncio.subprocess.Process:
        """`python -m bot`, once it is polling for updates (with `polling`, else at once)."""
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
        if not polling:
            return process

        def polled() -> bool:
            if process.returncode is not None:
                raise AssertionError(f"the bot exited with status {process.returncode}")
            return self.polls() > polls

        await self.chats.until(polled, within=30, poll=0.05)
        return process

    def polls(self) -> int:
        return sum(method == "getUpdates" for method, _ in self.telegram.calls)


async def stop_bot(process: asyncio.subprocess.Process, log: Path) -> None:
    """SIGTERM, as a service manager stops it; prints the log (shown when a test fails)."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 15)
    print(await asyncio.to_thread(log.read_text, errors="replace"))


def stored(database: Path) -> list[tuple[str, str, str | None]]:
    with closing(sqlite3.connect(database)) as conn:
        query = "SELECT distributor_transaction_id, status, pending_reason FROM purchases"
        return list(conn.execute(query))
