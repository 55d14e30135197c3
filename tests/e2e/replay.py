"""Test-only hook: remember every update the stand-in delivered, to deliver it again.

Telegram delivers an update again when the bot did not confirm it (a crash, or a restart
before the next getUpdates). The Updater puts whatever getUpdates returned into the
application's update queue; `replay` does exactly that with a recorded update.
"""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Update

from tests.harness import Harness


class UpdateRecorder:
    def __init__(self, bot: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
        self._bot = bot
        self.delivered: dict[int, dict[str, Any]] = {}
        call = bot.telegram.call

        async def recording_call(method: str, params: Any) -> tuple[int, dict[str, Any]]:
            status, body = await call(method, params)
            if method.lower() == "getupdates" and body.get("ok"):
                for update in body["result"]:
                    self.delivered[update["update_id"]] = update
            return status, body

        monkeypatch.setattr(bot.telegram, "call", recording_call)

    @property
    def last_id(self) -> int:
        return max(self.delivered)

    async def replay(self, update_id: int) -> None:
        """Deliver update `update_id` once more, as Telegram would, and wait for it."""
        application = self._bot.application
        assert application is not None
        update = Update.de_json(self.delivered[update_id], application.bot)
        await application.update_queue.put(update)
        await self._bot.wait_until_quiet()
