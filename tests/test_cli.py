"""`python -m bot` as a person starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(
    args: list[str], cwd: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LATCOM_"))}
    clean["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env={**clean, **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_token_says_what_to_set(tmp_path: Path) -> None:
    result = _run([], tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "TELEGRAM_BOT_TOKEN" in lines[0]
    assert "make console" in lines[0]


def test_malformed_setting_names_the_variable(tmp_path: Path) -> None:
    result = _run([], tmp_path, ADMIN_IDS="12,abc")
    assert result.returncode == 2
    assert "ADMIN_IDS" in result.stderr


def test_console_runs_a_top_up_on_embedded_defaults(tmp_path: Path) -> None:
    script = "/recarga\n55 3768 6660\n3\n1\n"
    result = _run(["console"], tmp_path, stdin=script)
    assert result.returncode == 0, result.stderr
    assert "Recarga exitosa" in result.stdout
    assert "Paquete $50" in result.stdout
    assert (tmp_path / "data" / "topup.sqlite3").exists()
