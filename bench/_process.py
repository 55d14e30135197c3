"""A bot in its own process for the benchmark: started once it polls, stopped with SIGTERM."""

from __future__ import annotations

import asyncio
import json
import signal
import sys

from bench._upstreams import Upstreams


class BotProcess:
    """A bot in its own process, started once it polls, stopped with SIGTERM."""

    def __init__(self, upstreams: Upstreams, module: str, env: dict[str, str]) -> None:
        self._upstreams, self._module, self._env = upstreams, module, env
        self._process: asyncio.subprocess.Process | None = None
        self.log = upstreams.workdir / f"{module.rsplit('.', 1)[-1]}.log"

    async def start(self, *args: str) -> None:
        polls = self._upstreams.polls()
        with self.log.open("ab") as sink:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                self._module,
                *args,
                cwd=self._upstreams.workdir,
                env=self._env,
                stdout=asyncio.subprocess.PIPE,
                stderr=sink,
            )
        async with asyncio.timeout(60):
            while self._upstreams.polls() == polls:
                if self._process.returncode is not None:
                    raise RuntimeError(f"{self._module} exited; see {self.log}")
                await asyncio.sleep(0.05)

    @property
    def pid(self) -> int:
        """The bot process's id, to read its memory from /proc."""
        if self._process is None:
            raise RuntimeError("start() first")
        return self._process.pid

    def kill(self) -> None:
        """The last resort when the benchmark itself failed: never leave it running."""
        if self._process is not None and self._process.returncode is None:
            self._process.kill()

    async def stop(self) -> int:
        """Stop it as a platform would (SIGTERM); returns its peak memory in KiB."""
        if self._process is None or self._process.stdout is None:
            raise RuntimeError("start() first")
        self._process.send_signal(signal.SIGTERM)
        output = await asyncio.wait_for(self._process.stdout.read(), 60)
        await asyncio.wait_for(self._process.wait(), 60)
        lines = [line for line in output.decode().splitlines() if line.startswith("{")]
        if self._process.returncode != 0 or not lines:
            raise RuntimeError(f"{self._module} did not stop cleanly; see {self.log}")
        peak: int = json.loads(lines[-1])["max_rss_kib"]
        return peak
