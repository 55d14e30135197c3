"""The upstreams of a real bot process: the Bot API stand-in and the sandbox over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from devtools.sandbox_server import serve_sandbox
from devtools.standin import FakeTelegram
from devtools.standin.server import serve_standin
from tests.faults.chat import Chats
from tests.ops.upstreams import ADMIN, OTHER_SELLER, SELLER, HeldSandbox, Upstreams


@pytest.fixture
async def upstreams(tmp_path: Path) -> AsyncIterator[Upstreams]:
    telegram = FakeTelegram(rate_capacity=None)
    for user_id, name in ((ADMIN, "Ana"), (SELLER, "Rita"), (OTHER_SELLER, "Beto")):
        telegram.add_user(user_id, name)
    sandbox = HeldSandbox(customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY)
    standin = await serve_standin(telegram)
    sandbox_server = await serve_sandbox(sandbox, port=0)
    try:
        yield Upstreams(
            telegram, Chats(telegram), standin, sandbox, sandbox_server, tmp_path / "bot.sqlite3"
        )
    finally:
        await standin.close()
        await sandbox_server.close()
