"""A tiny HTTP/1.1 server on asyncio streams, for in-project stand-ins of remote APIs.

It owns the wire only: parsing requests (Content-Length bodies, keep-alive), enforcing
limits and writing replies. What to answer is the handler's job; a handler that returns
None makes the server drop the connection without a reply, as a failing upstream would.
Chunked request bodies are not supported (answered 501): the clients we stand in for
always send Content-Length.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import Any

logger = logging.getLogger(__name__)

MAX_HEAD_BYTES = 16 * 1024
MAX_BODY_BYTES = 1024 * 1024
# An idle keep-alive connection is closed after this long, so forgotten clients
# cannot pin tasks forever.
IDLE_TIMEOUT_SECONDS = 75.0


@dataclass(frozen=True, slots=True)
class HttpReply:
    status: int
    body: bytes
    content_type: str = "application/json"

    @classmethod
    def json(cls, status: int, payload: dict[str, Any]) -> HttpReply:
        return cls(status, json.dumps(payload).encode())


Handler = Callable[[str, str, dict[str, str], bytes], Awaitable[HttpReply | None]]


@dataclass(frozen=True, slots=True)
class _Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    keep_alive: bool


class _BadRequestError(Exception):
    def __init__(self, status: HTTPStatus, detail: str) -> None:
        super().__init__(detail)
        self.status = status


class HttpServer:
    """Serves `handler(method, target, headers, body)`; header names are lower-cased and
    `target` is the request target as sent (path plus any query string)."""

    def __init__(self, handler: Handler, host: str = "127.0.0.1", port: int = 0) -> None:
        self._handler = handler
        self._host = host
        self._requested_port = port
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        # A plain callback that spawns our own task: asyncio's wrapper for coroutine
        # callbacks logs a cancelled connection as an error, and close() cancels them.
        self._server = await asyncio.start_server(
            self._accept, self._host, self._requested_port, limit=MAX_HEAD_BYTES
        )

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the server is not started")
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    @property
    def url(self) -> str:
        return f"http://{self._host}:{self.port}"

    async def serve_forever(self) -> None:
        if self._server is None:
            raise RuntimeError("the server is not started")
        await self._server.serve_forever()

    async def close(self) -> None:
        """Stop listening and cut every open connection, including ones mid-handler."""
        if self._server is None:
            return
        self._server.close()
        for task in list(self._connections):
            task.cancel()
        await asyncio.gather(*self._connections, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None

    async def __aenter__(self) -> HttpServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.get_running_loop().create_task(self._connection(reader, writer))
        self._connections.add(task)
        task.add_done_callback(self._connections.discard)

    async def _connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        try:
            while True:
                try:
                    async with asyncio.timeout(IDLE_TIMEOUT_SECONDS):
                        request = await _read_request(reader)
                except _BadRequestError as exc:
                    logger.debug("bad request: %s", exc)
                    refusal = HttpReply.json(exc.status, {"success": False, "error": str(exc)})
                    await _write(writer, refusal, keep_alive=False)
                    return
                if request is None:
                    return
                reply = await self._answer(request)
                if reply is None:
                    return
                await _write(writer, reply, request.keep_alive, head_only=request.method == "HEAD")
                if not request.keep_alive:
                    return
        except (OSError, TimeoutError, asyncio.IncompleteReadError) as exc:
            # The client went away or idled out: routine for a server, not an error.
            logger.debug("connection ended: %r", exc)
        except Exception:
            logger.exception("connection failed")
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()

    async def _answer(self, request: _Request) -> HttpReply | None:
        try:
            return await self._handler(
                request.method, request.target, request.headers, request.body
            )
        except Exception:
            logger.exception("handler failed for %s %s", request.method, request.target)
            return HttpReply.json(500, {"success": False, "error": "Internal server error"})


async def serve(handler: Handler, host: str = "127.0.0.1", port: int = 0) -> HttpServer:
    """Start serving `handler`; port 0 picks a free port (read it from `.port`)."""
    server = HttpServer(handler, host, port)
    await server.start()
    return server


async def _read_request(reader: asyncio.StreamReader) -> _Request | None:
    """The next request, or None when the client closed cleanly between requests."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if exc.partial.strip():
            raise _BadRequestError(HTTPStatus.BAD_REQUEST, "incomplete request head") from None
        return None
    except asyncio.LimitOverrunError:
        raise _BadRequestError(
            HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "head too large"
        ) from None
    try:
        lines = head[:-4].decode("latin-1").split("\r\n")
        method, target, version = lines[0].split(" ")
    except ValueError:
        raise _BadRequestError(HTTPStatus.BAD_REQUEST, "malformed request line") from None
    if not method.isalpha() or not method.isupper() or not target:
        raise _BadRequestError(HTTPStatus.BAD_REQUEST, "malformed request line")
    if version not in {"HTTP/1.0", "HTTP/1.1"}:
        raise _BadRequestError(HTTPStatus.HTTP_VERSION_NOT_SUPPORTED, "only HTTP/1.x")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep or not name or name != name.strip():
            raise _BadRequestError(HTTPStatus.BAD_REQUEST, "malformed header")
        key, value = name.lower(), value.strip()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    if "transfer-encoding" in headers:
        raise _BadRequestError(HTTPStatus.NOT_IMPLEMENTED, "chunked bodies are not supported")
    length_text = headers.get("content-length", "0")
    if not length_text.isascii() or not length_text.isdigit():
        raise _BadRequestError(HTTPStatus.BAD_REQUEST, "bad Content-Length")
    length = int(length_text)
    if length > MAX_BODY_BYTES:
        raise _BadRequestError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "body too large")
    body = await reader.readexactly(length)
    connection = headers.get("connection", "").lower()
    keep_alive = connection != "close" if version == "HTTP/1.1" else connection == "keep-alive"
    return _Request(method, target, headers, body, keep_alive)


async def _write(
    writer: asyncio.StreamWriter, reply: HttpReply, keep_alive: bool, *, head_only: bool = False
) -> None:
    try:
        reason = HTTPStatus(reply.status).phrase
    except ValueError:
        reason = "Unknown"
    head = (
        f"HTTP/1.1 {reply.status} {reason}\r\n"
        f"Content-Type: {reply.content_type}\r\n"
        f"Content-Length: {len(reply.body)}\r\n"
        f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
    )
    writer.write(head.encode("latin-1") + (b"" if head_only else reply.body))
    await writer.drain()
