"""The update queue behind getUpdates: ids, long polling, confirmation by offset, conflicts."""

from __future__ import annotations

import asyncio
import contextlib

from devtools.standin.errors import ApiError, bad_request
from devtools.standin.models import JsonDict
from devtools.standin.params import Params, opt_float, opt_int, opt_json

# Telegram leaves these out unless allowed_updates names them.
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


class UpdateQueue:
    """Updates waiting for the bot, kept until a later getUpdates offset confirms them."""

    def __init__(self, first_update_id: int = 1) -> None:
        self._next_id = first_update_id
        self._pending: list[JsonDict] = []
        self._allowed: frozenset[str] | None = None
        self._changed = asyncio.Event()
        self._poll = 0

    @property
    def pending(self) -> int:
        """How many updates are queued or fetched but not yet confirmed."""
        return len(self._pending)

    def push(self, kind: str, payload: JsonDict) -> int:
        """Queue an update of `kind` ("message", "callback_query") and return its update_id.

        Like Telegram, an update of a kind the bot's allowed_updates excludes is never queued.
        """
        update_id = self._next_id
        self._next_id += 1
        wanted = kind not in OPT_IN_UPDATES if self._allowed is None else kind in self._allowed
        if wanted:
            self._pending.append({"update_id": update_id, kind: payload})
            self._wake()
        return update_id

    def drop_pending(self) -> None:
        """Forget every queued update (deleteWebhook with drop_pending_updates)."""
        self._pending.clear()
        self._wake()

    async def get_updates(self, params: Params) -> list[JsonDict]:
        """getUpdates: wait up to `timeout` seconds for updates; a newer call ends this one."""
        offset = opt_int(params, "offset") or 0
        limit = min(max(opt_int(params, "limit") or 100, 1), 100)
        timeout = max(opt_float(params, "timeout") or 0.0, 0.0)
        self._set_allowed(opt_json(params, "allowed_updates"))
        self._poll += 1
        poll = self._poll
        self._wake()  # an older long poll still waiting now ends with 409
        self._confirm(offset)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if poll != self._poll:
                raise ApiError(409, CONFLICT)
            remaining = deadline - loop.time()
            if self._pending or remaining <= 0:
                return self._pending[:limit]
            changed = self._changed
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(remaining):
                    await changed.wait()

    async def wait_until_delivered(self, within: float = 5.0) -> None:
        """Return once every queued update was fetched and confirmed by a later offset."""
        try:
            async with asyncio.timeout(within):
                while self._pending:
                    await self._changed.wait()
        except TimeoutError:
            raise TimeoutError(
                f"{len(self._pending)} update(s) still unconfirmed after {within} s; "
                "is the bot polling?"
            ) from None

    def _set_allowed(self, allowed: object) -> None:
        if allowed is None:
            return
        if not isinstance(allowed, list) or not all(isinstance(kind, str) for kind in allowed):
            raise bad_request("can't parse allowed updates JSON object")
        self._allowed = frozenset(allowed) or None

    def _confirm(self, offset: int) -> None:
        if offset < 0:
            del self._pending[: max(len(self._pending) + offset, 0)]
        elif offset > 0:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
        self._wake()

    def _wake(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()
