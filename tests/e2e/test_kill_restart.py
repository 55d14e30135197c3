"""The bot as a real process, killed with SIGKILL while a purchase is in flight.

`python -m bot` runs exactly as in production (long polling, settings from the
environment), talking over HTTP to the Bot API stand-in and to the sandbox provider that
this test serves on 127.0.0.1. After the kill and a new start, the purchase is pending
verification and the reseller and the admins are told; a reseller who was at the amount
step goes on from there.
"""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from bot.domain.formatting import format_phone
from bot.domain.purchases import RESTART_REASON
from tests.e2e.bot_process import ADMIN, OTHER_SELLER, SELLER, Upstreams, stored
from tests.faults.chat import PENDING_ALERT, RESTART_NOTICE

HANGING_PHONE = "5512349971"


async def test_a_killed_bot_leaves_the_purchase_pending_and_says_so(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    chats, log = upstreams.chats, tmp_path / "bot.log"
    process = await upstreams.start_bot(log)
    try:
        await chats.say(ADMIN, "/start")
        await chats.to_confirm(OTHER_SELLER, "55 3768 6660", product="📱")  # at the amount step
        summary = await chats.to_confirm(SELLER, HANGING_PHONE)
        chats.press_confirm(SELLER, summary)
        await chats.until(lambda: upstreams.sandbox.charges, poll=0.01)

        process.send_signal(signal.SIGKILL)
        assert await process.wait() == -signal.SIGKILL
        [(dtid, status, _)] = stored(upstreams.database)
        assert status == "sending", "killed while the provider had not answered"

        process = await upstreams.start_bot(log)
        notice = await chats.until(
            lambda: next((t for t in chats.texts(SELLER) if t.startswith(RESTART_NOTICE)), None)
        )
        alert = await chats.until(lambda: chats.alerts_for(dtid))
        summary = await chats.say(OTHER_SELLER, "100")
        receipt = await chats.confirm(OTHER_SELLER, summary, "5537686660")
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 15)
        print(log.read_text(errors="replace"))  # shown by pytest when the test fails

    assert format_phone(HANGING_PHONE) in notice
    assert alert[0].startswith(PENDING_ALERT)
    assert (dtid, "pending", RESTART_REASON) in stored(upstreams.database)
    assert receipt[0].value == "approved"
    assert upstreams.sandbox.received.count(dtid) == 1
    assert upstreams.sandbox.duplicate_transaction_ids == []
    assert process.returncode == 0
