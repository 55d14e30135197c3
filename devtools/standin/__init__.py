"""A local stand-in for the Telegram Bot API, as strict as Telegram.

`FakeTelegram` is the core (`await fake.call(method, params)` gives the HTTP status and
Telegram's JSON envelope) plus the user side that drives it; `StandInRequest` plugs it
into python-telegram-bot in place of the network. Used by the terminal console and by the
end-to-end tests, which run the real `Application` against it.
"""

from devtools.standin.errors import ApiError
from devtools.standin.models import BotEvent, CallbackQueryRecord, ChatMessage, InlineButton, User
from devtools.standin.request import StandInRequest
from devtools.standin.telegram import FakeTelegram

__all__ = [
    "ApiError",
    "BotEvent",
    "CallbackQueryRecord",
    "ChatMessage",
    "FakeTelegram",
    "InlineButton",
    "StandInRequest",
    "User",
]
