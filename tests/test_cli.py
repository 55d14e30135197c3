"""`python -m bot` as a person starts it, and what it loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.commands import REPO, run_module


def test_without_token_says_what_to_set(tmp_path: Path) -> None:
    result = run_module("bot", [], tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "TELEGRAM_BOT_TOKEN" in lines[0]
    assert "make console" in lines[0]


def test_malformed_setting_names_the_variable(tmp_path: Path) -> None:
    result = run_module("bot", [], tmp_path, ADMIN_IDS="12,abc")
    assert result.returncode == 2
    assert "ADMIN_IDS" in result.stderr


def test_help_points_to_the_development_tools(tmp_path: Path) -> None:
    result = run_module("bot", ["--help"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "python -m devtools console" in result.stdout


def test_the_console_is_no_longer_a_command_of_the_product(tmp_path: Path) -> None:
    result = run_module("bot", ["console"], tmp_path)
    assert result.returncode == 2
    assert "invalid choice: 'console'" in result.stderr


def test_what_production_runs_loads_no_development_tool() -> None:
    """`python -m bot` imports bot.__main__, then bot.runner and with it bot.app (and the
    handlers and storage behind it): none of them may pull in `devtools`."""
    check = (
        "import sys, bot.__main__, bot.runner, bot.app\n"
        "loaded = [m for m in sys.modules if m == 'devtools' or m.startswith('devtools.')]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", check],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
