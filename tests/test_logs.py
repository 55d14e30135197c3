"""The log's last line of defence: whatever reaches a log line, no secret is written,
not in the message, nor in the traceback of an exception logged with it."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.latcom.client import LatcomClient
from bot.latcom.transport import SandboxTransport
from bot.logs import REMEMBERED_TOKENS, Secrets
from tests.harness import (
    BOT_TOKEN,
    CUSTOMER_ID,
    SECRET_KEY,
    TokenRecordingSandbox,
    production_logs,
    secret_settings,
)


@pytest.fixture
def log(tmp_path: Path) -> Iterator[io.StringIO]:
    """The production log set-up, written to a buffer."""
    settings = secret_settings(tmp_path)
    with production_logs(settings) as written:
        yield written


def test_a_traceback_holding_secrets_is_written_without_them(log: io.StringIO) -> None:
    def fail() -> None:
        url = f"https://api.telegram.org/bot{BOT_TOKEN}/getUpdates"
        raise RuntimeError(f"could not reach {url} (key {SECRET_KEY})")

    try:
        fail()
    except RuntimeError:
        logging.getLogger("bot.test").exception("polling failed for %s", BOT_TOKEN)

    written = log.getvalue()
    assert "polling failed for ***" in written
    assert "RuntimeError: could not reach https://api.telegram.org/bot***/getUpdates" in written
    assert "(key ***)" in written
    assert "Traceback (most recent call last)" in written  # the traceback itself is kept
    for secret in (BOT_TOKEN, BOT_TOKEN.split(":")[1], SECRET_KEY):
        assert secret not in written


def test_a_stack_trace_is_redacted_too(log: io.StringIO) -> None:
    secret_name = SECRET_KEY  # a secret in the logging call's own source line
    logging.getLogger("bot.test").warning("where %s", secret_name, stack_info=True)

    written = log.getvalue()
    assert "where ***" in written and "Stack (most recent call last)" in written
    assert SECRET_KEY not in written


async def test_provider_tokens_are_kept_out_from_the_moment_they_are_issued(
    log: io.StringIO,
) -> None:
    sandbox = TokenRecordingSandbox(customer_id=CUSTOMER_ID, secret_key=SECRET_KEY)
    client = LatcomClient(
        "http://sandbox.invalid/api/distributor",
        CUSTOMER_ID,
        SecretStr(SECRET_KEY),
        transport=SandboxTransport(sandbox),
    )
    try:
        await client.get_balance()
    finally:
        await client.aclose()
    access, refresh = sandbox.issued

    logger = logging.getLogger("bot.test")
    logger.error("the provider said %s", {"access_token": access})
    logger.error("refresh with %s", refresh)

    written = log.getvalue()
    assert "{'access_token': '***'}" in written and "refresh with ***" in written
    assert access not in written and refresh not in written


def test_short_values_are_not_taken_for_secrets() -> None:
    secrets = Secrets()
    secrets.configure(["abc", "long-enough-secret"])
    secrets.add("xy")  # an issued token this short is not looked for either

    assert secrets.redact("abc long-enough-secret xy") == "abc *** xy"


def test_only_the_latest_issued_tokens_are_remembered() -> None:
    secrets = Secrets()
    tokens = [f"token-{number:04d}" for number in range(REMEMBERED_TOKENS + 1)]
    for token in tokens:
        secrets.add(token)

    assert secrets.redact(tokens[0]) == tokens[0]  # the oldest, long expired
    assert secrets.redact(" ".join(tokens[1:])) == " ".join(["***"] * REMEMBERED_TOKENS)
