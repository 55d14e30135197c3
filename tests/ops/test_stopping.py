"""SIGTERM, as a redeploy sends it, to the bot as a real process with a purchase in flight.

The provider's answer is held by the test (tests/ops/upstreams.py), so "during a slow
purchase" is a fact of the test, not a race: the purchase is charged and waiting when
the signal arrives.
"""

from __future__ import annotations

import signal
import sqlite3
from contextlib import closing
from pathlib import Path

from bot.config import SANDBOX_SECRET_KEY
from bot.domain.purchases import RESTART_REASON, Status
from bot.i18n import plain
from storage.guard import latest_version
from tests.faults.chat import PENDING_ALERT, RESTART_NOTICE
from tests.ops.upstreams import ADMIN, OTHER_SELLER, SELLER, Upstreams, until_logged

PHONE = "5512345678"
STOPPING = "Stopping: no new purchases"


def stored(database: Path) -> list[tuple[str, str, str | None]]:
    with closing(sqlite3.connect(database)) as db:
        query = "SELECT distributor_transaction_id, status, pending_reason FROM purchases"
        return list(db.execute(query))


async def test_sigterm_lets_the_purchase_in_flight_finish_and_refuses_new_ones(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    chats, sandbox, log = upstreams.chats, upstreams.sandbox, tmp_path / "bot.log"
    process = await upstreams.start_bot(log)
    try:
        await chats.say(ADMIN, "/start")
        waiting = await chats.to_confirm(OTHER_SELLER, "55 3768 6660")  # at its ✅
        summary = await chats.to_confirm(SELLER, PHONE)
        sandbox.answering.clear()
        chats.press_confirm(SELLER, summary)
        await chats.until(lambda: sandbox.charges, poll=0.01)

        process.send_signal(signal.SIGTERM)
        await until_logged(log, STOPPING, chats)
        chats.press_confirm(OTHER_SELLER, waiting)
        refused = await chats.until(lambda: upstreams.alerts_seen(OTHER_SELLER))
        assert chats.outcome(SELLER, PHONE) is None, "still in flight"

        sandbox.answering.set()
        assert await process.wait() == 0
    finally:
        sandbox.answering.set()
        if process.returncode is None:
            process.kill()
            await process.wait()
        print(log.read_text(errors="replace"))  # shown by pytest when the test fails

    assert refused == [plain("es", "confirm.restarting")]
    outcome = chats.outcome(SELLER, PHONE)
    assert outcome is not None and outcome[0] is Status.APPROVED  # shown before the exit
    [(dtid, status, _)] = stored(upstreams.database)
    assert status == "approved"
    assert sandbox.received == [dtid]  # the tap after SIGTERM placed nothing
    assert chats.unanswered(OTHER_SELLER) is False


async def test_a_grace_shorter_than_the_purchase_leaves_it_pending_for_the_next_start(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    chats, sandbox, log = upstreams.chats, upstreams.sandbox, tmp_path / "bot.log"
    process = await upstreams.start_bot(log, SHUTDOWN_GRACE_SECONDS="0.2")
    try:
        await chats.say(ADMIN, "/start")
        summary = await chats.to_confirm(SELLER, PHONE)
        sandbox.answering.clear()
        chats.press_confirm(SELLER, summary)
        await chats.until(lambda: sandbox.charges, poll=0.01)
        process.send_signal(signal.SIGTERM)
        assert await process.wait() == 0
        [(dtid, status, _)] = stored(upstreams.database)
        assert status == "sending", "left as it was, for the next start"
        assert "left for the next start" in log.read_text()

        process = await upstreams.start_bot(log)
        notice = await chats.until(
            lambda: next((t for t in chats.texts(SELLER) if t.startswith(RESTART_NOTICE)), None)
        )
        alert = await chats.until(lambda: chats.alerts_for(dtid))
    finally:
        sandbox.answering.set()
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            await process.wait()
        print(log.read_text(errors="replace"))

    assert notice and alert[0].startswith(PENDING_ALERT)
    assert stored(upstreams.database) == [(dtid, "pending", RESTART_REASON)]
    assert sandbox.received == [dtid]


async def test_a_second_bot_on_the_database_exits_at_once_naming_the_first(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    log = tmp_path / "bot.log"
    first = await upstreams.start_bot(log)
    try:
        second_log = tmp_path / "second.log"
        second = await upstreams.spawn(second_log, "bot")
        assert await second.wait() == 2
    finally:
        first.send_signal(signal.SIGTERM)
        await first.wait()
    said = second_log.read_text().strip().splitlines()
    assert len(said) == 1
    assert f"in use by process {first.pid} on " in said[0]
    assert first.returncode == 0


async def test_the_start_up_line_states_mode_database_schema_people_and_versions(
    upstreams: Upstreams, tmp_path: Path
) -> None:
    log = tmp_path / "bot.log"
    process = await upstreams.start_bot(log)
    process.send_signal(signal.SIGTERM)
    await process.wait()
    [line] = [line for line in log.read_text().splitlines() if "Starting in " in line]
    assert f"Starting in live mode: database {upstreams.database}, " in line
    assert f"schema {latest_version()}, 1 admins, 2 resellers; " in line
    assert "python-telegram-bot 22." in line and "Python 3." in line and "SQLite 3." in line
    assert SANDBOX_SECRET_KEY not in log.read_text()
    assert upstreams.standin.token.partition(":")[2] not in log.read_text()
