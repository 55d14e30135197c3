"""What a real `python -m bot` process talks to in these tests: the Bot API stand-in and
the sandbox provider, each served over HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.latcom.sandbox import Sandbox
from bot.latcom.sandbox_wire import SandboxReply
from devtools.standin import FakeTelegram
from devtools.standin.server import StandInServer
from devtools.web import WebServer
from tests.commands import REPO, unprivileged
from tests.faults.chat import Chats

ADMIN, SELLER, OTHER_SELLER = 1, 2, 3


class HeldSandbox(Sandbox):
    """A sandbox whose purchases, once charged, wait to answer while `held` is cleared:
    a provider exactly as slow as the test needs, with no clock involved."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.answering = asyncio.Event()
        self.answering.set()

    async def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> SandboxReply | None:
        reply = await super().handle(method, target, headers, body)
        if target.endswith("/product_purchase"):
            await self.answering.wait()
        return reply


@dataclass
class Upstreams:
    telegram: FakeTelegram
    chats: Chats
    standin: StandInServer
    sandbox: HeldSandbox
    sandbox_server: WebServer
    database: Path

    def environment(self, **extra: str) -> dict[str, str]:
        environment = self.standin.bot_environment(
            self.sandbox_server.url, self.database, [ADMIN], [SELLER, OTHER_SELLER]
        )
        return environment | {"PURCHASE_TIMEOUT_SECONDS": "30", "PYTHONPATH": str(REPO)} | extra

    def alerts_seen(self, user_id: int) -> list[str]:
        """The texts of the callback answers the user saw."""
        return [
            event.text or ""
            for event in self.chats.events
            if event.kind == "answered" and event.chat_id == user_id and event.text
        ]

    def polls(self) -> int:
        return sum(method == "getUpdates" for method, _ in self.telegram.calls)

    async def start_bot(self, log: Path, **extra: str) -> asyncio.subprocess.Process:
        """`python -m bot`, once it is polling for updates."""
        polls = self.polls()
        process = await self.spawn(log, "bot", as_unprivileged=False, **extra)
        await self.chats.until(lambda: self.polls() > polls, within=30, poll=0.05)
        return process

    async def spawn(
        self, log: Path, *args: str, as_unprivileged: bool = False, **extra: str
    ) -> asyncio.subprocess.Process:
        with log.open("ab") as sink:
            return await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                *args,
                cwd=log.parent,  # away from any .env of the repository
                env=self.environment(**extra),
                stdout=sink,
                stderr=sink,
                preexec_fn=unprivileged() if as_unprivileged else None,
            )


async def until_logged(log: Path, text: str, chats: Chats) -> str:
    """The log's contents once `text` is in them."""
    found: Callable[[], str | None] = lambda: (  # noqa: E731
        content if text in (content := log.read_text(errors="replace")) else None
    )
    return await chats.until(found, within=30, poll=0.05)
