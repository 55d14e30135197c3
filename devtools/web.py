"""Serving the development tools over HTTP, on aiohttp.web.

It owns a server's life: one handler for every path on 127.0.0.1 (port 0 picks a free
port), the port it bound, and a close that cuts every connection, requests still in a
handler included (a stand-in that goes away mid long poll, a provider mid hang). aiohttp
owns the wire: parsing, keep-alive, idle connections (closed after 75 s), bodies over
`max_body_bytes` (1 MiB unless told; `request.read()` answers 413) and a handler that
raises (logged, answered 500).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# How long close() lets requests still in a handler finish before cancelling them. It must
# be above zero: aiohttp reads zero as "wait for them however long they take".
CLOSE_GRACE_SECONDS = 0.05


class WebServer:
    """Serves `handler` for every method and path; `port` and `url` once started."""

    def __init__(
        self,
        handler: Handler,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        max_body_bytes: int = 1024**2,
    ) -> None:
        application = web.Application(client_max_size=max_body_bytes)
        application.router.add_route("*", "/{path:.*}", handler)
        # No access log: a stand-in's every request would be an INFO line in the tests'.
        self._runner = web.AppRunner(
            application, access_log=None, shutdown_timeout=CLOSE_GRACE_SECONDS
        )
        self._host, self._requested_port = host, port
        self._port: int | None = None

    async def start(self) -> None:
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._requested_port).start()
        self._port = self._runner.addresses[0][1]

    @property
    def port(self) -> int:
        """The port it listens on (or listened on, once closed)."""
        if self._port is None:
            raise RuntimeError("the server is not started")
        return self._port

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self.port}"

    async def close(self) -> None:
        """Stop listening and cut every open connection, including ones mid-handler."""
        if self._runner.server is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> WebServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


async def serve(handler: Handler, host: str = "127.0.0.1", port: int = 0) -> WebServer:
    """Start serving `handler`; port 0 picks a free port (read it from `.port`)."""
    server = WebServer(handler, host, port)
    await server.start()
    return server


def drop_connection(request: web.BaseRequest) -> web.StreamResponse:
    """Close the connection without an answer, as a failing upstream does; the handler
    returns what this returns. aiohttp then finds the connection gone and writes nothing:
    the client sees the connection closed before any response."""
    if request.transport is not None:
        request.transport.close()
    return web.Response()
