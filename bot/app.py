"""The application factory: the same `Application` for Telegram, the console and tests."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import httpx
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    ApplicationBuilder,
    BaseRateLimiter,
    ContextTypes,
    Defaults,
)
from telegram.request import BaseRequest

import handlers
from bot import jobs
from bot.backoff import until_answered
from bot.config import ConfigError, Settings
from bot.context import BotContext, BotData
from bot.ops import backups
from bot.polling import Polling
from bot.processor import PerUserUpdateProcessor
from bot.ratelimit import FloodControl
from bot.sandbox_marks import ChatLanguages, SandboxMarks
from bot.telegram_bot import TelegramBot
from bot.telegram_http import GET_UPDATES_POOL_SIZE, AiohttpRequest
from bot.wiring import close_services, open_services

logger = logging.getLogger(__name__)

App = Application[Any, BotContext, Any, Any, BotData, Any]


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    latcom_transport: httpx.AsyncBaseTransport | None = None,
    rate_limiter: BaseRateLimiter[Any] | None = None,
) -> App:
    """Build the bot. Without `request` it talks to Telegram and needs the bot token.
    `rate_limiter` replaces Telegram's flood limits as kept in production (a test's own
    clock, say)."""
    if settings.telegram_bot_token is not None:
        token = settings.telegram_bot_token.get_secret_value()
    elif request is None:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set")
    else:
        token = "1000000001:LOCAL-STAND-IN-TOKEN"  # noqa: S105 - only the stand-in sees it
    if request is None:  # Telegram itself, through aiohttp (bot/telegram_http.py)
        request = AiohttpRequest()
        get_updates_request = AiohttpRequest(connection_pool_size=GET_UPDATES_POOL_SIZE)
    get_updates_request = get_updates_request or request
    if settings.uses_sandbox:  # every message marked as a test (bot/sandbox_marks.py)
        languages = ChatLanguages()
        request = SandboxMarks(request, languages)
        get_updates_request = SandboxMarks(get_updates_request, languages)
    bot = TelegramBot(  # PTB's defaults only where a method takes them (bot/telegram_bot.py)
        token,
        base_url=settings.telegram_api_base_url,
        request=request,
        get_updates_request=get_updates_request,
        defaults=Defaults(parse_mode=ParseMode.HTML, tzinfo=settings.zone),
        rate_limiter=rate_limiter or FloodControl(),
    )
    builder = (
        ApplicationBuilder()
        .bot(bot)
        .context_types(ContextTypes(context=BotContext, bot_data=BotData))
        .concurrent_updates(PerUserUpdateProcessor())
        .post_init(_open(settings, latcom_transport))
        .post_shutdown(_close)
        .updater(None)  # bot/polling.py fetches the updates
    )
    application: App = builder.build()
    handlers.register(application)
    return application


def _open(settings: Settings, transport: httpx.AsyncBaseTransport | None) -> Any:
    async def post_init(application: App) -> None:
        services, resources = await open_services(
            settings, application.bot, application, transport
        )
        application.bot_data.services = services
        application.bot_data.resources = resources
        if settings.uses_sandbox:
            logger.warning("Sandbox mode: purchases go to the embedded sandbox, no real money")
        await services.menus.set_all()
        # Once ever: which resellers the first import made unrestricted, to the admins
        # whose chats took their menu just now (Telegram can reach them).
        await services.resellers.tell_unrestricted(services.menus.reached)
        await services.purchases.recover()
        if application.job_queue is not None:
            jobs.schedule(application.job_queue)
            backups.schedule(application.job_queue, settings)
            if services.alerts.watches_balance:
                every = timedelta(minutes=settings.balance_check_minutes)
                jobs.schedule_balance_checks(application.job_queue, every)

    return post_init


async def _close(application: App) -> None:
    services, resources = application.bot_data.services, application.bot_data.resources
    if services is None or resources is None:
        return
    try:
        await close_services(services, resources)
    finally:
        application.bot_data.services = None
        application.bot_data.resources = None


async def start_application(application: App, *, poll_timeout: float = 10) -> None:
    """Initialize (getMe, until Telegram answers), open services, start, poll."""
    await until_answered(application.initialize, "getMe")
    if application.post_init is not None:
        await application.post_init(application)
    await application.start()
    services = application.bot_data.services
    assert services is not None  # noqa: S101 - opened by post_init just above
    application.bot_data.polling = Polling(application, services.inbox, poll_timeout)
    await application.bot_data.polling.start()


async def stop_application(application: App) -> None:
    """The reverse of `start_application`; also after a start that did not finish."""
    polling, application.bot_data.polling = application.bot_data.polling, None
    if polling is not None:
        await polling.stop()
    if application.running:
        await application.stop()
    await application.shutdown()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)
