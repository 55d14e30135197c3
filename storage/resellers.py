"""Resellers' accounts: who sells, their shop name, status, account kind and limits."""

from __future__ import annotations

from bot.domain.wallets import Reseller
from storage import rows
from storage.db import Database


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
