"""`python -m devtools console` and `python -m devtools sandbox` as a person starts them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from tests.commands import REPO, run_module


def test_console_runs_a_top_up_on_embedded_defaults(tmp_path: Path) -> None:
    script = "/recarga\n55 3768 6660\n3\n1\n"
    result = run_module("devtools", ["console"], tmp_path, stdin=script)
    assert result.returncode == 0, result.stderr
    assert "Recarga exitosa" in result.stdout
    assert "Paquete $50" in result.stdout
    assert (tmp_path / "data" / "console.sqlite3").exists()
    assert not (tmp_path / "data" / "topup.sqlite3").exists()  # production's default file


def test_a_second_console_session_hears_every_word_and_keeps_the_first_ones(
    tmp_path: Path,
) -> None:
    """The data folder outlives a session, as Telegram's chat does: the next session's
    first messages are new updates (not replays of the last session's), and its
    messages never take the place of the last session's."""
    first = run_module("devtools", ["console"], tmp_path, stdin="/recarga\n55 3768 6660\n3\n1\n")
    assert first.returncode == 0, first.stderr
    assert "Recarga exitosa" in first.stdout

    second = run_module("devtools", ["console"], tmp_path, stdin="/recarga\n55 1234 9951\n3\n1\n")
    assert second.returncode == 0, second.stderr
    assert "Escribe el número a recargar" in second.stdout  # /recarga was heard
    assert "se quedó sin saldo" in second.stdout  # 9951: declined, code 51


def test_a_malformed_setting_stops_the_console_naming_the_variable(tmp_path: Path) -> None:
    result = run_module("devtools", ["console"], tmp_path, ADMIN_IDS="12,abc")
    assert result.returncode == 2
    assert result.stderr.startswith("Configuration error:")
    assert "ADMIN_IDS" in result.stderr


def test_the_sandbox_command_serves_the_sandbox_until_ctrl_c(tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen(
        [sys.executable, "-m", "devtools", "sandbox", "--port", "0"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            announced = process.stdout.readline()
            base_url = announced.split(" at ", 1)[1].split(" ", 1)[0]
            credentials = {"customer_id": SANDBOX_CUSTOMER_ID, "secret_key": SANDBOX_SECRET_KEY}
            login = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 just announced
                f"{base_url}/login",
                data=json.dumps(credentials).encode(),
                headers={"Content-Type": "application/json"},
            )
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            with opener.open(login, timeout=10) as response:
                answer = json.loads(response.read())
        finally:
            process.send_signal(signal.SIGINT)  # Ctrl-C
        assert process.wait(timeout=10) == 0
    assert base_url.startswith("http://127.0.0.1:")
    assert base_url.endswith("/api/distributor")
    assert answer["success"] is True


def test_files_the_bot_sends_are_saved_beside_the_consoles_database(tmp_path: Path) -> None:
    script = "/recarga\n55 3768 6660\n3\n1\n/exportar\n/grafica\n"
    result = run_module("devtools", ["console"], tmp_path, stdin=script)
    assert result.returncode == 0, result.stderr
    assert "Recarga exitosa" in result.stdout
    folder = tmp_path / "data" / "archivos"
    sales = next(folder.glob("ventas_*.csv"))
    assert f"[📄 {sales.name}]" in result.stdout
    assert "todos los vendedores: 1 fila\n" in result.stdout  # one row, said as one
    assert sales.read_bytes().startswith("\ufeff".encode())  # the BOM Excel reads
    assert "5537686660" in sales.read_text(encoding="utf-8-sig")
    chart = next(folder.glob("foto_*.png"))
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert f"(guardado en {Path('data') / 'archivos' / chart.name})" in result.stdout
