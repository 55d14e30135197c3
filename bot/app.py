"""The application factory: the same `Application` for Telegram, the console and tests."""

from __future__ import annotations

import logging
from typing import Any

import httpx
from telegram import BotCommand, BotCommandScopeDefault, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
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
from bot.config import ConfigError, Settings
from bot.context import BotContext, BotData
from bot.processor import PerUserUpdateProcessor
from bot.ratelimit import FloodControl
from bot.telegram_http import GET_UPDATES_POOL_SIZE, AiohttpRequest
from bot.wiring import close_services, open_services

logger = logging.getLogger(__name__)

App = Application[Any, BotContext, Any, Any, BotData, Any]

COMMANDS = {
    "es": [
        ("recarga", "Nueva recarga"),
        ("cancelar", "Cancelar la recarga en curso"),
        ("recibos", "Tus recibos"),
        ("mis_recargas", "Recargas a tu número (clientes)"),
        ("avisos", "Avisos de recargas a tu número"),
        ("saldo", "Saldo con el proveedor (administradores)"),
        ("pendientes", "Recargas pendientes de verificación (administradores)"),
        ("ayuda", "Ayuda"),
    ],
    "en": [
        ("topup", "New top-up"),
        ("cancel", "Cancel the top-up in progress"),
        ("receipts", "Your receipts"),
        ("my_topups", "Top-ups to your number (customers)"),
        ("alerts", "Notices of top-ups to your number"),
        ("balance", "Provider balance (admins)"),
        ("pending", "Top-ups pending verification (admins)"),
        ("help", "Help"),
    ],
}


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
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram_api_base_url)
        .context_types(ContextTypes(context=BotContext, bot_data=BotData))
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=settings.zone))
        .concurrent_updates(PerUserUpdateProcessor())
        .rate_limiter(rate_limiter or FloodControl())
        .post_init(_open(settings, latcom_transport))
        .post_shutdown(_close)
    )
    if request is None:  # Telegram itself, through aiohttp (bot/telegram_http.py)
        request = AiohttpRequest()
        get_updates_request = AiohttpRequest(connection_pool_size=GET_UPDATES_POOL_SIZE)
    builder = builder.request(request).get_updates_request(get_updates_request or request)
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
            logger.warning("No LATCOM credentials set: purchases go to the embedded sandbox")
        await _set_commands(application)
        await services.purchases.recover()
        if application.job_queue is not None:
            jobs.schedule(application.job_queue)

    return post_init


async def _set_commands(application: App) -> None:
    try:
        for lang, commands in COMMANDS.items():
            await application.bot.set_my_commands(
                [BotCommand(name, description) for name, description in commands],
                scope=BotCommandScopeDefault(),
                language_code=None if lang == "es" else lang,
            )
    except TelegramError as exc:
        logger.warning("Could not set the command menu: %s", exc)


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
    """What `run_polling` does before it blocks, for callers that own the event loop
    (the console and the tests): initialize, open services, start, poll."""
    await application.initialize()
    if application.post_init is not None:
        await application.post_init(application)
    await application.start()
    if application.updater is not None:
        await application.updater.start_polling(
            poll_interval=0, timeout=int(poll_timeout), allowed_updates=Update.ALL_TYPES
        )


async def stop_application(application: App) -> None:
    """The reverse of `start_application`, as `run_polling` does on exit."""
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    await application.shutdown()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)
