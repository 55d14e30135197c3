"""How the bot talks HTTP to the Bot API: python-telegram-bot's request interface on aiohttp.

PTB's own `HTTPXRequest` spends about 0.8 ms of the event loop on each Bot API request
(measured with PTB 22.8, httpx 0.28, against a local server); aiohttp does the same
request in about 0.4 ms. Every step of a top-up makes one to three such requests, plus
its share of `getUpdates`, on the one event loop all resellers share, so the difference
is felt by everyone, every step (docs/BENCHMARK.md).

Behaviour matches `HTTPXRequest`: the same default timeouts, connection pool sizes and
User-Agent; a timeout is `telegram.error.TimedOut`, any other transport failure
`telegram.error.NetworkError`; status codes and bodies go back to PTB untouched, which
turns them into its errors as it always does. Proxies come from `HTTPS_PROXY`,
`HTTP_PROXY` / `ALL_PROXY` and `NO_PROXY` as httpx reads them, loopback addresses always
direct, looked up once per host (aiohttp's `trust_env` would read the environment and
`.netrc` again on every request, which doubles the cost). Two of httpx's knobs have no
aiohttp equivalent and are not offered: HTTP/2 and socket options. Other differences:
the session opens in `initialize()` (PTB always calls it first); a wait for a free
connection that times out is a plain `TimedOut` (aiohttp does not tell it from a slow
connect); and each request is also bounded as a whole, by the sum of its four timeouts.

Bot API URLs carry the bot token, so no error raised here repeats the URL.
"""

from __future__ import annotations

import os
import ssl
import urllib.request
from typing import Any

import aiohttp
import certifi
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# PTB's defaults for HTTPXRequest, and the pool sizes ApplicationBuilder gives it.
READ_TIMEOUT = 5.0
WRITE_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5.0
POOL_TIMEOUT = 1.0
MEDIA_WRITE_TIMEOUT = 20.0
POOL_SIZE = 256
GET_UPDATES_POOL_SIZE = 1

_URL_HIDDEN = "<Bot API URL>"


