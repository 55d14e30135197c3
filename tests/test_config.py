"""Settings: defaults, parsing, and errors that name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import PRODUCTION_LATCOM_URL, ConfigError, load_settings

ALL = [
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "LATCOM_API_BASE_URL",
    "LATCOM_CUSTOMER_ID",
    "LATCOM_SECRET_KEY",
    "ADMIN_IDS",
    "RESELLER_IDS",
    "DATABASE_PATH",
    "TIMEZONE",
    "PURCHASE_TIMEOUT_SECONDS",
    "LOG_LEVEL",
]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ALL:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults_use_the_sandbox() -> None:
    settings = load_settings()
    assert settings.uses_sandbox
    assert settings.latcom_api_base_url == PRODUCTION_LATCOM_URL
    assert settings.telegram_api_base_url == "https://api.telegram.org/bot"
    assert settings.database_path == Path("data/topup.sqlite3")
    assert settings.timezone == "America/Mexico_City"
    assert settings.purchase_timeout_seconds == 45
    assert settings.log_level == "INFO"
    assert settings.admin_ids == frozenset() and settings.telegram_bot_token is None


def test_env_file_and_id_lists(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "ADMIN_IDS=1, 2\nRESELLER_IDS=3\nLATCOM_CUSTOMER_ID=\nTELEGRAM_BOT_TOKEN=\n"
        "LOG_LEVEL=debug\n"
    )
    settings = load_settings()
    assert settings.admin_ids == frozenset({1, 2})
    assert settings.reseller_ids == frozenset({3})
    assert settings.uses_sandbox and settings.telegram_bot_token is None
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ADMIN_IDS", "12,abc"),
        ("RESELLER_IDS", "1;2"),
        ("PURCHASE_TIMEOUT_SECONDS", "soon"),
        ("PURCHASE_TIMEOUT_SECONDS", "-1"),
        ("TIMEZONE", "Mars/Olympus"),
        ("LOG_LEVEL", "LOUD"),
        ("LATCOM_API_BASE_URL", "ftp://x"),
    ],
)
def test_malformed_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        load_settings()


def test_secret_is_never_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LATCOM_CUSTOMER_ID", "acme")
    monkeypatch.setenv("LATCOM_SECRET_KEY", "s3cr3t-value-123")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:very-secret-token")
    settings = load_settings()
    assert not settings.uses_sandbox
    shown = repr(settings) + str(settings) + str(settings.model_dump())
    assert "s3cr3t-value-123" not in shown
    assert "very-secret-token" not in shown


def test_half_the_credentials_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LATCOM_CUSTOMER_ID", "acme")
    with pytest.raises(ConfigError, match="LATCOM_SECRET_KEY"):
        load_settings()
