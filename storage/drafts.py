"""Drafts: the purchase a reseller is putting together, step by step, kept in SQLite."""

from __future__ import annotations

import sqlite3

from bot.domain.clock import utcnow
from bot.domain.drafts import Draft, Step
from storage import rows
from storage.db import Database


def _open_new(
    conn: sqlite3.Connection,
    user_id: int,
    chat_id: int,
    lang: str,
    step: Step,
    fields: tuple[str | None, str | None, int | None] = (None, None, None),
) -> Draft:
    """Close the user's open draft as replaced and open this one: one open draft per user
    (the unique index drafts_one_open_per_user holds it), in the caller's transaction."""
    now = utcnow().isoformat()
    conn.execute(
        "UPDATE drafts SET status = 'replaced', updated_at = ? "
        "WHERE user_id = ? AND status = 'open'",
        (now, user_id),
    )
    row = conn.execute(
        "INSERT INTO drafts (user_id, chat_id, lang, step, phone, product_id, amount, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
        (user_id, chat_id, lang, step.value, *fields, now, now),
    ).fetchone()
    return rows.draft(row)


class DraftRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def start(self, user_id: int, chat_id: int, lang: str) -> Draft:
        """A new draft at the phone step, replacing any draft the user left open."""
        return await self._db.write(
            lambda conn: _open_new(conn, user_id, chat_id, lang, Step.PHONE)
        )

    async def start_at_confirm(
        self, user_id: int, chat_id: int, lang: str, *, phone: str, product_id: str, amount: int
    ) -> Draft:
        """A new draft already at its summary (🔁 Repetir on a receipt), replacing any
        draft the user left open."""
        fields = (phone, product_id, amount)
        return await self._db.write(
            lambda conn: _open_new(conn, user_id, chat_id, lang, Step.CONFIRM, fields)
        )

    async def current(self, user_id: int) -> Draft | None:
        """The user's open draft, if any."""
        found = await self._db.read(
            "SELECT * FROM drafts WHERE user_id = ? AND status = 'open'", (user_id,)
        )
        return rows.draft(found[0]) if found else None

    async def get(self, draft_id: int) -> Draft | None:
        found = await self._db.read("SELECT * FROM drafts WHERE id = ?", (draft_id,))
        return rows.draft(found[0]) if found else None

    async def save(self, changed: Draft) -> Draft | None:
        """Store a step of an open draft (`changed` as the domain made it): a new version,
        with no summary on screen yet. None when the draft is no longer open."""

        def update(conn: sqlite3.Connection) -> Draft | None:
            row = conn.execute(
                "UPDATE drafts SET step = ?, phone = ?, product_id = ?, amount = ?, "
                "version = version + 1, summary_message_id = NULL, updated_at = ? "
                "WHERE id = ? AND status = 'open' RETURNING *",
                (
                    changed.step.value,
                    changed.phone,
                    changed.product_id,
                    changed.amount,
                    utcnow().isoformat(),
                    changed.id,
                ),
            ).fetchone()
            return rows.draft(row) if row else None

        return await self._db.write(update)

    async def set_summary_message(self, draft_id: int, message_id: int) -> None:
        """Remember which message shows the draft's summary."""
        await self._db.write(
            lambda conn: conn.execute(
                "UPDATE drafts SET summary_message_id = ? WHERE id = ?", (message_id, draft_id)
            )
        )

    async def cancel(self, user_id: int) -> Draft | None:
        """Cancel the user's open draft; returns it, or None when there was none."""

        def update(conn: sqlite3.Connection) -> Draft | None:
            row = conn.execute(
                "UPDATE drafts SET status = 'cancelled', version = version + 1, updated_at = ? "
                "WHERE user_id = ? AND status = 'open' RETURNING *",
                (utcnow().isoformat(), user_id),
            ).fetchone()
            return rows.draft(row) if row else None

        return await self._db.write(update)
