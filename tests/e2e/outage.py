"""Test-only hook: Telegram fails chosen Bot API calls, as it sometimes does.

It wraps `FakeTelegram.call` (the stand-in itself stays as strict as Telegram). A rule
names the methods, the chat and, optionally, a piece of the text; matching calls get
the chosen failure instead of reaching the stand-in, `times` times or until `heal()`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.harness import Harness

Reply = tuple[int, dict[str, Any]]
Call = Callable[[str, Any], Awaitable[Reply]]


def _refusal(status: int, description: str, **parameters: Any) -> Reply:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return status, body


SERVER_ERROR = _refusal(500, "Internal Server Error")
BAD_GATEWAY = _refusal(502, "Bad Gateway")
FLOOD = _refusal(429, "Too Many Requests: retry after 1", retry_after=1)
NOT_MODIFIED = _refusal(
    400,
    "Bad Request: message is not modified: specified new message content and reply "
    "markup are exactly the same as a current content and reply markup of the message",
)
QUERY_TOO_OLD = _refusal(
    400, "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
NETWORK_DOWN = "network down"  # the connection fails: no answer at all
TOO_LATE = "too late"  # the call goes through, but Telegram answers QUERY_TOO_OLD


@dataclass
class _Rule:
    methods: frozenset[str]
    chat_id: int | None
    text: str | None
    failure: Reply | str
    times: int | None

    def matches(self, method: str, params: Any) -> bool:
        if method.lower() not in self.methods or self.times == 0:
            return False
        if self.chat_id is not None and str(params.get("chat_id")) != str(self.chat_id):
            return False
        return self.text is None or self.text in str(params.get("text", ""))


class TelegramOutage:
    def __init__(self, bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
        self._rules: list[_Rule] = []
        self.failed: list[str] = []
        self._call: Call = bot.telegram.call
        monkeypatch.setattr(bot.telegram, "call", self._failing_call)

    def fail(
        self,
        methods: tuple[str, ...],
        failure: Reply | str,
        *,
        chat_id: int | None = None,
        text: str | None = None,
        times: int | None = None,
    ) -> None:
        wanted = frozenset(method.lower() for method in methods)
        self._rules.append(_Rule(wanted, chat_id, text, failure, times))

    def heal(self) -> None:
        self._rules.clear()

    async def _failing_call(self, method: str, params: Any) -> Reply:
        rule = next((r for r in self._rules if r.matches(method, params)), None)
        if rule is None:
            return await self._call(method, params)
        if rule.times is not None:
            rule.times -= 1
        self.failed.append(method)
        if rule.failure == NETWORK_DOWN:
            raise ConnectionResetError("Connection reset by peer")
        if rule.failure == TOO_LATE:
            await self._call(method, params)
            return QUERY_TOO_OLD
        assert not isinstance(rule.failure, str)
        return rule.failure
