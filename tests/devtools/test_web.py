"""What the development tools rely on from their aiohttp.web server (devtools/web.py):
a dropped connection, a failing handler, the body limit and a close that cuts requests
mid-handler. The wire itself (parsing, keep-alive, malformed requests) is aiohttp's."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from aiohttp import web

from devtools.web import WebServer, drop_connection, serve

MEBIBYTE = 1024 * 1024


async def handler(request: web.Request) -> web.StreamResponse:
    body = await request.read()
    if request.path == "/drop":
        return drop_connection(request)
    if request.path == "/boom":
        raise RuntimeError("handler bug")
    if request.path == "/hang":
        await asyncio.sleep(30)
    return web.Response(text=f"{request.method} {request.raw_path} {len(body)}")


@pytest.fixture
async def server() -> AsyncIterator[WebServer]:
    server = await serve(handler)
    yield server
    await server.close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


async def raw_exchange(port: int, data: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    await writer.drain()
    answer = await reader.read()
    writer.close()
    await writer.wait_closed()
    return answer


async def test_port_zero_picks_a_free_port_named_in_the_url(
    server: WebServer, http: httpx.AsyncClient
) -> None:
    response = await http.post(f"{server.url}/any/path?x=1", content=b"abc")

    assert server.port > 0
    assert server.url == f"http://127.0.0.1:{server.port}"
    assert response.text == "POST /any/path?x=1 3"


async def test_a_dropped_connection_gets_no_response_and_the_server_goes_on(
    server: WebServer, http: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    assert await raw_exchange(server.port, b"GET /drop HTTP/1.1\r\nHost: x\r\n\r\n") == b""
    with pytest.raises(httpx.RemoteProtocolError):
        await http.post(f"{server.url}/drop", content=b"charged")
    assert (await http.get(f"{server.url}/still-here")).text == "GET /still-here 0"
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


async def test_a_failing_handler_is_answered_500(
    server: WebServer, http: httpx.AsyncClient
) -> None:
    response = await http.get(f"{server.url}/boom")

    assert response.status_code == 500


async def test_a_body_over_a_mebibyte_is_refused_with_413(
    server: WebServer, http: httpx.AsyncClient
) -> None:
    within = await http.post(f"{server.url}/upload", content=b"x" * MEBIBYTE)
    over = await http.post(f"{server.url}/upload", content=b"x" * (MEBIBYTE + 1))

    assert within.text == f"POST /upload {MEBIBYTE}"
    assert over.status_code == 413


async def test_close_cuts_a_request_still_in_its_handler(http: httpx.AsyncClient) -> None:
    server = await serve(handler)
    hanging = asyncio.create_task(http.get(f"{server.url}/hang", timeout=10))
    await asyncio.sleep(0.1)  # the request is in the handler

    async with asyncio.timeout(2):
        await server.close()
        with pytest.raises(httpx.RemoteProtocolError):
            await hanging
    await server.close()  # a second close is harmless

    with pytest.raises(httpx.ConnectError):  # nothing listens there any more
        await http.get(f"{server.url}/")
