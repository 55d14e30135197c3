"""Telegram failing or slow while the bot starts: the bot waits and tries again.

A 502 or a timeout on getMe, setMyCommands or deleteWebhook is a hiccup, not a reason to
exit: the bot process (`python -m bot`) tries again with a growing pause, logging each
try, until Telegram answers or a SIGTERM stops it.
"""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from devtools.standin.server import DEFAULT_TOKEN
from tests.e2e.bot_process import SELLER, Upstreams, stop_bot
from tests.faults.chat import opening

# The bot's read timeout is 5 s (bot/telegram_http.py): an answer later than that is lost.
LATER_THAN_THE_BOT_WAITS = 6.0


async def test_telegram_failing_at_start_up_delays_the_bot_and_does_not_stop_it(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    telegram, log = upstreams.telegram, tmp_path / "bot.log"
    telegram.hiccups.delay("getMe", LATER_THAN_THE_BOT_WAITS)
    telegram.hiccups.fail("getMe", 502)
    telegram.hiccups.fail("setMyCommands", 502)
    telegram.hiccups.fail("deleteWebhook", 502)
    process = await upstreams.start_bot(log)
    try:
        welcome = await upstreams.chats.say(SELLER, "/start")
    finally:
        await stop_bot(process, log)

    assert welcome.text is not None
    assert welcome.text.startswith(opening("start.reseller"))
    assert telegram.hiccups.met == ["getMe", "getMe", "setMyCommands", "deleteWebhook"]
    assert telegram.bot_commands() != [], "the menu was set once Telegram answered"
    assert telegram.bot_commands("en") != []
    written = log.read_text()
    assert written.count("trying again") == len(telegram.hiccups.met)
    assert DEFAULT_TOKEN not in written
    assert process.returncode == 0


async def test_a_bot_waiting_for_telegram_at_start_up_stops_on_sigterm(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    telegram, log = upstreams.telegram, tmp_path / "bot.log"
    telegram.hiccups.fail("getMe", 502, times=1000)
    process = await upstreams.start_bot(log, polling=False)
    try:
        await upstreams.chats.until(lambda: len(telegram.hiccups.met) >= 2, within=15, poll=0.05)
        assert process.returncode is None, "still trying"
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 10)
    finally:
        await stop_bot(process, log)
    assert process.returncode == 0
    assert "getUpdates" not in [method for method, _ in telegram.calls]
