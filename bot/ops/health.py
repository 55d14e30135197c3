"""`HEALTH_PORT`: `GET /healthz` for Docker's HEALTHCHECK and platforms' health checks.

Healthy (200) when Telegram answered a `getUpdates` within HEALTH_MAX_POLL_AGE_SECONDS
and a write transaction on the database commits within a few seconds; otherwise 503.
Both are what a bot that still sells needs: updates arriving, receipts being written.
The answer is JSON with those two facts and nothing else (no ids, paths or secrets).
Updates still arrive by long polling: this port only answers questions.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from telegram.request import BaseRequest, RequestData

from bot.config import Settings
from bot.telegram_http import WrappedRequest
from storage.db import Database

logger = logging.getLogger(__name__)

# A write waits behind at most one other transaction (storage/writer.py): seconds more
# than that is a disk or a lock in trouble.
DATABASE_WRITE_WITHIN_SECONDS = 5.0


class Heartbeat(WrappedRequest):
    """The `getUpdates` connection, noting when Telegram last answered it with 200."""

    def __init__(self, inner: BaseRequest) -> None:
        super().__init__(inner)
        self.last_poll: float | None = None  # time.monotonic()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        status, body = await self._inner.do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        if status == 200 and url.endswith("/getUpdates"):
            self.last_poll = time.monotonic()
        return status, body


@dataclass
class Health:
    """What /healthz answers from: the heartbeat, and the database once it is open."""

    heartbeat: Heartbeat
    max_poll_age: float
    database: Database | None = None  # set once the services are open

    async def report(self) -> tuple[int, dict[str, object]]:
        last = self.heartbeat.last_poll
        age = None if last is None else round(time.monotonic() - last, 1)
        polling = age is not None and age <= self.max_poll_age
        writable, error = await self._database_writable()
        body: dict[str, object] = {
            "status": "ok" if polling and writable else "unhealthy",
            "last_get_updates_seconds_ago": age,
            "max_get_updates_age_seconds": self.max_poll_age,
            "database_writable": writable,
        }
        if error:
            body["database_error"] = error
        return (200 if polling and writable else 503), body

    async def _database_writable(self) -> tuple[bool, str | None]:
        if self.database is None:
            return False, "not open yet"

        def rewrite_version(connection: sqlite3.Connection) -> None:
            # A real write (the header's user_version, to the value it has): a full disk,
            # a read-only volume or a lock held too long all fail it.
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            connection.execute(f"PRAGMA user_version = {version}")

        try:
            async with asyncio.timeout(DATABASE_WRITE_WITHIN_SECONDS):
                await self.database.write(rewrite_version)
        except TimeoutError:
            return False, f"no write within {DATABASE_WRITE_WITHIN_SECONDS:.0f} s"
        except (sqlite3.Error, OSError, RuntimeError) as exc:
            return False, type(exc).__name__
        return True, None


class HealthPortError(OSError):
    """HEALTH_PORT is taken or not ours to take; the message says so."""


class HealthServer:
    """The HTTP server of /healthz, on HEALTH_HOST:HEALTH_PORT."""

    def __init__(self, health: Health, host: str, port: int) -> None:
        self._health, self._host, self._port = health, host, port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self._answer)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, self._host, self._port).start()
        except OSError as exc:
            await runner.cleanup()
            raise HealthPortError(
                f"HEALTH_PORT: cannot listen on {self._host}:{self._port} ({exc.strerror}); "
                "choose a free port or unset HEALTH_PORT"
            ) from None
        self._runner = runner
        logger.info("Health checks answered on http://%s:%d/healthz", self._host, self._port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _answer(self, _: web.Request) -> web.Response:
        status, body = await self._health.report()
        return web.json_response(body, status=status)


def serve_health(application: Any, settings: Settings, heartbeat: Heartbeat) -> None:
    """Answer /healthz for the life of `application` (when HEALTH_PORT is set): the server
    starts after the application's own start-up and stops before its shutdown."""
    if settings.health_port is None:
        return
    health = Health(heartbeat, settings.health_max_poll_age_seconds)
    server = HealthServer(health, settings.health_host, settings.health_port)
    opened, closed = application.post_init, application.post_shutdown

    async def post_init(app: Any) -> None:
        # Listening first: a port taken stops the start before anything else is opened,
        # and until the database is open /healthz says so (503).
        await server.start()
        if opened is not None:
            await opened(app)
        resources = app.bot_data.resources
        health.database = resources.database if resources is not None else None

    async def post_shutdown(app: Any) -> None:
        await server.stop()
        if closed is not None:
            await closed(app)

    application.post_init = post_init
    application.post_shutdown = post_shutdown
