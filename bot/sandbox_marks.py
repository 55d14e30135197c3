"""In sandbox mode every message the bot sends or edits opens with "🧪 PRUEBA" (or
"🧪 TEST"): a receipt, a balance, a customer's copy or a shared receipt can never pass for
a real sale, in a screenshot or forwarded.

Marked where messages leave the bot (a wrapper of the Bot API transport), so no screen,
present or future, can miss it. The mark is in the chat's language, learned from the
updates that arrive; a chat not heard from since the start gets Spanish, as alerts do.
"""

from __future__ import annotations

import json
from typing import Any

from telegram.request import BaseRequest, RequestData

# A RequestData is built from these; PTB has no public way to change one parameter.
from telegram.request._requestparameter import RequestParameter

from bot.i18n import language_for, plain
from bot.telegram_http import WrappedRequest

# The methods that show words, and the parameter that holds them.
MARKED_METHODS = {
    "sendmessage": "text",
    "editmessagetext": "text",
    "sendphoto": "caption",
    "editmessagecaption": "caption",
}


class ChatLanguages:
    """The language of each private chat, as its user's Telegram says."""

    def __init__(self) -> None:
        self._by_chat: dict[int, str] = {}

    def learn(self, payload: bytes) -> None:
        try:
            updates = json.loads(payload).get("result")
        except (ValueError, AttributeError):
            return
        for update in updates if isinstance(updates, list) else []:
            for kind in ("message", "edited_message", "callback_query"):
                sender = update.get(kind, {}).get("from") if isinstance(update, dict) else None
                if isinstance(sender, dict) and isinstance(sender.get("id"), int):
                    self._by_chat[sender["id"]] = language_for(sender.get("language_code"))

    def of(self, chat_id: object) -> str:
        try:
            return self._by_chat.get(int(str(chat_id)), "es")
        except ValueError:
            return "es"


class SandboxMarks(WrappedRequest):
    """`inner`, with the test mark at the top of every message's text."""

    def __init__(self, inner: BaseRequest, languages: ChatLanguages) -> None:
        super().__init__(inner)
        self._languages = languages

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
        endpoint = url.rsplit("/", 1)[-1].lower()
        if request_data is not None and endpoint in MARKED_METHODS:
            request_data = self._marked(request_data, MARKED_METHODS[endpoint])
        status, payload = await self._inner.do_request(
            url,
            method,
            request_data,
            read_timeout,  # type: ignore[arg-type]
            write_timeout,  # type: ignore[arg-type]
            connect_timeout,  # type: ignore[arg-type]
            pool_timeout,  # type: ignore[arg-type]
        )
        if endpoint == "getupdates" and status == 200:
            self._languages.learn(payload)
        return status, payload

    def _marked(self, data: RequestData, field: str) -> RequestData:
        parameters: dict[str, Any] = data.parameters
        text = parameters.get(field)
        if data.contains_files or not isinstance(text, str):
            return data
        mark = plain(self._languages.of(parameters.get("chat_id")), "sandbox.mark")
        parameters[field] = f"{mark}\n{text}"
        return RequestData(
            [RequestParameter(name, value, None) for name, value in parameters.items()]
        )
