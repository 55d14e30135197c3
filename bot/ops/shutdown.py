"""Stopping without losing a sale: SIGTERM (a redeploy) or Ctrl-C.

At the signal the bot stops taking new confirms at once (a ✅ tapped from then on is told
the bot is restarting, and places nothing) but goes on answering, so that nobody's tap
hangs. Purchases already in flight get up to SHUTDOWN_GRACE_SECONDS to finish and show
their receipts; whatever is still in flight then is cancelled and left as it is stored,
"sending", which the next start's recovery makes pending verification. A second signal
stops at once. The signals themselves are caught by bot/runner.py.
"""

from __future__ import annotations

import asyncio
import logging

from bot.services import Services

logger = logging.getLogger(__name__)


async def drain(services: Services, grace: float, hurry: asyncio.Event) -> None:
    """Refuse new sales, then wait up to `grace` seconds (or until `hurry`, a second
    signal) for the purchases in flight; cancel whatever is left."""
    services.purchases.stop_taking()
    background = services.background
    logger.warning(
        "Stopping: no new purchases; waiting up to %g s for %d purchase(s) in flight",
        grace,
        background.in_flight,
    )
    idle = asyncio.create_task(background.wait_idle(), name="drain-idle")
    hurried = asyncio.create_task(hurry.wait(), name="drain-hurry")
    try:
        done, _ = await asyncio.wait(
            {idle, hurried}, timeout=grace, return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        for task in (idle, hurried):
            task.cancel()
    if idle in done:
        logger.info("No purchase in flight: stopping")
        return
    if hurried in done:
        logger.warning("Second stop signal: stopping now")
    else:
        logger.warning(
            "%d purchase(s) still in flight after %g s: left for the next start, "
            "which makes them pending verification",
            background.in_flight,
            grace,
        )
    background.cancel_all()
