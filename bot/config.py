"""Settings: read once from the environment or `.env`, validated before anything starts."""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PRODUCTION_LATCOM_URL = "https://latcom-fix-production.up.railway.app/api/distributor"
SANDBOX_CUSTOMER_ID = "sandbox"
SANDBOX_SECRET_KEY = "sandbox-secret-key"  # noqa: S105 - the embedded sandbox's own, public

Mode = Literal["live", "sandbox"]


class Settings(BaseSettings):
    """Every setting the bot reads; `.env.example` documents each one."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    latcom_mode: Mode | None = None
    latcom_api_base_url: str = PRODUCTION_LATCOM_URL
    latcom_customer_id: str | None = None
    latcom_secret_key: SecretStr | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    reseller_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_path: Path = Path("data/topup.sqlite3")
    timezone: str = "America/Mexico_City"
    purchase_timeout_seconds: float = Field(default=45.0, gt=0, le=600)
    # Above the purchase timeout, so a purchase in flight at SIGTERM ends before the exit.
    shutdown_grace_seconds: float = Field(default=60.0, ge=0, le=3600)
    log_level: str = "INFO"
    log_format: Literal["text", "json"] = "text"
    # Daily copies of the database (bot/ops/backups.py): none while BACKUP_DIR is unset.
    backup_dir: Path | None = None
    backup_keep: int = Field(default=7, ge=1, le=1000)
    backup_at: time = time(3, 30)
    # Each day at this time (TIMEZONE) admins get the day's /reporte and resellers who
    # asked (/resumen) their /corte; unset or empty: none.
    daily_summary_at: time | None = None
    # GET /healthz (bot/ops/health.py): off while HEALTH_PORT is unset.
    health_port: int | None = Field(default=None, ge=1, le=65535)
    health_host: str = "127.0.0.1"
    health_max_poll_age_seconds: float = Field(default=90.0, gt=0, le=3600)
    # Admins alerted once when the provider's balance falls below this (its currency);
    # off while unset. Read from each approved purchase and every few minutes.
    low_balance_alert: Decimal | None = Field(default=None, ge=0, allow_inf_nan=False)
    balance_check_minutes: float = Field(default=15.0, gt=0, le=24 * 60)
    # Admins alerted once, as a likely outage, after this many unknown outcomes in a row.
    outage_alert_after: int = Field(default=5, ge=1, le=1000)

    @field_validator("admin_ids", "reseller_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            for part in parts:
                if not part.lstrip("-").isdigit():
                    raise ValueError(f"{part!r} is not a Telegram user id (digits only)")
            return frozenset(int(part) for part in parts)
        return value

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}, e.g. America/Mexico_City") from exc
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("use one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("log_format", mode="before")
    @classmethod
    def _known_format(cls, value: object) -> object:
        if isinstance(value, str) and value.lower() in {"text", "json"}:
            return value.lower()
        if isinstance(value, str):
            raise ValueError(f"{value!r} is not a log format: use text or json")
        return value

    @field_validator("latcom_api_base_url", "telegram_api_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/") if value.endswith("/api/distributor/") else value

    @field_validator("latcom_mode", mode="before")
    @classmethod
    def _known_mode(cls, value: object) -> object:
        if isinstance(value, str):
            if value.strip().lower() not in {"live", "sandbox"}:
                raise ValueError("use live or sandbox")
            return value.strip().lower()
        return value

    @property
    def has_credentials(self) -> bool:
        return self.latcom_customer_id is not None and self.latcom_secret_key is not None

    @property
    def mode(self) -> Mode:
        """`LATCOM_MODE`, or what the credentials imply when it is unset."""
        if self.latcom_mode is not None:
            return self.latcom_mode
        return "live" if self.has_credentials else "sandbox"

    @property
    def mode_is_explicit(self) -> bool:
        """Set, or implied by credentials: never the sandbox chosen by their absence."""
        return self.latcom_mode is not None or self.has_credentials

    @property
    def uses_sandbox(self) -> bool:
        """Purchases go to the embedded sandbox and move no real money."""
        return self.mode == "sandbox"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def latcom_credentials(self) -> tuple[str, SecretStr]:
        if self.uses_sandbox:
            return SANDBOX_CUSTOMER_ID, SecretStr(SANDBOX_SECRET_KEY)
        if self.latcom_customer_id is None or self.latcom_secret_key is None:
            raise ConfigError("set both LATCOM_CUSTOMER_ID and LATCOM_SECRET_KEY, or neither")
        return self.latcom_customer_id, self.latcom_secret_key


class ConfigError(Exception):
    """A setting is missing or malformed; the message names the variable."""


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning pydantic's report into one line per bad variable."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for error in exc.errors():
            name = str(error["loc"][0]).upper() if error["loc"] else "settings"
            lines.append(f"{name}: {error['msg']}")
        raise ConfigError("; ".join(lines)) from None
    if settings.latcom_mode == "live" and not settings.has_credentials:
        missing = [
            name
            for name, value in (
                ("LATCOM_CUSTOMER_ID", settings.latcom_customer_id),
                ("LATCOM_SECRET_KEY", settings.latcom_secret_key),
            )
            if value is None
        ]
        raise ConfigError(
            f"LATCOM_MODE=live needs the provider's credentials: set {' and '.join(missing)} "
            "(or LATCOM_MODE=sandbox to sell nothing real)"
        )
    if (settings.latcom_customer_id is None) != (settings.latcom_secret_key is None):
        raise ConfigError("set both LATCOM_CUSTOMER_ID and LATCOM_SECRET_KEY, or neither")
    return settings


SANDBOX_BY_ABSENCE = (
    "No provider credentials and LATCOM_MODE is not set: a bot on Telegram will not sell "
    "from the sandbox by default. Set LATCOM_MODE=sandbox to try it with fake top-ups, or "
    "LATCOM_CUSTOMER_ID and LATCOM_SECRET_KEY to sell for real."
)
