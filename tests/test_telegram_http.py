"""The bot's Bot API transport (bot/telegram_http.py) over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import email.parser
import email.policy
import io
import json
import ssl
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import certifi
import pytest
from aiohttp import web
from telegram import Bot, InputFile
from telegram.error import InvalidToken, NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.telegram_http import AiohttpRequest, timeout_or_default, tls_context
from devtools.standin import FakeTelegram
from devtools.standin.server import DEFAULT_TOKEN, serve_standin
from devtools.web import WebServer, drop_connection, serve

USER = 42
SECRET_PART = DEFAULT_TOKEN.partition(":")[2]
MESSAGE = {
    "message_id": 7,
    "date": 1_700_000_000,
    "chat": {"id": USER, "type": "private", "first_name": "Rita"},
    "text": "ok",
}


@dataclass
class Upstream:
    """An HTTP server that records what reached it (method, request target as sent,
    lower-cased headers, body) and answers as told: `reply` as JSON, None to drop the
    connection without answering."""

    seen: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)
    reply: dict[str, Any] | None = field(default_factory=lambda: {"ok": True, "result": MESSAGE})
    delay: float = 0.0

    async def handle(self, request: web.Request) -> web.StreamResponse:
        headers = {name.lower(): value for name, value in request.headers.items()}
        self.seen.append((request.method, request.raw_path, headers, await request.read()))
        await asyncio.sleep(self.delay)
        if self.reply is None:
            return drop_connection(request)
        return web.json_response(self.reply)


@pytest.fixture
async def upstream() -> AsyncIterator[tuple[Upstream, WebServer]]:
    recorder = Upstream()
    server = await serve(recorder.handle)
    yield recorder, server
    await server.close()


@contextlib.asynccontextmanager
async def _bot(port: int, request: AiohttpRequest) -> AsyncIterator[Bot]:
    """A bot on `request`, talking to 127.0.0.1:`port`; the request is shut down after."""
    await request.initialize()
    try:
        yield Bot(DEFAULT_TOKEN, base_url=f"http://127.0.0.1:{port}/bot", request=request)
    finally:
        await request.shutdown()


async def test_a_bot_on_it_talks_to_the_bot_api_stand_in() -> None:
    telegram = FakeTelegram(rate_capacity=None)
    telegram.add_user(USER, "Rita")
    telegram.send_text(USER, "hola")
    standin = await serve_standin(telegram)
    request, polling = AiohttpRequest(), AiohttpRequest(connection_pool_size=1)
    bot = Bot(DEFAULT_TOKEN, base_url=standin.base_url, request=request)
    bot_polling = Bot(DEFAULT_TOKEN, base_url=standin.base_url, request=polling)
    try:
        async with bot, bot_polling:
            updates = await bot_polling.get_updates(timeout=1)
            sent = await bot.send_message(USER, "<b>Hola</b> &amp; adiós", parse_mode="HTML")
    finally:
        await standin.close()

    assert [update.message.text for update in updates if update.message] == ["hola"]
    assert sent.text == "Hola & adiós"
    assert telegram.last_bot_message(USER).text == "Hola & adiós"


async def test_a_file_uploads_through_it_as_telegram_receives_one() -> None:
    telegram = FakeTelegram(rate_capacity=None)
    telegram.add_user(USER, "Rita")
    telegram.send_text(USER, "hola")
    standin = await serve_standin(telegram)
    request = AiohttpRequest()
    bot = Bot(DEFAULT_TOKEN, base_url=standin.base_url, request=request)
    content = "\ufefffolio,tienda\r\n1,Abarrotes Peña\r\n".encode()
    try:
        async with bot:
            sent = await bot.send_document(
                USER, InputFile(io.BytesIO(content), filename="ventas.csv"), caption="Ventas"
            )
    finally:
        await standin.close()

    assert sent.document is not None
    assert sent.document.file_name == "ventas.csv"
    assert telegram.uploaded(telegram.last_bot_message(USER)) == content


async def test_the_bot_api_refusing_the_token_is_ptbs_invalid_token() -> None:
    telegram = FakeTelegram(rate_capacity=None)
    standin = await serve_standin(telegram)
    request = AiohttpRequest()
    bot = Bot("1000000001:WRONG-TOKEN", base_url=standin.base_url, request=request)
    try:
        with pytest.raises(InvalidToken):
            await bot.initialize()
    finally:
        await request.shutdown()
        await standin.close()


async def test_parameters_go_form_encoded_with_ptbs_user_agent(
    upstream: tuple[Upstream, WebServer],
) -> None:
    recorder, server = upstream
    async with _bot(server.port, AiohttpRequest()) as bot:
        await bot.send_message(USER, "a+b = ¿c?")

    method, target, headers, body = recorder.seen[0]
    assert (method, target) == ("POST", f"/bot{DEFAULT_TOKEN}/sendMessage")
    assert headers["content-type"] == "application/x-www-form-urlencoded"
    assert headers["user-agent"] == AiohttpRequest.USER_AGENT
    assert body == b"chat_id=42&text=a%2Bb+%3D+%C2%BFc%3F"


async def test_files_go_as_multipart_with_a_content_length(
    upstream: tuple[Upstream, WebServer],
) -> None:
    recorder, server = upstream
    async with _bot(server.port, AiohttpRequest()) as bot:
        document = InputFile(b"folio,monto\nR-1,50\n", filename="recargas.csv")
        await bot.send_document(USER, document, caption="Corte del día")

    _, target, headers, body = recorder.seen[0]
    assert target.endswith("/sendDocument")
    assert int(headers["content-length"]) == len(body)
    head = f"Content-Type: {headers['content-type']}\r\n\r\n".encode()
    parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    parts = {
        part.get_param("name", header="content-disposition"): part for part in parsed.iter_parts()
    }
    assert parts["chat_id"].get_content() == "42"
    assert parts["caption"].get_content() == "Corte del día"
    assert parts["document"].get_filename() == "recargas.csv"
    assert parts["document"].get_payload(decode=True) == b"folio,monto\nR-1,50\n"


async def test_no_answer_within_the_read_timeout_is_timed_out(
    upstream: tuple[Upstream, WebServer],
) -> None:
    recorder, server = upstream
    recorder.delay = 5.0
    async with _bot(server.port, AiohttpRequest(read_timeout=0.2)) as bot:
        async with asyncio.timeout(3):
            with pytest.raises(TimedOut):
                await bot.send_message(USER, "hola")


async def test_no_free_connection_in_time_is_timed_out_without_the_token(
    upstream: tuple[Upstream, WebServer],
) -> None:
    recorder, server = upstream
    recorder.delay = 2.0
    async with _bot(
        server.port, AiohttpRequest(connection_pool_size=1, connect_timeout=0.1, pool_timeout=0.1)
    ) as bot:
        holding = asyncio.create_task(bot.send_message(USER, "first"))
        await asyncio.sleep(0.05)  # the only connection is taken
        with pytest.raises(TimedOut) as raised:
            await bot.send_message(USER, "second")
        holding.cancel()

    chain = [raised.value, raised.value.__cause__, raised.value.__context__]
    assert SECRET_PART not in " ".join(f"{error!s} {error!r}" for error in chain)
    assert len(recorder.seen) == 1  # the second never left


async def test_a_timeout_given_for_one_call_overrides_the_default(
    upstream: tuple[Upstream, WebServer],
) -> None:
    recorder, server = upstream
    recorder.delay = 0.5
    async with _bot(server.port, AiohttpRequest(read_timeout=0.1)) as bot:
        sent = await bot.send_message(USER, "hola", read_timeout=3)

    assert sent.message_id == MESSAGE["message_id"]


async def test_a_dropped_connection_is_a_network_error_without_the_token(
    upstream: tuple[Upstream, WebServer],
) -> None:
    recorder, server = upstream
    recorder.reply = None  # the server closes the connection without answering
    async with _bot(server.port, AiohttpRequest()) as bot:
        with pytest.raises(NetworkError) as raised:
            await bot.send_message(USER, "hola")

    assert not isinstance(raised.value, TimedOut)
    assert SECRET_PART not in str(raised.value)
    assert str(raised.value).startswith("aiohttp.")


async def test_nobody_listening_is_a_network_error_without_the_token() -> None:
    server = await serve(Upstream().handle)
    port = server.port
    await server.close()  # the port is free again: connections are refused
    async with _bot(port, AiohttpRequest()) as bot:
        with pytest.raises(NetworkError) as raised:
            await bot.send_message(USER, "hola")

    assert SECRET_PART not in str(raised.value)
    assert "127.0.0.1" in str(raised.value)


async def test_requests_before_initialize_or_after_shutdown_are_refused(
    upstream: tuple[Upstream, WebServer],
) -> None:
    recorder, server = upstream
    request = AiohttpRequest()
    bot = Bot(DEFAULT_TOKEN, base_url=f"http://127.0.0.1:{server.port}/bot", request=request)
    with pytest.raises(NetworkError, match="AiohttpRequest is not initialized"):
        await bot.send_message(USER, "hola")

    await request.initialize()
    await request.shutdown()
    with pytest.raises(NetworkError, match="AiohttpRequest is not initialized"):
        await bot.send_message(USER, "hola")

    await request.initialize()  # opens again, as PTB does after a restart
    await bot.send_message(USER, "hola")
    await request.shutdown()
    assert len(recorder.seen) == 1


async def test_an_environment_proxy_carries_the_request(
    upstream: tuple[Upstream, WebServer],
) -> None:
    recorder, proxy = upstream
    # Plain http: the proxy gets the absolute URL. (https would open a CONNECT tunnel.)
    request = AiohttpRequest(proxies={"http": f"http://127.0.0.1:{proxy.port}"})
    bot = Bot(DEFAULT_TOKEN, base_url="http://api.telegram.invalid/bot", request=request)
    await request.initialize()
    try:
        await bot.send_message(USER, "hola")
    finally:
        await request.shutdown()

    method, target, _, _ = recorder.seen[0]
    assert (method, target) == (
        "POST",
        f"http://api.telegram.invalid/bot{DEFAULT_TOKEN}/sendMessage",
    )


async def test_this_machine_is_reached_directly_whatever_proxy_is_set(
    upstream: tuple[Upstream, WebServer],
) -> None:
    recorder, server = upstream
    # The proxy is a closed port: a request through it would fail.
    async with _bot(server.port, AiohttpRequest(proxies={"all": "http://127.0.0.1:9"})) as bot:
        await bot.send_message(USER, "hola")

    assert recorder.seen[0][1] == f"/bot{DEFAULT_TOKEN}/sendMessage"


@pytest.mark.parametrize(
    ("no_proxy", "direct", "proxied"),
    [
        (".telegram.org,example.com", ["api.telegram.org", "sub.example.com"], ["notexample.com"]),
        (" api.telegram.org , other.org", ["api.telegram.org"], ["telegram.org"]),
        ("*", ["api.telegram.org", "notexample.com"], []),
        ("", [], ["api.telegram.org"]),
    ],
)
def test_no_proxy_names_hosts_and_domains(
    no_proxy: str, direct: list[str], proxied: list[str]
) -> None:
    request = AiohttpRequest(proxies={"https": "http://proxy.local:3128", "no": no_proxy})

    for host in direct:
        assert request._proxy_for(f"https://{host}/bot1:x/getMe") is None, host
    for host in proxied:
        assert request._proxy_for(f"https://{host}:443/x") == "http://proxy.local:3128", host
    assert request._proxy_for("http://api.telegram.org/x") is None  # no http proxy set


def test_a_socks_proxy_is_refused_by_name_without_its_credentials() -> None:
    request = AiohttpRequest(proxies={"https": "socks5://user:pa55word@proxy.local:1080"})

    with pytest.raises(ValueError, match="socks5") as raised:
        request._proxy_for("https://api.telegram.org/bot1:x/getMe")
    assert "pa55word" not in str(raised.value)


def test_tls_is_verified_against_certifis_bundle_like_httpx(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("SSL_CERT_FILE", "SSL_CERT_DIR"):  # set on some machines
        monkeypatch.delenv(variable, raising=False)
    context = tls_context()
    bundle = ssl.create_default_context(cafile=certifi.where())

    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.cert_store_stats()["x509_ca"] == bundle.cert_store_stats()["x509_ca"] > 100


def test_ssl_cert_file_replaces_the_bundle_as_for_httpx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = Path(certifi.where()).read_text()
    first = bundle[: bundle.index("-----END CERTIFICATE-----") + len("-----END CERTIFICATE-----")]
    one = tmp_path / "one-ca.pem"
    one.write_text(first[first.index("-----BEGIN CERTIFICATE-----") :] + "\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(one))

    assert tls_context().cert_store_stats()["x509_ca"] == 1


class _Recording(BaseRequest):
    """Records the timeouts PTB hands to `do_request`, and answers every call with MESSAGE."""

    def __init__(self) -> None:
        self.timeouts: list[tuple[object, ...]] = []

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        self.timeouts.append((read_timeout, write_timeout, connect_timeout, pool_timeout))
        return 200, json.dumps({"ok": True, "result": MESSAGE}).encode()


async def test_ptb_marks_a_timeout_not_passed_with_its_public_default_none() -> None:
    """The contract `timeout_or_default` relies on (BaseRequest.DEFAULT_NONE's docs): if
    a PTB upgrade sends another marker, this fails before any timeout goes wrong."""
    request = _Recording()
    bot = Bot(DEFAULT_TOKEN, request=request)

    await bot.send_message(USER, "hola")
    await bot.send_message(USER, "hola", read_timeout=3, pool_timeout=None)

    default = BaseRequest.DEFAULT_NONE
    assert request.timeouts == [(default,) * 4, (3, default, default, None)]


def test_a_timeout_not_passed_takes_the_default_and_anything_odd_is_refused() -> None:
    assert timeout_or_default(BaseRequest.DEFAULT_NONE, 5.0) == 5.0
    assert timeout_or_default(None, 5.0) is None
    assert timeout_or_default(2, 5.0) == 2
    assert timeout_or_default(0.5, None) == 0.5
    for odd in ("3", True, object()):
        with pytest.raises(TypeError, match="a timeout is seconds or None"):
            timeout_or_default(odd, 5.0)
