"""StandInRequest: PTB's transport, answered by a FakeTelegram instead of api.telegram.org."""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlsplit

from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from bot.telegram_http import timeout_or_default
from devtools.standin.telegram import FakeTelegram
from devtools.standin.uploads import Upload


class StandInRequest(BaseRequest):
    """Hands each Bot API request to `fake.call` and its answer back to PTB.

    PTB uses one request object for getUpdates and another for everything else; both may
    wrap the same FakeTelegram. The read timeout is enforced as over HTTP,
    so a long poll that outlasts it raises TimedOut just as over the network.
    """

    __slots__ = ("_fake", "_read_timeout")

    def __init__(self, fake: FakeTelegram, read_timeout: float | None = 5.0) -> None:
        self._fake = fake
        self._read_timeout = read_timeout

    @property
    def read_timeout(self) -> float | None:
        """The read timeout used when a call doesn't pass one."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Nothing to open: there is no connection."""

    async def shutdown(self) -> None:
        """Nothing to close: there is no connection."""

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
        """Answer one request: the method is the URL's last path segment. The timeouts
        are typed as in `bot.telegram_http.AiohttpRequest.do_request`."""
        if method != "POST":
            return 404, b'{"ok":false,"error_code":404,"description":"Not Found"}'
        endpoint = urlsplit(url).path.rsplit("/", 1)[-1]
        params: dict[str, Any] = dict(request_data.parameters) if request_data else {}
        if request_data is not None and request_data.contains_files:
            for name, (filename, content, mime_type) in request_data.multipart_data.items():
                data = content if isinstance(content, bytes) else content.read()
                params[name] = Upload(filename or name, data, mime_type)
        limit = timeout_or_default(read_timeout, self._read_timeout)
        try:
            async with asyncio.timeout(limit):
                status, body = await self._fake.call(endpoint, params)
        except TimeoutError:
            raise TimedOut(f"The stand-in didn't answer {endpoint} within {limit} s") from None
        return status, json.dumps(body).encode()
