"""Runs `python -m <module>` as a person starts it: a clean environment, this checkout."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


# Root reads and writes whatever the mode bits say: a test of an unreadable or read-only
# file runs its process without the two capabilities that let root do so.
_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 24, 1, 2


def _drop_file_capabilities() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def unprivileged() -> Callable[[], None] | None:
    """The `preexec_fn` under which file permissions apply to the child process."""
    return _drop_file_capabilities if os.geteuid() == 0 else None


def run_module(
    module: str,
    args: list[str],
    cwd: Path,
    stdin: str = "",
    *,
    as_unprivileged: bool = False,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """No TELEGRAM_* or LATCOM_* variable of this machine leaks in; `env` adds to it."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "LATCOM_"))}
    clean["PYTHONPATH"] = str(REPO)
    clean["PYTHONDONTWRITEBYTECODE"] = "1"
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env={**clean, **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=unprivileged() if as_unprivileged else None,
    )
