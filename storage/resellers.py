"""Resellers' accounts: who sells, their shop name, status, account kind and limits."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

from bot.domain.clock import utcnow
from bot.domain.wallets import AccountKind, JoinedHow, Reseller, ResellerStatus
from storage import rows
from storage.db import Database


def add_in(
    conn: sqlite3.Connection,
    user_id: int,
    shop_name: str,
    how: JoinedHow,
    *,
    added_by: int | None = None,
    account: AccountKind = AccountKind.PREPAID,
) -> Reseller | None:
    """Insert a reseller inside the caller's transaction; None if they are one already."""
    row = conn.execute(
        "INSERT INTO resellers (user_id, shop_name, account, joined_at, joined_how, "
        "added_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING "
        "RETURNING *",
        (user_id, shop_name, account.value, utcnow().isoformat(), how.value, added_by),
    ).fetchone()
    return rows.reseller(row) if row else None


def count_at_start(database: Path, imported: Iterable[int]) -> int:
    """How many resellers there will be once `imported` (RESELLER_IDS less the admins)
    is: those the file holds and those it adds. Read-only, before the database is opened
    and migrated (a schema before resellers holds none)."""
    ids = set(imported)
    if database.exists() and database.stat().st_size > 0:
        uri = f"{database.resolve().as_uri()}?mode=ro"
        # No such table: the schema is older, and holds no reseller yet.
        with (
            closing(sqlite3.connect(uri, uri=True)) as conn,
            contextlib.suppress(sqlite3.OperationalError),
        ):
            ids.update(row[0] for row in conn.execute("SELECT user_id FROM resellers"))
    return len(ids)


class ResellerRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    async def get(self, user_id: int) -> Reseller | None:
        found = await self._db.read("SELECT * FROM resellers WHERE user_id = ?", (user_id,))
        return rows.reseller(found[0]) if found else None

    async def all(self) -> list[Reseller]:
        """Every reseller, by shop name."""
        found = await self._db.read("SELECT * FROM resellers ORDER BY shop_name COLLATE NOCASE")
        return [rows.reseller(row) for row in found]

    async def named(self, name: str) -> list[Reseller]:
        """Resellers whose shop name is `name` (any case), else those whose name holds it."""
        exact = await self._db.read(
            "SELECT * FROM resellers WHERE shop_name = ? COLLATE NOCASE ORDER BY user_id",
            (name,),
        )
        if exact:
            return [rows.reseller(row) for row in exact]
        pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = await self._db.read(
            "SELECT * FROM resellers WHERE shop_name LIKE ? ESCAPE '\\' "
            "ORDER BY shop_name COLLATE NOCASE LIMIT 11",
            (pattern,),
        )
        return [rows.reseller(row) for row in found]

    async def add(
        self,
        user_id: int,
        shop_name: str,
        how: JoinedHow,
        *,
        added_by: int | None = None,
        account: AccountKind = AccountKind.PREPAID,
    ) -> Reseller | None:
        """A new reseller (prepaid at $0 unless told otherwise); None if `user_id` is one
        already (nothing changes)."""
        return await self._db.write(
            lambda conn: add_in(conn, user_id, shop_name, how, added_by=added_by, account=account),
            durable=True,
        )

    async def add_or_rename(
        self, user_id: int, shop_name: str, added_by: int
    ) -> tuple[Reseller, str | None]:
        """An admin's /alta: a new reseller, prepaid at $0; if they are one already, their
        shop renamed. Returns them and the name they had, if renamed (None if new)."""

        def run(conn: sqlite3.Connection) -> tuple[Reseller, str | None]:
            added = add_in(conn, user_id, shop_name, JoinedHow.ADMIN, added_by=added_by)
            if added is not None:
                return added, None
            before = conn.execute(
                "SELECT shop_name FROM resellers WHERE user_id = ?", (user_id,)
            ).fetchone()
            renamed = conn.execute(
                "UPDATE resellers SET shop_name = ? WHERE user_id = ? RETURNING *",
                (shop_name, user_id),
            ).fetchone()
            return rows.reseller(renamed), str(before[0])

        return await self._db.write(run, durable=True)

    async def set_status(
        self, user_id: int, status: ResellerStatus
    ) -> tuple[Reseller, bool] | None:
        """The reseller with `status` from now on, and whether that changed anything;
        None for someone with no account. Durable: a suspension holds across a power
        cut, and the next ✅ reads it in its own transaction (storage/purchases.py)."""

        def change(conn: sqlite3.Connection) -> tuple[Reseller, bool] | None:
            changed = conn.execute(
                "UPDATE resellers SET status = ? WHERE user_id = ? AND status <> ? RETURNING *",
                (status.value, user_id, status.value),
            ).fetchone()
            if changed is not None:
                return rows.reseller(changed), True
            found = conn.execute(
                "SELECT * FROM resellers WHERE user_id = ?", (user_id,)
            ).fetchone()
            return (rows.reseller(found), False) if found else None

        return await self._db.write(change, durable=True)

    async def rename(self, user_id: int, shop_name: str) -> Reseller | None:
        """Their shop's name from now on (sales keep the name they were made under)."""
        found = await self._db.write(
            lambda conn: conn.execute(
                "UPDATE resellers SET shop_name = ? WHERE user_id = ? RETURNING *",
                (shop_name, user_id),
            ).fetchone()
        )
        return rows.reseller(found) if found else None

    async def import_ids(self, user_ids: Iterable[int]) -> list[Reseller]:
        """Make each of `user_ids` a reseller unless they are one: at the first import
        ever unrestricted, afterwards prepaid at $0. Their shop name until someone sets
        one: the name they last sold under, else "Vendedor <id>". Returns those added."""
        wanted = sorted(set(user_ids))

        def run(conn: sqlite3.Connection) -> list[Reseller]:
            now = utcnow().isoformat()
            first = conn.execute("SELECT 1 FROM reseller_import").fetchone() is None
            account = AccountKind.UNRESTRICTED if first else AccountKind.PREPAID
            added = []
            for user_id in wanted:
                named = conn.execute(
                    "SELECT reseller_name FROM purchases WHERE reseller_id = ? "
                    "AND reseller_name IS NOT NULL ORDER BY id DESC LIMIT 1",
                    (user_id,),
                ).fetchone()
                name = (named[0] if named else None) or f"Vendedor {user_id}"
                row = conn.execute(
                    "INSERT INTO resellers (user_id, shop_name, account, joined_at, "
                    "joined_how) VALUES (?, ?, ?, ?, 'import') "
                    "ON CONFLICT (user_id) DO NOTHING RETURNING *",
                    (user_id, name[:64], account.value, now),
                ).fetchone()
                if row is not None:
                    added.append(rows.reseller(row))
            if first:
                unrestricted = [reseller.user_id for reseller in added]
                conn.execute(
                    "INSERT INTO reseller_import (id, first_at, unrestricted) VALUES (1, ?, ?)",
                    (now, json.dumps(unrestricted)),
                )
            return added

        return await self._db.write(run, durable=True)

    async def unrestricted_untold(self) -> list[Reseller] | None:
        """The resellers the first import made unrestricted, if the admins have not been
        told of them yet (None once they have, or before any import)."""
        found = await self._db.read(
            "SELECT unrestricted FROM reseller_import WHERE told_at IS NULL"
        )
        if not found:
            return None
        ids = json.loads(found[0][0])
        return [reseller for reseller in await self.all() if reseller.user_id in ids]

    async def told_unrestricted(self) -> None:
        await self._db.write(
            lambda conn: conn.execute(
                "UPDATE reseller_import SET told_at = ? WHERE told_at IS NULL",
                (utcnow().isoformat(),),
            )
        )
