"""An httpx transport that runs the sandbox in-process: the embedded default upstream.

It owns one promise: the client sees the same exceptions as over real HTTP. A sandbox
slower than the request's read timeout raises httpx.ReadTimeout, and a dropped
connection raises httpx.RemoteProtocolError, so the client's classification is
exercised exactly as it would be against the provider.
"""

from __future__ import annotations

import asyncio

import httpx

from bot.latcom.sandbox import Sandbox


class SandboxTransport(httpx.AsyncBaseTransport):
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        headers = {name.lower(): value for name, value in request.headers.items()}
        timeouts = request.extensions.get("timeout", {})
        read_timeout = timeouts.get("read") if isinstance(timeouts, dict) else None
        try:
            # Cancelling the sandbox mid-answer keeps any charge it already made, as a
            # real server keeps going after its client gave up.
            async with asyncio.timeout(read_timeout):
                reply = await self.sandbox.handle(
                    request.method, request.url.raw_path.decode("ascii"), headers, body
                )
        except TimeoutError:
            raise httpx.ReadTimeout(
                "the sandbox did not answer in time", request=request
            ) from None
        if reply is None:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        return httpx.Response(
            reply.status,
            headers={"Content-Type": reply.content_type},
            content=reply.body,
            request=request,
        )
