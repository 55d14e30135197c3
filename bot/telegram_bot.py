"""The bot's `ExtBot`: PTB's `Defaults` reach only the methods that take them.

`Defaults(parse_mode=HTML)` (bot/app.py) is meant for what the bot writes. PTB builds
every message method through one helper that puts `parse_mode`, `disable_notification`,
`protect_content`… into the request whatever the method, and then fills them from the
defaults: `editMessageReplyMarkup`, which has no text, went out with `parse_mode=HTML`,
a parameter the Bot API does not define for it. Here a parameter left to its default is
kept only when the method being called has it (the PTB method's own signature says
which); a value the caller passed, and `api_kwargs`, go out untouched.

A button press Telegram no longer takes an answer for (answered already by a process that
was killed before it marked the press handled, so the update inbox hands it over again;
or answered too late) is no reason to stop handling it: the answer is skipped, logged,
and the handler goes on to the screen it owes.
"""

from __future__ import annotations

import inspect
import logging
from functools import cache
from typing import Any

from telegram import Bot
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import BadRequest
from telegram.ext import ExtBot

logger = logging.getLogger(__name__)
# Telegram's words for a press it takes no answer for any more (answered, or too old).
ANSWER_GONE = "query is too old"


@cache
def defined_parameters(endpoint: str) -> frozenset[str] | None:
    """The parameters of a Bot API method as PTB declares it; None if PTB has no such
    method (a request through `do_api_request`), whose parameters are then all kept."""
    method = getattr(Bot, endpoint, None)
    if not callable(method):
        return None
    return frozenset(inspect.signature(method).parameters) - {"self", "api_kwargs"}


class TelegramBot(ExtBot[Any]):
    """PTB's `ExtBot`, sending a method only the defaults it defines."""

    async def _post(
        self,
        endpoint: str,
        data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        defined = defined_parameters(endpoint)
        if data is not None and defined is not None:
            data = {
                key: value
                for key, value in data.items()
                if key in defined or not isinstance(value, DefaultValue)
            }
        return await super()._post(endpoint, data, **kwargs)

    async def answer_callback_query(self, *args: Any, **kwargs: Any) -> bool:
        """The press's answer, or False when Telegram takes none for it any more."""
        try:
            return await super().answer_callback_query(*args, **kwargs)
        except BadRequest as error:
            if ANSWER_GONE not in error.message.lower():
                raise
            logger.info("A button press took no answer (answered already, or too old)")
            return False
