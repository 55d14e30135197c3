"""DAILY_SUMMARY_AT: an hour in TIMEZONE, empty for none, anything else named."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings


@pytest.fixture(autouse=True)
def _no_stray_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DAILY_SUMMARY_AT", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


@pytest.mark.parametrize(("typed", "read"), [("21:00", time(21, 0)), ("07:30", time(7, 30))])
def test_an_hour(monkeypatch: pytest.MonkeyPatch, typed: str, read: time) -> None:
    monkeypatch.setenv("DAILY_SUMMARY_AT", typed)
    assert load_settings().daily_summary_at == read


def test_unset_or_empty_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().daily_summary_at is None
    monkeypatch.setenv("DAILY_SUMMARY_AT", "")
    assert load_settings().daily_summary_at is None


@pytest.mark.parametrize("typed", ["25:00", "nueve", "21h"])
def test_not_an_hour_names_the_variable(monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    monkeypatch.setenv("DAILY_SUMMARY_AT", typed)
    with pytest.raises(ConfigError, match="DAILY_SUMMARY_AT"):
        load_settings()
