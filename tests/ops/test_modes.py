"""Modes are explicit: LATCOM_MODE, or what the credentials imply; the console tries the
bot on the sandbox and a file of its own whatever `.env` holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY, load_settings
from tests.commands import run_module

CREDENTIALS = {"latcom_customer_id": "acme", "latcom_secret_key": "sk_live_0123456789"}


@pytest.fixture(autouse=True)
def _no_env_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("LATCOM_MODE", "LATCOM_CUSTOMER_ID", "LATCOM_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)


def test_credentials_imply_live_and_their_absence_is_no_choice() -> None:
    live = load_settings(**CREDENTIALS)
    assert live.mode == "live" and live.mode_is_explicit and not live.uses_sandbox
    unset = load_settings()
    assert unset.uses_sandbox and not unset.mode_is_explicit


def test_sandbox_mode_never_uses_the_credentials_it_is_given() -> None:
    settings = load_settings(latcom_mode="sandbox", **CREDENTIALS)
    assert settings.uses_sandbox and settings.mode_is_explicit
    customer, secret = settings.latcom_credentials()
    assert (customer, secret.get_secret_value()) == (SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY)


PRODUCTION_ENV = (
    "LATCOM_CUSTOMER_ID=acme-distribuidor\n"
    "LATCOM_SECRET_KEY=sk_live_9f8e7d6c5b4a3210fedcba\n"
    # A provider that cannot be reached: a console that used it would fail the top-up.
    "LATCOM_API_BASE_URL=http://127.0.0.1:9/api/distributor\n"
    "DATABASE_PATH=prod/topup.sqlite3\n"
)


def test_the_console_ignores_production_credentials_and_database(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(PRODUCTION_ENV)
    (tmp_path / "prod").mkdir()
    result = run_module("devtools", ["console"], tmp_path, stdin="/recarga\n55 3768 6660\n3\n1\n")
    assert result.returncode == 0, result.stderr
    assert "proveedor: sandbox integrado" in result.stdout
    assert "Recarga exitosa" in result.stdout
    assert list((tmp_path / "prod").iterdir()) == []
    assert (tmp_path / "data" / "console.sqlite3").exists()


def test_the_console_uses_another_database_only_when_told(tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere.sqlite3"
    result = run_module(
        "devtools", ["console", "--database", str(chosen)], tmp_path, stdin="/recarga\n"
    )
    assert result.returncode == 0, result.stderr
    assert chosen.exists()
    assert not (tmp_path / "data").exists()


def test_the_console_goes_live_only_when_told_and_with_credentials(tmp_path: Path) -> None:
    result = run_module("devtools", ["console", "--live"], tmp_path)
    assert result.returncode == 2
    assert "--live needs LATCOM_CUSTOMER_ID and LATCOM_SECRET_KEY" in result.stderr
