"""Drafts: the purchase a reseller is putting together, step by step, kept in SQLite."""

from __future__ import annotations

from storage.db import Database
from storage.models import Draft, Step, utcnow


class DraftRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def start(self, user_id: int, chat_id: int, lang: str) -> Draft:
        """Open a new draft at the phone step, replacing any draft the user left open."""
        now = utcnow().isoformat()
        # The open draft it replaces is closed by a trigger (migration 0006).
        rows = await self._db.execute(
            "INSERT INTO drafts (user_id, chat_id, lang, step, created_at, updated_at) "
            "VALUES (?, ?, ?, 'phone', ?, ?) RETURNING *",
            (user_id, chat_id, lang, now, now),
        )
        return Draft.from_row(rows[0])

    async def current(self, user_id: int) -> Draft | None:
        """The user's open draft, if any."""
        rows = await self._db.execute(
            "SELECT * FROM drafts WHERE user_id = ? AND status = 'open'", (user_id,)
        )
        return Draft.from_row(rows[0]) if rows else None

    async def get(self, draft_id: int) -> Draft | None:
        rows = await self._db.execute("SELECT * FROM drafts WHERE id = ?", (draft_id,))
        return Draft.from_row(rows[0]) if rows else None

    async def advance(
        self,
        draft: Draft,
        step: Step,
        *,
        phone: str | None = None,
        product_id: str | None = None,
        amount: int | None = None,
    ) -> Draft | None:
        """Move an open draft to `step`, setting the given fields and clearing later ones.

        Every change bumps the version, so a confirm button shown for an older version
        no longer matches. Returns None when the draft is no longer open.
        """
        fields = {"phone": draft.phone, "product_id": draft.product_id, "amount": draft.amount}
        if phone is not None:
            fields = {"phone": phone, "product_id": None, "amount": None}
        if product_id is not None:
            fields["product_id"], fields["amount"] = product_id, None
        if amount is not None:
            fields["amount"] = amount
        rows = await self._db.execute(
            "UPDATE drafts SET step = ?, phone = ?, product_id = ?, amount = ?, "
            "version = version + 1, summary_message_id = NULL, updated_at = ? "
            "WHERE id = ? AND status = 'open' RETURNING *",
            (
                step.value,
                fields["phone"],
                fields["product_id"],
                fields["amount"],
                utcnow().isoformat(),
                draft.id,
            ),
        )
        return Draft.from_row(rows[0]) if rows else None

    async def set_summary_message(self, draft_id: int, message_id: int) -> None:
        """Remember which message shows the draft's confirm step."""
        await self._db.execute(
            "UPDATE drafts SET summary_message_id = ? WHERE id = ?", (message_id, draft_id)
        )

    async def cancel(self, user_id: int) -> Draft | None:
        """Cancel the user's open draft; returns it, or None when there was none."""
        rows = await self._db.execute(
            "UPDATE drafts SET status = 'cancelled', version = version + 1, updated_at = ? "
            "WHERE user_id = ? AND status = 'open' RETURNING *",
            (utcnow().isoformat(), user_id),
        )
        return Draft.from_row(rows[0]) if rows else None

    async def start_at_confirm(
        self, user_id: int, chat_id: int, lang: str, *, phone: str, product_id: str, amount: int
    ) -> Draft:
        """Open a new draft already at the confirm step (🔁 Repetir on a receipt),
        replacing any draft the user left open, as `start` does."""
        now = utcnow().isoformat()
        rows = await self._db.execute(
            "INSERT INTO drafts (user_id, chat_id, lang, step, phone, product_id, amount, "
            "created_at, updated_at) VALUES (?, ?, ?, 'confirm', ?, ?, ?, ?, ?) RETURNING *",
            (user_id, chat_id, lang, phone, product_id, amount, now, now),
        )
        return Draft.from_row(rows[0])
