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


def test_a_second_console_session_hears_every_word_and_keeps_the_first_ones(
    tmp_path: Path,
) -> None:
    """The data folder outlives a session, as Telegram's chat does: the next session's
    first messages are new updates (not replays of the last session's), and its
    messages never take the place of the last session's."""
    first = _run(["console"], tmp_path, stdin="/recarga\n55 3768 6660\n3\n1\n")
    assert first.returncode == 0, first.stderr
    assert "Recarga exitosa" in first.stdout

    second = _run(["console"], tmp_path, stdin="/recarga\n55 1234 9951\n3\n1\n")
    assert second.returncode == 0, second.stderr
    assert "Escribe el número a recargar" in second.stdout  # /recarga was heard
    assert "La cuenta no tiene saldo suficiente." in second.stdout  # 9951: declined, code 51
