"""The product's sandbox provider served over real HTTP on 127.0.0.1.

For tests and the benchmark (real sockets: timeouts and dropped connections as a remote
provider's) and for `python -m devtools sandbox` (curl, or the bot pointed at it). The
sandbox itself, and the in-process transport production uses, stay in `bot/latcom/`.
"""

from __future__ import annotations

import asyncio
import contextlib

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.latcom.sandbox import Sandbox
from bot.latcom.sandbox_wire import SandboxHandler
from devtools.httpserver import HttpReply, HttpServer, serve


async def serve_provider(
    handler: SandboxHandler, host: str = "127.0.0.1", port: int = 0
) -> HttpServer:
    """Serve a sandbox-shaped handler; port 0 picks a free port (read it from `.port`)."""

    async def answer(
        method: str, target: str, headers: dict[str, str], body: bytes
    ) -> HttpReply | None:
        reply = await handler(method, target, headers, body)
        return None if reply is None else HttpReply(reply.status, reply.body, reply.content_type)

    return await serve(answer, host, port)


async def serve_sandbox(sandbox: Sandbox, host: str = "127.0.0.1", port: int = 0) -> HttpServer:
    """Serve the sandbox over HTTP; its base URL is `<server.url>/api/distributor`."""
    return await serve_provider(sandbox.handle, host, port)


def main_sandbox(port: int) -> None:
    """Run a sandbox with the public sandbox credentials until interrupted."""
    sandbox = Sandbox(customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY)

    async def run() -> None:
        server = await serve_sandbox(sandbox, port=port)
        print(
            f"Sandbox distributor API at {server.url}/api/distributor "
            f"(customer_id={SANDBOX_CUSTOMER_ID}, secret_key={SANDBOX_SECRET_KEY})",
            flush=True,
        )
        await server.serve_forever()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
