"""The daily copy: scheduled at BACKUP_AT in TIMEZONE when BACKUP_DIR is set, keeping the
newest BACKUP_KEEP copies; a copy that fails is logged and the bot goes on."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import time
from pathlib import Path

import pytest

from bot.ops.backups import DAILY_JOB
from tests.harness import RESELLER, Harness, make_settings


async def started(tmp_path: Path, **settings: object) -> Harness:
    harness = Harness(make_settings(tmp_path, **settings))
    await harness.start()
    return harness


async def test_the_daily_copy_keeps_the_newest_and_only_its_own_files(tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    older = [folder / f"topup-2026010{day}T033000Z.sqlite3" for day in (1, 2, 3)]
    for path in older:
        path.write_bytes(b"an older copy")
    (folder / "notes.txt").write_text("the operator's own file")
    bot = await started(tmp_path, backup_dir=folder, backup_keep=2, backup_at=time(4, 15))
    try:
        await bot.buy(RESELLER)
        assert bot.application is not None and bot.application.job_queue is not None
        [job] = bot.application.job_queue.get_jobs_by_name(DAILY_JOB)
        assert job.next_t is not None
        local = job.next_t.astimezone(bot.settings.zone)
        assert (local.hour, local.minute) == (4, 15)

        await job.run(bot.application)
    finally:
        await bot.stop()

    kept = sorted(p.name for p in folder.iterdir())
    [new] = [name for name in kept if name not in {p.name for p in older} | {"notes.txt"}]
    assert kept == sorted([older[-1].name, new, "notes.txt"])
    with closing(sqlite3.connect(folder / new)) as conn:
        assert [row[0] for row in conn.execute("SELECT status FROM purchases")] == ["approved"]


async def test_no_daily_copy_without_backup_dir(tmp_path: Path) -> None:
    bot = await started(tmp_path)
    try:
        assert bot.application is not None and bot.application.job_queue is not None
        assert bot.application.job_queue.get_jobs_by_name(DAILY_JOB) == ()
    finally:
        await bot.stop()


async def test_a_failed_daily_copy_is_logged_and_the_bot_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_folder = tmp_path / "copies"
    not_a_folder.write_text("a file where the folder should be")
    bot = await started(tmp_path, backup_dir=not_a_folder)
    try:
        assert bot.application is not None and bot.application.job_queue is not None
        [job] = bot.application.job_queue.get_jobs_by_name(DAILY_JOB)
        with caplog.at_level(logging.ERROR):
            await job.run(bot.application)
        receipt = await bot.buy(RESELLER)
    finally:
        await bot.stop()
    assert any(
        r.getMessage().startswith("The daily backup failed: cannot make the folder")
        for r in caplog.records
    )
    assert (receipt.text or "").startswith("✅")
