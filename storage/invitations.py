"""Invitations to sell: the links admins make (only each token's hash), who opened each,
and the shop's name question it leaves open until answered."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.domain.invitations import INVITATION_TTL, Joined, Opened
from bot.domain.wallets import JoinedHow
from storage import rows
from storage.db import Database
from storage.resellers import add_in


class InvitationRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def create(self, token_hash: str, invited_by: int, now: datetime) -> datetime:
        """A new link's hash, valid for `INVITATION_TTL`; returns when it expires."""
        expires = now + INVITATION_TTL
        await self._db.write(
            lambda conn: conn.execute(
                "INSERT INTO invitations (token_hash, invited_by, created_at, expires_at) "
                "VALUES (?, ?, ?, ?)",
                (token_hash, invited_by, now.isoformat(), expires.isoformat()),
            )
        )
        return expires

    async def open(self, token_hash: str, user_id: int, now: datetime) -> Opened:
        """`user_id` (no admin, no reseller) opens the link whose token hashes to
        `token_hash`: theirs if it is unused and unexpired, and they hold no other one
        (asked again then, this link left unused). One transaction: two people opening
        the same link at once cannot both have it."""

        def run(conn: sqlite3.Connection) -> Opened:
            found = conn.execute(
                "SELECT id, expires_at, used_by FROM invitations WHERE token_hash = ?",
                (token_hash,),
            ).fetchone()
            if found is None:
                return Opened.USED
            if found["used_by"] is not None:
                mine = found["used_by"] == user_id and self._asking(conn, user_id)
                return Opened.ASK_SHOP_NAME if mine else Opened.USED
            if self._asking(conn, user_id):
                return Opened.ASK_SHOP_NAME  # another link's question is open: that one
            if datetime.fromisoformat(found["expires_at"]) <= now:
                return Opened.EXPIRED
            conn.execute(
                "UPDATE invitations SET used_by = ?, used_at = ? WHERE id = ?",
                (user_id, now.isoformat(), found["id"]),
            )
            return Opened.ASK_SHOP_NAME

        return await self._db.write(run)

    @staticmethod
    def _asking(conn: sqlite3.Connection, user_id: int) -> bool:
        found = conn.execute(
            "SELECT 1 FROM invitations WHERE used_by = ? AND joined_at IS NULL", (user_id,)
        ).fetchone()
        return found is not None

    async def asked(self, user_id: int) -> bool:
        """Whether `user_id` was asked their shop's name and has not answered yet."""
        found = await self._db.read(
            "SELECT 1 FROM invitations WHERE used_by = ? AND joined_at IS NULL", (user_id,)
        )
        return bool(found)

    async def join(self, user_id: int, shop_name: str, now: datetime) -> Joined | None:
        """Their answer: a reseller (prepaid at $0) under `shop_name`, the question
        closed, in one durable transaction; None if no question was open. Someone an admin
        added meanwhile keeps the account they have."""

        def run(conn: sqlite3.Connection) -> Joined | None:
            found = conn.execute(
                "UPDATE invitations SET joined_at = ? WHERE used_by = ? AND joined_at IS NULL "
                "RETURNING invited_by",
                (now.isoformat(), user_id),
            ).fetchone()
            if found is None:
                return None
            invited_by = int(found["invited_by"])
            added = add_in(conn, user_id, shop_name, JoinedHow.INVITATION, added_by=invited_by)
            if added is None:
                existing = conn.execute(
                    "SELECT * FROM resellers WHERE user_id = ?", (user_id,)
                ).fetchone()
                return Joined(rows.reseller(existing), invited_by)
            return Joined(added, invited_by)

        return await self._db.write(run, durable=True)
