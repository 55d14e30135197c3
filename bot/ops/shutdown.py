"""Stopping without losing a sale: SIGTERM (a redeploy) or Ctrl-C.

At the signal the bot stops taking new confirms at once (a ✅ tapped from then on is told
the bot is restarting, and places nothing) but goes on answering, so that nobody's tap
hangs. Purchases already in flight get up to SHUTDOWN_GRACE_SECONDS to finish and show
their receipts; whatever is still in flight then is cancelled and left as it is stored,
"sending", which the next start's recovery makes pending verification. A second signal
stops at once.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

from telegram.ext import Application

from bot.config import Settings
from bot.services import Services

logger = logging.getLogger(__name__)

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


class Drain:
    """The way out: refuse new sales, wait for the ones in flight, then stop."""

    def __init__(self, application: AnyApplication, services: Services, grace: float) -> None:
        self._application = application
        self._services = services
        self._grace = grace
        self._draining: asyncio.Task[None] | None = None

    def begin(self) -> None:
        """The signal's handler (in the event loop)."""
        if self._draining is not None:
            logger.warning("Second stop signal: stopping now")
            self._services.background.cancel_all()
            self._application.stop_running()
            return
        self._services.purchases.stop_taking()
        self._draining = asyncio.get_running_loop().create_task(self._drain(), name="drain")

    async def _drain(self) -> None:
        background = self._services.background
        logger.warning(
            "Stopping: no new purchases; waiting up to %g s for %d purchase(s) in flight",
            self._grace,
            background.in_flight,
        )
        try:
            async with asyncio.timeout(self._grace):
                await background.wait_idle()
        except TimeoutError:
            logger.warning(
                "%d purchase(s) still in flight after %g s: left for the next start, "
                "which makes them pending verification",
                background.in_flight,
                self._grace,
            )
            background.cancel_all()
        else:
            logger.info("No purchase in flight: stopping")
        self._application.stop_running()


def drain_on_signals(application: AnyApplication, settings: Settings) -> None:
    """Have SIGTERM and SIGINT drain `application` instead of stopping it at once.

    python-telegram-bot's own handlers (stop at once) are installed before `post_init`
    runs; these, installed at its end, take their place.
    """
    opened = application.post_init

    async def post_init(app: AnyApplication) -> None:
        if opened is not None:
            await opened(app)
        services = app.bot_data.services
        drain = Drain(app, services, settings.shutdown_grace_seconds)
        loop = asyncio.get_running_loop()
        for stop_signal in STOP_SIGNALS:
            loop.add_signal_handler(stop_signal, drain.begin)

    application.post_init = post_init
