"""How long this machine's disk takes to sync a small write, sampled while the bots run.

Every money write of the bot (a purchase reserved before it is sent, its outcome) waits
for such a sync, and the echo bot never does: on a disk whose syncs now and then take
tens or hundreds of milliseconds, those stalls are the tail of the ✅ step.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from types import TracebackType

PROBE_BYTES = 4096
PROBE_EVERY_SECONDS = 0.25


class SyncProbe:
    """A thread writing 4 KiB to a file in `directory` and syncing it (fdatasync), four
    times a second, from entering the block to leaving it."""

    def __init__(self, directory: Path, every: float = PROBE_EVERY_SECONDS) -> None:
        self._path = directory / "sync-probe"
        self._every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.seconds: list[float] = []

    def __enter__(self) -> SyncProbe:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sync-probe", daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        descriptor = os.open(self._path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            block = b"\0" * PROBE_BYTES
            os.write(descriptor, block)
            os.fsync(descriptor)  # the file exists on disk: later syncs are of data only
            while not self._stop.wait(self._every):
                os.pwrite(descriptor, block, 0)
                started = time.perf_counter()
                os.fdatasync(descriptor)
                self.seconds.append(time.perf_counter() - started)
        finally:
            os.close(descriptor)
            self._path.unlink(missing_ok=True)
