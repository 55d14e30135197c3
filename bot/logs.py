"""Logging set-up that keeps secrets out of every line, tracebacks included."""

from __future__ import annotations

import json
import logging
from collections import deque
from datetime import UTC, datetime

from bot.config import Settings

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Secrets shorter than this are not looked for: replacing "abc" everywhere would maul
# the log, and no credential this bot holds is that short.
SHORTEST_SECRET = 6
# Provider tokens are renewed about hourly; the last few cover any still in flight.
REMEMBERED_TOKENS = 16


class Secrets:
    """What must never be written: fixed credentials, and tokens issued while running."""

    def __init__(self) -> None:
        self._fixed: list[str] = []
        self._issued: deque[str] = deque(maxlen=REMEMBERED_TOKENS)

    def configure(self, fixed: list[str]) -> None:
        """The credentials of this configuration (the longest first, so that one holding
        another is replaced whole)."""
        found = {secret for secret in fixed if len(secret) >= SHORTEST_SECRET}
        self._fixed = sorted(found, key=len, reverse=True)

    def add(self, secret: str) -> None:
        """A token handed to us at run time (the provider's access or refresh token)."""
        if len(secret) >= SHORTEST_SECRET and secret not in self._issued:
            self._issued.append(secret)

    def redact(self, text: str) -> str:
        for secret in (*self._fixed, *self._issued):
            if secret in text:
                text = text.replace(secret, "***")
        return text


# The process's secrets; setup_logging fills in the configured ones.
known_secrets = Secrets()


def keep_secret(token: str) -> None:
    """Never write `token`, from now on (the provider's tokens, as they are issued)."""
    known_secrets.add(token)


class RedactSecrets(logging.Filter):
    """Rewrites a record without any known secret before it is written: its message, and
    the traceback and stack of an exception logged with it. The record itself changes, so
    every handler after this one gets it clean too. The last line of defence: nothing
    of ours passes a secret to a log, but python-telegram-bot's DEBUG lines hold the
    Bot API URL, bot token included."""

    _plain = logging.Formatter()

    def __init__(self, known: Secrets) -> None:
        super().__init__()
        self._known = known

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self._known.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._plain.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._known.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._known.redact(record.stack_info)
        return True


class JsonLines(logging.Formatter):
    """One JSON object per line (`LOG_FORMAT=json`), for log collectors: time (UTC, ISO
    8601), level, logger, message, and the traceback or stack when there is one.

    The traceback is rebuilt here from `exc_info` whenever the record carries no text of
    it yet, so this formatter redacts every field itself: it stays clean on a handler
    without the `RedactSecrets` filter, or for an exception logged before it."""

    def __init__(self, known: Secrets) -> None:
        super().__init__()
        self._known = known

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, str] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        redacted = {key: self._known.redact(value) for key, value in line.items()}
        return json.dumps(redacted, ensure_ascii=False)


def setup_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level, format=FORMAT)
    # httpx logs every request URL, and Telegram's URLs carry the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    fixed = [
        secret.get_secret_value()
        for secret in (settings.telegram_bot_token, settings.latcom_secret_key)
        if secret is not None
    ]
    # A bot token is "<bot id>:<secret>"; the id is public, the rest is not.
    fixed += [secret.partition(":")[2] for secret in fixed if ":" in secret]
    known_secrets.configure(fixed)
    redact = RedactSecrets(known_secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
        if settings.log_format == "json":
            handler.setFormatter(JsonLines(known_secrets))
