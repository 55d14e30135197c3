"""The bot's `ExtBot`: PTB's `Defaults` reach only the methods that take them.

`Defaults(parse_mode=HTML)` (bot/app.py) is meant for what the bot writes. PTB builds
every message method through one helper that puts `parse_mode`, `disable_notification`,
`protect_content`… into the request whatever the method, and then fills them from the
defaults: `editMessageReplyMarkup`, which has no text, went out with `parse_mode=HTML`,
a parameter the Bot API does not define for it. Here a parameter left to its default is
kept only when the method being called has it (the PTB method's own signature says
which); a value the caller passed, and `api_kwargs`, go out untouched.
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import Any

from telegram import Bot
from telegram._utils.defaultvalue import DefaultValue
from telegram.ext import ExtBot


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
