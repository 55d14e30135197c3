"""Runs `python -m <module>` as a person starts it: a clean environment, this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_module(
    module: str, args: list[str], cwd: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """No TELEGRAM_* or LATCOM_* variable of this machine leaks in; `env` adds to it."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LATCOM_"))}
    clean["PYTHONPATH"] = str(REPO)
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env={**clean, **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
