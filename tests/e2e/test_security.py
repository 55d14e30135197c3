"""Security of the money path: strangers reach no purchase code, and no secret leaks into
logs, messages or exceptions, even with DEBUG logging on."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bot.config import Settings
from bot.domain.drafts import Step
from bot.latcom.client import LatcomClient
from bot.latcom.errors import LatcomError
from bot.latcom.sandbox_wire import SandboxReply
from bot.latcom.transport import SandboxTransport
from tests.harness import (
    ADMIN,
    BOT_TOKEN,
    CUSTOMER_ID,
    RESELLER,
    SECRET_KEY,
    STRANGER,
    Harness,
    TokenRecordingSandbox,
    make_sandbox,
    production_logs,
    secret_settings,
    text_of,
)

# What a stranger can send: every command, the typed steps, every kind of button.
STRANGER_TEXTS = (
    "/recarga", "/topup", "/cancelar", "/cancel", "/saldo", "/balance", "/pendientes",
    "/pending", "/omitir", "/skip", "55 3768 6660", "100",
)  # fmt: skip
FORGED = (
    "c:{d}:{v}", "r:{d}:{v}", "x:{d}:{v}", "e:{d}:{v}", "p:{d}:{v}:0", "a:{d}:{v}:100",
    "s:a:1", "s:f:1", "s:F:1", "s:n:0", "zz",
)  # fmt: skip


class Spy:
    """Stands in for one service and notes every attribute anyone reaches for."""

    def __init__(self, name: str, target: object, reached: list[str]) -> None:
        self._name, self._target, self._reached = name, target, reached

    def __getattr__(self, attribute: str) -> Any:
        self._reached.append(f"{self._name}.{attribute}")
        return getattr(self._target, attribute)


async def test_strangers_reach_no_purchase_code(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None
    reached: list[str] = []
    for name in ("topup", "purchases", "outcomes", "settlement", "account"):
        monkeypatch.setattr(bot.services, name, Spy(name, getattr(bot.services, name), reached))

    for text in STRANGER_TEXTS:
        await bot.say(STRANGER, text)
    refusal = bot.last(STRANGER)
    for data in FORGED:
        await bot.press_raw(STRANGER, refusal.message_id, data.format(d=draft.id, v=draft.version))

    assert reached == []
    assert bot.sandbox.received == [] and bot.sandbox.logins == 0
    assert len(bot.answers(STRANGER)) == len(FORGED)
    assert all("No tienes acceso" in answer for answer in bot.answers(STRANGER))
    # The reseller's draft is untouched and still theirs to confirm.
    monkeypatch.undo()
    assert await bot.services.topup.current(RESELLER) == draft
    await bot.tap(RESELLER, "✅", summary.message_id)
    assert len(bot.sandbox.charges) == 1


class Captured(logging.Handler):
    """Every record in full (traceback included) before any redaction, and its exception."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []
        self.exceptions: list[BaseException] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        if record.exc_info and record.exc_info[1] is not None:
            self.exceptions.append(record.exc_info[1])


@pytest.fixture
def debug_logs(tmp_path: Path) -> Iterator[tuple[Settings, io.StringIO, Captured]]:
    """Logging as production sets it up (DEBUG, with secrets), written to a buffer."""
    settings = secret_settings(tmp_path)
    with production_logs(settings) as written:
        captured = Captured()
        logging.getLogger().addHandler(captured)
        yield settings, written, captured


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [current.__cause__, current.__context__]


