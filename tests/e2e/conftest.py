"""Fixtures of the end-to-end tests that run the bot as a real process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.latcom.sandbox import Sandbox
from devtools.sandbox_server import serve_sandbox
from devtools.standin import FakeTelegram
from devtools.standin.server import serve_standin
from tests.e2e.bot_process import ADMIN, OTHER_SELLER, SELLER, Upstreams
from tests.faults.chat import Chats


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
