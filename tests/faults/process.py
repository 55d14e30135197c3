"""The bot as a real process for the fault suite: `python -m bot`, SIGKILLed and started again.

It runs exactly as in production (long polling, settings from the environment) against the
Bot API stand-in served over HTTP, which can inject Telegram's own faults
(devtools/standin/faults.py), and the sandbox provider served over HTTP. The purchases are
read from its SQLite file, as an operator would.
"""

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
from bot.domain.purchases import Purchase
from bot.latcom.sandbox import Sandbox
from devtools.sandbox_server import serve_sandbox
from devtools.standin import FakeTelegram
from devtools.standin.faults import TelegramFaults
from devtools.standin.server import StandInServer, serve_standin
from devtools.web import WebServer
from storage import rows
from tests.faults.chat import Chats

ADMIN = 1
ROOT = Path(__file__).parents[2]  # the repository: tests.faults.unpaced_bot is importable


@dataclass
class BotProcess:
    """`python -m bot` and what it talks to; `exits` holds every way it ended."""

    tmp_path: Path
    telegram: FakeTelegram
    faults: TelegramFaults
    standin: StandInServer
    sandbox: Sandbox
    sandbox_server: WebServer
    resellers: list[int]
    purchase_timeout: float = 1.0
    module: str = "bot"  # what `python -m` runs: the bot, or tests.faults.unpaced_bot
    process: asyncio.subprocess.Process | None = None
    kills: int = 0
    exits: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.chats = Chats(self.telegram)
        self.standin.faults = self.faults

    @property
    def database(self) -> Path:
        return self.tmp_path / "bot.sqlite3"

    @property
    def log(self) -> Path:
        return self.tmp_path / "bot.log"

    def alive(self) -> bool:
        return self.process is not None and self.process.returncode is None

    async def start(self) -> None:
        """Start the bot and return once it polls for updates. Start-up requests meet no
        fault unless the faults say `at_start_up`."""
        polls = self.polls()
        environment = self.standin.bot_environment(
            self.sandbox_server.url, self.database, [ADMIN], self.resellers
        ) | {"PURCHASE_TIMEOUT_SECONDS": str(self.purchase_timeout), "PYTHONPATH": str(ROOT)}
        with self.log.open("ab") as sink:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                self.module,
                cwd=self.tmp_path,  # away from any .env of the repository
                env=environment,
                stdout=sink,
                stderr=sink,
            )
        await self.chats.until(
            lambda: self.polls() > polls or not self.alive(), within=60, poll=0.05
        )
        assert self.alive(), f"the bot died at start-up: {self.tail()}"

    def polls(self) -> int:
        return sum(method == "getUpdates" for method, _ in self.telegram.calls)

    async def kill(self) -> None:
        """SIGKILL, as the host does to a process out of memory or a pod evicted."""
        assert self.process is not None and self.alive(), f"the bot had died: {self.tail()}"
        self.process.send_signal(signal.SIGKILL)
        self.exits.append(await self.process.wait())
        self.kills += 1

    async def stop(self) -> None:
        """SIGTERM, as a deploy stops it; the exit status is kept in `exits`."""
        if self.process is not None and self.alive():
            self.process.send_signal(signal.SIGTERM)
            self.exits.append(await asyncio.wait_for(self.process.wait(), 30))

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def purchases(self) -> list[Purchase]:
        """Every stored purchase, read from the bot's database file."""
        if not self.database.exists():
            return []
        with closing(sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)) as conn:
            conn.row_factory = sqlite3.Row
            cursor = conn.execute("SELECT * FROM purchases ORDER BY id")
            return [rows.purchase(row) for row in cursor.fetchall()]


@asynccontextmanager
async def bot_process(
    tmp_path: Path,
    faults: TelegramFaults,
    resellers: list[int],
    sandbox: Sandbox | None = None,
    module: str = "bot",
) -> AsyncIterator[BotProcess]:
    """Serve the stand-in and the sandbox; the bot is started by the caller and is stopped
    (SIGTERM) on the way out, its log printed for a failing test."""
    telegram = FakeTelegram(rate_capacity=None)
    telegram.add_user(ADMIN, "Ana Admin")
    for user_id in resellers:
        telegram.add_user(user_id, f"Vendedor {user_id}")
    sandbox = sandbox or Sandbox(customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY)
    standin = await serve_standin(telegram)
    sandbox_server = await serve_sandbox(sandbox, port=0)
    run = BotProcess(
        tmp_path, telegram, faults, standin, sandbox, sandbox_server, resellers, module=module
    )
    try:
        yield run
    finally:
        faults.enabled = False
        try:
            await run.stop()
        finally:
            await standin.close()
            await sandbox_server.close()
            print(run.tail(200))  # shown by pytest when the test fails
