"""The stand-in Bot API over real HTTP, so the bot's own HTTP transport talks to it.

`StandInServer` serves a `FakeTelegram` on 127.0.0.1 at `/bot<token>/<method>` (on
aiohttp.web: devtools/web.py), the way api.telegram.org does: parameters from the query
string, a JSON body or a form body (what PTB's request classes send), a wrong token
refused with 401 and a malformed path with 404. Long polling works as on Telegram:
getUpdates holds the request open until an update arrives or its `timeout` runs out.
`bot_settings` points the production path of `build_application` (no `request=`) at the
server, so both sides use the real HTTP stack. With `faults` set, some requests meet
Telegram's own faults (devtools/standin/faults.py).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from pydantic import SecretStr

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY, Settings
from devtools.standin.faults import Fault, TelegramFaults
from devtools.standin.telegram import FakeTelegram
from devtools.standin.uploads import MAX_DOCUMENT_BYTES, multipart_fields
from devtools.web import WebServer, drop_connection

# The shape of a bot token, as BotFather issues them: "<bot id>:<35 characters>".
_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{1,100}")
_PATH = re.compile(r"/bot(?P<token>[^/]*)/(?P<method>[A-Za-z0-9_]*)")
_LARGE_BODY = 1024 * 1024
DEFAULT_TOKEN = "1000000001:stand-in-over-http"  # noqa: S105 - local only


def _envelope(status: int, envelope: dict[str, Any]) -> web.Response:
    body = json.dumps(envelope, ensure_ascii=False).encode()
    return web.Response(status=status, body=body, content_type="application/json")


def _refusal(status: int, description: str) -> web.Response:
    return _envelope(status, {"ok": False, "error_code": status, "description": description})


class StandInServer:
    """A `FakeTelegram` served over HTTP; `base_url` is what TELEGRAM_API_BASE_URL takes."""

    def __init__(
        self,
        telegram: FakeTelegram,
        token: str = DEFAULT_TOKEN,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        if not _TOKEN.fullmatch(token):
            raise ValueError("a bot token looks like '123456:ABC-def_...'")
        self.telegram = telegram
        self.token = token
        self.faults: TelegramFaults | None = None  # Telegram's bad days, when set
        # Telegram takes uploads up to 50 MB, plus the form around them.
        self._http = WebServer(
            self.handle, host, port, max_body_bytes=MAX_DOCUMENT_BYTES + 1024**2
        )

    async def start(self) -> None:
        await self._http.start()

    async def close(self) -> None:
        """Stop listening and cut every connection, long polls included."""
        await self._http.close()

    async def __aenter__(self) -> StandInServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def port(self) -> int:
        return self._http.port

    @property
    def base_url(self) -> str:
        """The Bot API base URL, to which clients append `<token>/<method>`."""
        return f"{self._http.url}/bot"

    def bot_settings(self, settings: Settings) -> Settings:
        """`settings` with the bot token and API URL of this server: `build_application`
        called without `request=` then takes its production path (bot/telegram_http.py)."""
        return settings.model_copy(
            update={
                "telegram_bot_token": SecretStr(self.token),
                "telegram_api_base_url": self.base_url,
            }
        )

    def bot_environment(
        self, provider_url: str, database: Path, admins: list[int], resellers: list[int]
    ) -> dict[str, str]:
        """The environment of a bot process (`python -m bot`) talking to this server and
        to the sandbox provider at `provider_url`. Nothing is inherited that could point
        it elsewhere: no TELEGRAM_* or LATCOM_* variable, no proxy."""
        inherited = {
            name: value
            for name, value in os.environ.items()
            if not name.startswith(("TELEGRAM_", "LATCOM_")) and "proxy" not in name.lower()
        }
        return inherited | {
            "TELEGRAM_BOT_TOKEN": self.token,
            "TELEGRAM_API_BASE_URL": self.base_url,
            "LATCOM_API_BASE_URL": f"{provider_url}/api/distributor",
            "LATCOM_CUSTOMER_ID": SANDBOX_CUSTOMER_ID,
            "LATCOM_SECRET_KEY": SANDBOX_SECRET_KEY,
            "DATABASE_PATH": str(database),
            "ADMIN_IDS": ",".join(map(str, admins)),
            "RESELLER_IDS": ",".join(map(str, resellers)),
            "PTB_TIMEDELTA": "1",
        }

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Answer one HTTP request as the Bot API would (a `devtools.web.Handler`)."""
        url = request.rel_url
        route = _PATH.fullmatch(url.raw_path)
        if route is None or not _TOKEN.fullmatch(route["token"]) or not route["method"]:
            return _refusal(404, "Not Found")
        if not secrets.compare_digest(route["token"].encode(), self.token.encode()):
            return _refusal(401, "Unauthorized")
        if request.method not in {"GET", "POST"}:
            return _refusal(405, "Method Not Allowed")
        content_type = request.headers.get("Content-Type", "")
        body = await request.read()
        parse = partial(_parameters, url.raw_query_string, content_type, body)
        try:
            # Telegram takes an upload without stopping everyone else's requests: a large
            # body is parsed beside the event loop, not on it.
            params = await asyncio.to_thread(parse) if len(body) > _LARGE_BODY else parse()
        except ValueError as exc:
            return _refusal(400, f"Bad Request: {exc}")
        faults = self.faults
        fault = None if faults is None else faults.draw(route["method"], params)
        if faults is None or fault is None:
            status, envelope = await self.telegram.call(route["method"], params)
            return _envelope(status, envelope)
        return await self._faulty(request, route["method"], params, faults, *fault)

    async def _faulty(
        self,
        request: web.Request,
        method: str,
        params: dict[str, Any],
        faults: TelegramFaults,
        fault: Fault,
        wait: int,
    ) -> web.StreamResponse:
        """Answer as Telegram does on a bad day (devtools/standin/faults.py)."""
        if fault is Fault.OUTAGE:
            return drop_connection(request)
        if fault is Fault.RATE_LIMITED:
            description = f"Too Many Requests: retry after {wait}"
            body = {"ok": False, "error_code": 429, "description": description}
            return _envelope(429, body | {"parameters": {"retry_after": wait}})
        if fault is Fault.SERVER_ERROR:
            if faults.rng.random() < 0.5:
                return _refusal(500, "Internal Server Error")
            return web.Response(status=502, text="<html>502 Bad Gateway</html>")
        status, envelope = await self.telegram.call(method, params)  # applied...
        if fault is Fault.ANSWER_LOST:
            return drop_connection(request)  # ...and the answer never arrives
        await asyncio.sleep(faults.slow_seconds)  # ...after the client gave up
        return _envelope(status, envelope)


def _parameters(query: str, content_type: str, body: bytes) -> dict[str, Any]:
    """Query-string parameters overlaid with the body's, as Telegram reads them."""
    params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    kind = content_type.split(";", 1)[0].strip().lower()
    if not body.strip():
        return params
    if kind == "application/json":
        try:
            decoded = json.loads(body)
        except ValueError:
            raise ValueError("can't parse JSON body") from None
        if not isinstance(decoded, dict):
            raise ValueError("the JSON body must be an object")
        return params | decoded
    if kind in {"application/x-www-form-urlencoded", ""}:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError("strings must be encoded in UTF-8") from None
        return params | dict(parse_qsl(text, keep_blank_values=True))
    if kind == "multipart/form-data":
        return params | multipart_fields(body, content_type)
    raise ValueError(f"unsupported Content-Type {kind!r}")


async def serve_standin(
    telegram: FakeTelegram, token: str = DEFAULT_TOKEN, host: str = "127.0.0.1", port: int = 0
) -> StandInServer:
    """Start serving `telegram`; port 0 picks a free port."""
    server = StandInServer(telegram, token, host, port)
    await server.start()
    return server