async def test_no_secret_in_logs_messages_or_exceptions(
    debug_logs: tuple[Settings, io.StringIO, Captured],
) -> None:
    settings, written, captured = debug_logs
    assert not settings.uses_sandbox
    sandbox = TokenRecordingSandbox(
        customer_id=CUSTOMER_ID, secret_key=SECRET_KEY, slow_seconds=0.1, hang_seconds=3.0
    )
    bot = Harness(settings, sandbox=sandbox)
    await bot.start()
    try:
        await bot.say(ADMIN, "/start")
        for phone in ("55 3768 6660", "55 1234 9951", "55 1234 9996", "55 1234 9975"):
            await bot.buy(RESELLER, phone=phone)  # approved, declined, pending, 401
            bot.pace.step(5)
        await bot.say(ADMIN, "/saldo")
        await bot.say(ADMIN, "/pendientes")
    finally:
        await bot.stop()

    raised: list[BaseException] = list(captured.exceptions)
    refused = LatcomClient(
        "http://sandbox.invalid/api/distributor",
        CUSTOMER_ID,
        SecretStr("not-" + SECRET_KEY),
        transport=SandboxTransport(make_sandbox(customer_id=CUSTOMER_ID, secret_key=SECRET_KEY)),
    )
    with pytest.raises(LatcomError) as refusal:
        await refused.get_balance()
    await refused.aclose()
    raised.append(refusal.value)

    assert sandbox.logins == 2 and len(sandbox.issued) == 4  # the 9975 purchase logged in again
    assert len(sandbox.charges) == 3
    secrets = [BOT_TOKEN, BOT_TOKEN.split(":")[1], SECRET_KEY, *sandbox.issued]
    places = {
        "log": written.getvalue(),
        "log before redaction": "\n".join(captured.lines),
        "Bot API calls": json.dumps(bot.telegram.calls, ensure_ascii=False, default=str),
        "chats": "\n".join(
            message.text or ""
            for user in (ADMIN, RESELLER)
            for message in bot.telegram.messages(user)
        ),
        "exceptions": "\n".join(f"{e!s} {e!r}" for exc in raised for e in _chain(exc)),
        "objects": f"{settings!r} {bot.sandbox!r}",
    }  # fmt: skip
    # What was searched holds the whole story: DEBUG lines, and every outcome shown.
    assert "DEBUG telegram.ext.ExtBot" in places["log"]
    for shown in ("Recarga exitosa", "Recarga rechazada", "Pendiente de verificación"):
        assert shown in places["chats"]
    for where, text in places.items():
        for secret in secrets:
            assert secret not in text, f"a secret ({secret[:4]}…) is in the {where}"


class QuotingSandbox(TokenRecordingSandbox):
    """A provider that quotes our credentials back in its error texts, as a careless one
    does ("invalid secret_key …"), plus a token-shaped string nobody ever told us about."""

    UNTOLD_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY21lIn0.c2lnbmF0dXJlLXZhbHVl"

    async def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> SandboxReply | None:
        phone = str((json.loads(body or b"{}") or {}).get("phone_number", ""))
        if target.endswith("/product_purchase") and phone[-4:] in ("8400", "8503"):
            token = headers.get("authorization", "")
            said = (
                f"Solicitud inválida: secret_key={SECRET_KEY} Authorization: {token} "
                f"id_token {self.UNTOLD_JWT} " + "x" * 5000
            )
            status = 400 if phone.endswith("8400") else 503
            answer = {"success": False, "error": said, "echo": {"secret_key": SECRET_KEY}}
            return SandboxReply(status, json.dumps(answer).encode())
        return await super().handle(method, target, headers, body)


async def test_provider_text_quoting_secrets_is_redacted_before_it_is_kept_or_shown(
    tmp_path: Path,
) -> None:
    settings = secret_settings(tmp_path)
    sandbox = QuotingSandbox(customer_id=CUSTOMER_ID, secret_key=SECRET_KEY)
    bot = Harness(settings, sandbox=sandbox)
    await bot.start()
    try:
        await bot.say(ADMIN, "/start")
        declined = await bot.buy(RESELLER, phone="55 1234 8400")
        bot.pace.step(5)
        await bot.buy(RESELLER, phone="55 1234 8503")
        bot.pace.step(5)
        await bot.say(ADMIN, "/pendientes")
        async with bot.database.reading() as conn:
            cursor = await conn.execute(
                "SELECT response_message, raw_response, pending_reason FROM purchases"
            )
            stored = json.dumps([tuple(row) for row in await cursor.fetchall()])
    finally:
        await bot.stop()

    secrets = [SECRET_KEY, *sandbox.issued, QuotingSandbox.UNTOLD_JWT]
    chats = "\n".join(
        message.text or "" for user in (ADMIN, RESELLER) for message in bot.telegram.messages(user)
    )
    assert "Recarga rechazada" in chats and "Pendiente de verificación" in chats
    for where, text in {"chats": chats, "database": stored}.items():
        for secret in secrets:
            assert secret not in text, f"a secret ({secret[:4]}…) is in the {where}"
    assert "***" in stored  # kept for the admins, redacted
    # The reseller reads the standard explanation, not the provider's words.
    assert "Solicitud inválida" not in text_of(declined)
    assert "El proveedor rechazó la operación (HTTP 400)." in text_of(declined)
    # The admins' pending list quotes the provider, redacted and within bounds.
    pending = bot.last_text(ADMIN)
    assert "Solicitud inválida" in pending and "***" in pending
    assert all(len(m.text or "") <= 4096 for m in bot.telegram.messages(ADMIN))
