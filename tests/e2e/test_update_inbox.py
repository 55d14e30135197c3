"""Updates Telegram was told we received are handled, even across a SIGKILL.

A reseller's update can wait in the bot behind their previous one (updates of one user
are handled in order) while the bot has already confirmed it to Telegram with the next
getUpdates. Killed then, the bot must still handle it at its next start: the update
inbox (bot/polling.py) stores each batch before it is confirmed.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from pathlib import Path

from bot.domain.purchases import Status
from devtools.standin import ChatMessage, FakeTelegram
from tests.e2e.bot_process import SELLER, Upstreams, stop_bot, stored

PHONE = "5537686660"
# Longer than the test needs to kill the bot while a handler waits on Telegram.
SLOW_TELEGRAM = 60.0


async def _kill_while_queued(
    upstreams: Upstreams,
    process: asyncio.subprocess.Process,
    slow: str,
    queued: Callable[[], object],
) -> None:
    """`slow` is sent, and its handler waits on a slow Telegram; `queued()` is the user's
    next action, confirmed to Telegram but waiting behind it; then SIGKILL."""
    telegram, chats = upstreams.telegram, upstreams.chats
    telegram.hiccups.delay("sendMessage", SLOW_TELEGRAM)
    telegram.send_text(SELLER, slow)
    await chats.until(lambda: telegram.hiccups.waiting, poll=0.01)
    queued()
    await chats.until(lambda: telegram.pending_updates == 0, poll=0.01)
    process.send_signal(signal.SIGKILL)
    assert await process.wait() == -signal.SIGKILL
    telegram.hiccups.release()


def _menu(telegram: FakeTelegram) -> ChatMessage | None:
    return next(
        (
            m
            for m in telegram.bot_messages(SELLER)
            if any(b.text.startswith("📱") for b in m.buttons)
        ),
        None,
    )


async def test_a_confirm_tap_waiting_behind_a_slow_handler_is_handled_after_a_kill(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    chats, log = upstreams.chats, tmp_path / "bot.log"
    process = await upstreams.start_bot(log)
    try:
        summary = await chats.to_confirm(SELLER, PHONE)
        await _kill_while_queued(
            upstreams, process, "/recibos", lambda: chats.press_confirm(SELLER, summary)
        )
        process = await upstreams.start_bot(log)

        def receipt() -> tuple[Status, str] | None:
            return None if chats.unanswered(SELLER) else chats.outcome(SELLER, PHONE)

        status, _ = await chats.until(receipt, within=15)
    finally:
        await stop_bot(process, log)

    assert status is Status.APPROVED
    assert [status for _, status, _ in stored(upstreams.database)] == ["approved"]
    assert len(upstreams.sandbox.received) == 1
    assert process.returncode == 0


async def test_a_typed_number_waiting_behind_a_slow_handler_is_handled_after_a_kill(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    telegram, chats, log = upstreams.telegram, upstreams.chats, tmp_path / "bot.log"
    process = await upstreams.start_bot(log)
    try:
        await _kill_while_queued(
            upstreams, process, "/recarga", lambda: telegram.send_text(SELLER, PHONE)
        )
        process = await upstreams.start_bot(log)
        menu = await chats.until(lambda: _menu(telegram), within=15)
    finally:
        await stop_bot(process, log)

    assert menu.text is not None
    assert process.returncode == 0
