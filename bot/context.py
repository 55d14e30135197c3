"""The typed context every handler receives: the services, opened with the application."""

from __future__ import annotations

from typing import Any

from telegram.ext import CallbackContext, ExtBot

from bot.polling import Polling
from bot.services import Services
from bot.wiring import Resources


class BotData:
    """`bot_data` of the application: the services and what they hold open, set in
    `post_init`."""

    def __init__(self) -> None:
        self.services: Services | None = None
        self.resources: Resources | None = None
        self.polling: Polling | None = None  # set by `start_application`


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("services are opened in post_init; the application is not ready")
        return services