class AiohttpRequest(BaseRequest):
    """A `telegram.request.BaseRequest` on one `aiohttp.ClientSession`."""

    __slots__ = (
        "_connect",
        "_media_write",
        "_pool",
        "_pool_size",
        "_proxies",
        "_proxy_of_host",
        "_read",
        "_session",
        "_write",
    )

    def __init__(
        self,
        connection_pool_size: int = POOL_SIZE,
        read_timeout: float | None = READ_TIMEOUT,
        write_timeout: float | None = WRITE_TIMEOUT,
        connect_timeout: float | None = CONNECT_TIMEOUT,
        pool_timeout: float | None = POOL_TIMEOUT,
        media_write_timeout: float | None = MEDIA_WRITE_TIMEOUT,
        proxies: dict[str, str] | None = None,
    ) -> None:
        if connection_pool_size < 1:
            raise ValueError("connection_pool_size must be at least 1")
        self._pool_size = connection_pool_size
        self._read, self._write = read_timeout, write_timeout
        self._connect, self._pool = connect_timeout, pool_timeout
        self._media_write = media_write_timeout
        # scheme -> proxy URL, as urllib reads the environment (also "no" for NO_PROXY).
        self._proxies = urllib.request.getproxies() if proxies is None else proxies
        self._proxy_of_host: dict[tuple[str, str], str | None] = {}
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        """Open the session (within the event loop that will use it)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(
                limit=self._pool_size, limit_per_host=0, ssl=tls_context()
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers={"User-Agent": self.USER_AGENT},
                trust_env=False,  # proxies are looked up once per host, below
                raise_for_status=False,
            )

    async def shutdown(self) -> None:
        """Close the session and its connections; initialize() opens a new one."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

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
        """Send one request; the status code and the body, whatever they are.

        The timeouts are `object`: PTB annotates them with a type from a private module of
        its own, and a wider parameter still overrides its signature. `timeout_or_default`
        narrows them."""
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        uploads = request_data is not None and request_data.contains_files
        timeout = self._timeout(
            timeout_or_default(read_timeout, self._read),
            timeout_or_default(write_timeout, self._media_write if uploads else self._write),
            timeout_or_default(connect_timeout, self._connect),
            timeout_or_default(pool_timeout, self._pool),
        )
        error: TimedOut | NetworkError
        cause: BaseException
        try:
            async with session.request(
                method,
                url,
                data=_body(request_data),
                timeout=timeout,
                proxy=self._proxy_for(url),
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:  # aiohttp's own timeouts are TimeoutErrors too
            error, cause = TimedOut(), exc
        except aiohttp.ClientError as exc:
            error = NetworkError(f"aiohttp.{type(exc).__name__}: {_without_url(str(exc), url)}")
            cause = exc
        # Raised out here, so aiohttp's error is not the context of ours; it is the cause
        # only if its text leaves the URL out ("Connection timeout to host <url>" doesn't).
        raise error from (cause if _without_url(str(cause), url) == str(cause) else None)

    @staticmethod
    def _timeout(
        read: float | None, write: float | None, connect: float | None, pool: float | None
    ) -> aiohttp.ClientTimeout:
        """httpx's four timeouts in aiohttp's terms. aiohttp times the wait for a pooled
        connection and opening a new one together (`connect`), and has no timeout for
        writing alone: the whole request gets the sum of all four, so a body that cannot
        be written still ends in TimedOut."""
        limits = (read, write, connect, pool)
        total = None if None in limits else sum(limit for limit in limits if limit is not None)
        waiting = None if connect is None or pool is None else connect + pool
        return aiohttp.ClientTimeout(
            total=total, connect=waiting, sock_connect=connect, sock_read=read
        )

    def _proxy_for(self, url: str) -> str | None:
        """The proxy for this URL's scheme and host, from the environment; None if none."""
        scheme, _, rest = url.partition("://")
        host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
        key = (scheme.lower(), host)
        if key not in self._proxy_of_host:
            proxy = self._proxies.get(key[0]) or self._proxies.get("all")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            hostname = name.strip("[]").lower()
            if proxy and (_on_this_machine(hostname) or _bypassed(hostname, self._proxies)):
                proxy = None
            if proxy and not proxy.lower().startswith(("http://", "https://")):
                scheme_of_proxy = proxy.partition("://")[0]
                raise ValueError(
                    f"a {scheme_of_proxy}:// proxy is set for {key[0]}:// URLs; the Bot API "
                    "transport (aiohttp) goes through http:// and https:// proxies only"
                )
            self._proxy_of_host[key] = proxy or None
        return self._proxy_of_host[key]


def tls_context() -> ssl.SSLContext:
    """Certificates checked as httpx (and so PTB's HTTPXRequest) checks them: against
    `SSL_CERT_FILE` or `SSL_CERT_DIR` when set, else certifi's CA bundle, so a slim image
    without the system's CA store still reaches Telegram."""
    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    return ssl.create_default_context(cafile=certifi.where())


def timeout_or_default(value: object, default: float | None) -> float | None:
    """A timeout PTB passed for this call (None included: no limit), else `default`.

    PTB marks a timeout not passed with `BaseRequest.DEFAULT_NONE`, and documents this
    identity check for it. Anything else that is not seconds is refused loudly, so a PTB
    that starts sending another marker fails its first request instead of mistiming it."""
    if value is BaseRequest.DEFAULT_NONE:
        return default
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    raise TypeError(f"a timeout is seconds or None, not {type(value).__name__}")


def _body(request_data: RequestData | None) -> Any:
    """Parameters form-encoded, as HTTPXRequest sends them; multipart with any files."""
    if request_data is None:
        return None
    fields = request_data.json_parameters
    if not request_data.contains_files:
        return fields or None
    form = aiohttp.FormData()
    for name, value in fields.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form


def _on_this_machine(hostname: str) -> bool:
    """A loopback address is reached directly: no proxy could reach it for us."""
    return hostname in {"localhost", "::1"} or hostname.startswith("127.")


def _bypassed(hostname: str, proxies: dict[str, str]) -> bool:
    """NO_PROXY as curl and httpx read it: "*", or hosts and domains, comma-separated;
    "example.com" and ".example.com" both cover the domain and everything under it.
    `hostname` is lower case, without port or IPv6 brackets."""
    for entry in proxies.get("no", "").split(","):
        name = entry.strip().lower().lstrip(".")
        if name == "*" or (name and (hostname == name or hostname.endswith("." + name))):
            return True
    return False


def _without_url(text: str, url: str) -> str:
    """`text` with the URL (and so the bot token) taken out."""
    path = url.partition("://")[2].partition("/")[2]
    for part in (url, path):
        if part:
            text = text.replace(part, _URL_HIDDEN)
    return text


class WrappedRequest(BaseRequest):
    """A request that passes everything to `inner`: the base of the transports that add
    one thing on top (a health heartbeat, the sandbox's test mark) and override
    `do_request` for it."""

    def __init__(self, inner: BaseRequest) -> None:
        self._inner = inner

    @property
    def read_timeout(self) -> float | None:
        return self._inner.read_timeout

    async def initialize(self) -> None:
        await self._inner.initialize()

    async def shutdown(self) -> None:
        await self._inner.shutdown()

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
        return await self._inner.do_request(
            url,
            method,
            request_data,
            read_timeout,  # type: ignore[arg-type]
            write_timeout,  # type: ignore[arg-type]
            connect_timeout,  # type: ignore[arg-type]
            pool_timeout,  # type: ignore[arg-type]
        )
