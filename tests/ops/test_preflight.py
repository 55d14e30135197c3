"""`python -m bot check` as an operator runs it before going live: a real process against
the Bot API stand-in and the sandbox provider over HTTP. Nothing is bought."""

from __future__ import annotations

import re
import signal
from pathlib import Path

from bot.config import SANDBOX_SECRET_KEY
from tests.ops.upstreams import ADMIN, Upstreams

Rows = dict[str, tuple[str, str]]


async def check(ups: Upstreams, tmp_path: Path, **extra: object) -> tuple[int, Rows, str]:
    """Run the preflight; its exit status, its table's rows by check, all it printed."""
    log = tmp_path / "check.log"
    log.unlink(missing_ok=True)
    as_unprivileged = bool(extra.pop("as_unprivileged", False))
    env = {name: str(value) for name, value in extra.items()}
    process = await ups.spawn(log, "bot", "check", as_unprivileged=as_unprivileged, **env)
    status = await process.wait()
    output = log.read_text()
    rows: Rows = {}
    for line in output.splitlines():
        cells = re.split(r" {2,}", line.strip(), maxsplit=2)
        if len(cells) == 3 and cells[1] in ("ok", "FAIL"):
            rows[cells[0]] = (cells[1], cells[2])
    return status, rows, output


def failed(rows: Rows) -> dict[str, str]:
    return {name: detail for name, (result, detail) in rows.items() if result == "FAIL"}


async def test_a_ready_configuration_passes_every_check(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    upstreams.telegram.send_text(ADMIN, "/start")
    status, rows, output = await check(upstreams, tmp_path)
    assert status == 0, output
    assert failed(rows) == {}
    assert set(rows) == {
        "settings",
        "mode",
        "telegram getMe",
        "no webhook",
        "admins",
        f"admin {ADMIN} reachable",
        "provider",
        "database",
    }
    assert rows["mode"][1] == "live (implied by the credentials)"
    assert rows["provider"][1].startswith("logged in; balance ")
    assert "no bot running on it" in rows["database"][1]
    assert SANDBOX_SECRET_KEY not in output
    assert upstreams.standin.token.partition(":")[2] not in output
    assert upstreams.sandbox.received == []  # no purchase


async def test_it_checks_the_database_beside_a_running_bot(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    upstreams.telegram.send_text(ADMIN, "/start")
    bot = await upstreams.start_bot(tmp_path / "bot.log")
    try:
        status, rows, output = await check(upstreams, tmp_path)
    finally:
        bot.send_signal(signal.SIGTERM)
        await bot.wait()
    assert status == 0, output
    assert f"in use by process {bot.pid} on " in rows["database"][1]
    assert bot.returncode == 0


async def test_no_admin_fails(upstreams: Upstreams, tmp_path: Path) -> None:
    status, rows, _ = await check(upstreams, tmp_path, ADMIN_IDS="")
    assert status == 1
    assert failed(rows) == {"admins": "ADMIN_IDS is empty: nobody would hear of a pending sale"}


async def test_an_admin_who_never_started_the_bot_fails(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    status, rows, _ = await check(upstreams, tmp_path)
    assert status == 1
    [(name, detail)] = failed(rows).items()
    assert name == f"admin {ADMIN} reachable"
    assert "must open @recargas_sandbox_bot and send /start" in detail


async def test_a_webhook_set_fails(upstreams: Upstreams, tmp_path: Path) -> None:
    upstreams.telegram.send_text(ADMIN, "/start")
    upstreams.telegram.webhook_url = "https://example.com/hook"
    status, rows, _ = await check(upstreams, tmp_path)
    assert status == 1
    [(name, detail)] = failed(rows).items()
    assert name == "no webhook"
    assert "https://example.com/hook" in detail and "deleteWebhook" in detail


async def test_bad_provider_credentials_fail(upstreams: Upstreams, tmp_path: Path) -> None:
    upstreams.telegram.send_text(ADMIN, "/start")
    wrong = "not-the-sandbox-secret-key"
    status, rows, output = await check(upstreams, tmp_path, LATCOM_SECRET_KEY=wrong)
    assert status == 1
    [(name, detail)] = failed(rows).items()
    assert name == "provider"
    assert detail.startswith("login or balance failed")
    assert wrong not in output


async def test_an_unwritable_database_folder_fails(upstreams: Upstreams, tmp_path: Path) -> None:
    upstreams.telegram.send_text(ADMIN, "/start")
    folder = tmp_path / "volume"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        status, rows, _ = await check(
            upstreams,
            tmp_path,
            DATABASE_PATH=folder / "topup.sqlite3",
            as_unprivileged=True,
        )
    finally:
        folder.chmod(0o755)
    assert status == 1
    [(name, detail)] = failed(rows).items()
    assert name == "database"
    assert "is not writable" in detail
    assert list(folder.iterdir()) == []


async def test_a_malformed_setting_fails_first(upstreams: Upstreams, tmp_path: Path) -> None:
    status, rows, _ = await check(upstreams, tmp_path, SHUTDOWN_GRACE_SECONDS="soon")
    assert status == 1
    assert list(failed(rows)) == ["settings"]
    assert "SHUTDOWN_GRACE_SECONDS" in rows["settings"][1]
