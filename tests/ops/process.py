"""The bot as a real process (`python -m bot`) against the Bot API stand-in and the
sandbox provider served on 127.0.0.1, and the operator's commands run beside it."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.domain.purchases import Status
from bot.latcom.sandbox import Sandbox
from devtools.sandbox_server import serve_sandbox
from devtools.standin import FakeTelegram
from devtools.standin.server import StandInServer, serve_standin
from devtools.web import WebServer
from tests.faults.chat import Chats

ADMIN, SELLER = 1, 2


@dataclass
class Operated:
    """What a bot process talks to, its database, and its log."""

    telegram: FakeTelegram
    chats: Chats
    standin: StandInServer
    sandbox: Sandbox
    sandbox_server: WebServer
    folder: Path
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def database(self) -> Path:
        return self.folder / "bot.sqlite3"

    @property
    def log(self) -> Path:
        return self.folder / "bot.log"

    def environment(self) -> dict[str, str]:
        return (
            self.standin.bot_environment(self.sandbox_server.url, self.database, [ADMIN], [SELLER])
            | {"PURCHASE_TIMEOUT_SECONDS": "5"}
            | self.extra
        )

    def polls(self) -> int:
        return sum(method == "getUpdates" for method, _ in self.telegram.calls)

    async def start_bot(self) -> asyncio.subprocess.Process:
        """`python -m bot`, once it is polling for updates."""
        polls = self.polls()
        with self.log.open("ab") as sink:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                cwd=self.folder,  # away from any .env of the repository
                env=self.environment(),
                stdout=sink,
                stderr=sink,
            )
        await self.chats.until(lambda: self.polls() > polls, within=30, poll=0.05)
        return process

    @asynccontextmanager
    async def running(self) -> AsyncIterator[asyncio.subprocess.Process]:
        """The bot running for the block, stopped with SIGTERM after it."""
        process = await self.start_bot()
        try:
            yield process
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
                await asyncio.wait_for(process.wait(), 30)
            print(self.log.read_text(errors="replace"))  # shown by pytest when a test fails

    async def command(self, *args: str) -> tuple[int, str, str]:
        """`python -m bot <args>` as an operator runs it, in the bot's environment."""
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            *args,
            cwd=self.folder,
            env=self.environment(),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(process.communicate(), 60)
        assert process.returncode is not None
        return process.returncode, out.decode(), err.decode()

    async def sell(self, phone: str) -> Status:
        """A whole airtime top-up by the seller; the outcome the seller is shown."""
        summary = await self.chats.to_confirm(SELLER, phone, product="📱", amount="100")
        status, _ = await self.chats.confirm(SELLER, summary, phone, within=20)
        return status


def purchases(database: Path) -> list[tuple[object, ...]]:
    """Every stored purchase, whole rows, by folio."""
    with closing(sqlite3.connect(database)) as conn:
        return list(conn.execute("SELECT * FROM purchases ORDER BY id"))


@asynccontextmanager
async def upstreams(folder: Path) -> AsyncIterator[Operated]:
    telegram = FakeTelegram(rate_capacity=None)
    for user_id, name in ((ADMIN, "Ana"), (SELLER, "Rita")):
        telegram.add_user(user_id, name)
    sandbox = Sandbox(customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY)
    standin = await serve_standin(telegram)
    sandbox_server = await serve_sandbox(sandbox, port=0)
    try:
        yield Operated(telegram, Chats(telegram), standin, sandbox, sandbox_server, folder)
    finally:
        await standin.close()
        await sandbox_server.close()


def statuses(database: Path) -> dict[int, Status]:
    """Each stored purchase's status, by folio."""
    with closing(sqlite3.connect(database)) as conn:
        return {
            int(folio): Status(status)
            for folio, status in conn.execute("SELECT id, status FROM purchases ORDER BY id")
        }
