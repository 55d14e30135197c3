"""The product's sandbox provider served over real HTTP on 127.0.0.1 (aiohttp.web).

For tests and the benchmark (real sockets: timeouts and dropped connections as a remote
provider's) and for `python -m devtools sandbox` (curl, or the bot pointed at it). The
sandbox itself, and the in-process transport production uses, stay in `bot/latcom/`.
"""

from __future__ import annotations

import asyncio
import contextlib

from aiohttp import web

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.latcom.sandbox import Sandbox
from bot.latcom.sandbox_wire import SandboxHandler
from devtools.web import WebServer, drop_connection, serve


async def serve_provider(
    handler: SandboxHandler, host: str = "127.0.0.1", port: int = 0
) -> WebServer:
    """Serve a sandbox-shaped handler; port 0 picks a free port (read it from `.port`).
    Its answer None drops the connection without a response, as the sandbox's 9972 asks."""

    async def answer(request: web.Request) -> web.StreamResponse:
        headers = {name.lower(): value for name, value in request.headers.items()}
        body = await request.read()
        reply = await handler(request.method, request.raw_path, headers, body)
        if reply is None:
            return drop_connection(request)
        return web.Response(
            status=reply.status, body=reply.body, headers={"Content-Type": reply.content_type}
        )

    return await serve(answer, host, port)


async def serve_sandbox(sandbox: Sandbox, host: str = "127.0.0.1", port: int = 0) -> WebServer:
    """Serve the sandbox over HTTP; its base URL is `<server.url>/api/distributor`."""
    return await serve_provider(sandbox.handle, host, port)


def main_sandbox(port: int) -> None:
    """Run a sandbox with the public sandbox credentials until interrupted (Ctrl-C)."""
    sandbox = Sandbox(customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY)

    async def run() -> None:
        async with await serve_sandbox(sandbox, port=port) as server:
            print(
                f"Sandbox distributor API at {server.url}/api/distributor "
                f"(customer_id={SANDBOX_CUSTOMER_ID}, secret_key={SANDBOX_SECRET_KEY})",
                flush=True,
            )
            await asyncio.Event().wait()  # until Ctrl-C cancels it; the server then closes

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
