"""`LOG_FORMAT=json`: one JSON object per line, and no secret in any field of it,
tracebacks included (the JSON formatter rebuilds them from `exc_info` itself)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.logs import JsonLines, Secrets
from tests.commands import run_module
from tests.harness import BOT_TOKEN, SECRET_KEY, make_settings, production_logs

SECRETS = (BOT_TOKEN, BOT_TOKEN.split(":")[1], SECRET_KEY)


class Credentials:
    """An object whose repr shows a secret, as a careless library's might."""

    def __repr__(self) -> str:
        return f"Credentials(key={SECRET_KEY!r})"


@pytest.fixture
def log(tmp_path: Path) -> Iterator[io.StringIO]:
    settings = make_settings(
        tmp_path,
        telegram_bot_token=BOT_TOKEN,
        latcom_customer_id="acme-distribuidor",
        latcom_secret_key=SECRET_KEY,
        log_level="DEBUG",
        log_format="json",
    )
    with production_logs(settings) as written:
        yield written


def lines(written: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in written.getvalue().splitlines()]


def fail_with_secrets() -> None:
    credentials = Credentials()
    # The source line of this frame holds a secret too, and a traceback prints it.
    raise RuntimeError(f"could not log in with {credentials!r} to bot{BOT_TOKEN}")


def test_each_record_is_one_json_object_with_its_fields(log: io.StringIO) -> None:
    logging.getLogger("bot.test").info("first\nsecond line of the same record")

    [line] = lines(log)
    assert line["level"] == "INFO" and line["logger"] == "bot.test"
    assert line["message"] == "first\nsecond line of the same record"
    assert line["time"].endswith("+00:00")
    assert "exception" not in line


def test_a_traceback_is_a_field_and_holds_no_secret(log: io.StringIO) -> None:
    try:
        fail_with_secrets()
    except RuntimeError:
        logging.getLogger("bot.test").exception("polling failed for %s", BOT_TOKEN)

    written = log.getvalue()
    [line] = lines(log)
    assert line["message"] == "polling failed for ***"
    assert line["exception"].startswith("Traceback (most recent call last)")
    assert "in fail_with_secrets" in line["exception"]
    assert (
        "RuntimeError: could not log in with Credentials(key='***') to bot***"
        in (line["exception"])
    )
    for secret in SECRETS:
        assert secret not in written


def test_the_json_formatter_redacts_a_traceback_on_its_own() -> None:
    """The path that rebuilds the traceback from `exc_info`, with no filter before it."""
    known = Secrets()
    known.configure([SECRET_KEY, BOT_TOKEN])
    handler = logging.StreamHandler(io.StringIO())
    handler.setFormatter(JsonLines(known))
    try:
        fail_with_secrets()
    except RuntimeError as exc:
        record = logging.LogRecord(
            "bot.test", logging.ERROR, __file__, 1, "failed", (), (type(exc), exc, None)
        )
        record.exc_info = (type(exc), exc, exc.__traceback__)
    formatted = handler.format(record)

    assert "Credentials(key='***')" in formatted
    assert "fail_with_secrets" in formatted
    for secret in SECRETS:
        assert secret not in formatted


def test_a_stack_is_a_field_and_holds_no_secret(log: io.StringIO) -> None:
    secret_name = SECRET_KEY
    logging.getLogger("bot.test").warning("where %s", secret_name, stack_info=True)

    [line] = lines(log)
    assert line["message"] == "where ***"
    assert line["stack"].startswith("Stack (most recent call last)")
    assert SECRET_KEY not in log.getvalue()


def test_an_unknown_log_format_names_the_variable(tmp_path: Path) -> None:
    result = run_module("bot", [], tmp_path, LOG_FORMAT="xml")
    assert result.returncode == 2
    [message] = result.stderr.strip().splitlines()
    assert "LOG_FORMAT" in message and "text or json" in message
