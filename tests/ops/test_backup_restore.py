"""`python -m bot backup` while the bot sells, and `restore` after losing the database:
every receipt comes back, and what was pending is still pending."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.purchases import Status
from tests.faults.chat import RECEIPTS
from tests.ops.process import ADMIN, SELLER, Operated, purchases, statuses, upstreams

SALES = {
    "5537686660": Status.APPROVED,
    "5537686661": Status.APPROVED,
    "5512349951": Status.DECLINED,  # the sandbox's "insufficient funds"
    "5512349996": Status.PENDING,  # charged, then a 500: pending verification
    "5512349973": Status.PENDING,
}


@pytest.fixture
async def operated(tmp_path: Path) -> AsyncIterator[Operated]:
    async with upstreams(tmp_path) as operated:
        yield operated


async def test_a_copy_taken_while_running_restores_every_receipt_and_pending_stays_pending(
    operated: Operated, tmp_path: Path
) -> None:
    copies = tmp_path / "copies"
    copies.mkdir()
    async with operated.running():
        for phone, status in SALES.items():
            assert await operated.sell(phone) == status
        sold = purchases(operated.database)
        code, out, err = await operated.command("backup", str(copies))
        assert code == 0, err
        [copy] = list(copies.iterdir())
        assert f"written to {copy}" in out
        # Sold after the copy: gone once the copy is put back.
        assert await operated.sell("5537686662") is Status.APPROVED

        code, _, err = await operated.command("restore", str(copy))
        assert code == 1
        assert "the bot is running" in err and "stop it" in err
        assert len(purchases(operated.database)) == len(sold) + 1  # nothing changed

    for lost in operated.folder.glob("bot.sqlite3*"):  # the disk is lost
        lost.unlink()
    code, out, err = await operated.command("restore", str(copy))
    assert code == 0, err
    assert f"{len(SALES)} purchases" in out
    assert purchases(operated.database) == sold

    async with operated.running():
        chats = operated.chats
        for folio, status in statuses(operated.database).items():
            shown = await chats.say(SELLER, f"/recibo {folio:06d}")
            assert (shown.text or "").startswith(RECEIPTS[status]), shown.text
        await chats.say(ADMIN, "/start")
        listed = await chats.say(ADMIN, "/pendientes")
    assert (listed.text or "").startswith("⏳ Pendientes de verificación: 2")
    assert list(statuses(operated.database).values()) == list(SALES.values())
    assert purchases(operated.database) == sold
