"""What the wallet tests share: prepaid resellers added and funded as admins would,
commissions set, and a reseller's account changed where no command does it yet."""

from __future__ import annotations

import sqlite3

from bot.domain.wallets import JoinedHow, MovementKind
from storage.resellers import ResellerRepository
from storage.wallets import WalletRepository
from tests.harness import ADMIN, Harness

SHOP, ENGLISH_SHOP, OTHER_SHOP = 20, 21, 22  # prepaid resellers, added by an admin


async def add_prepaid(
    bot: Harness,
    user_id: int = SHOP,
    shop: str = "Abarrotes Lupita",
    *,
    lang: str = "es-MX",
    funds: int = 0,
) -> None:
    """A new prepaid reseller (at $0 unless `funds` centavos are deposited for them)."""
    bot.telegram.add_user(user_id, first_name=shop, language_code=lang)
    added = await ResellerRepository(bot.database).add(
        user_id, shop, JoinedHow.ADMIN, added_by=ADMIN
    )
    assert added is not None
    bot.services.people.reseller_added(user_id)
    if funds:
        await fund(bot, user_id, funds)


async def fund(bot: Harness, user_id: int, centavos: int, note: str | None = None) -> None:
    """A deposit an admin approved (or, with a note and any sign, an adjustment)."""
    kind = MovementKind.ADJUSTMENT if note else MovementKind.DEPOSIT
    await WalletRepository(bot.database).credit(user_id, kind, centavos, actor_id=ADMIN, note=note)


async def set_default_commission(bot: Harness, airtime_bp: int, package_bp: int) -> None:
    def write(conn: sqlite3.Connection) -> None:
        for kind, value in (("airtime", airtime_bp), ("package", package_bp)):
            conn.execute(
                "INSERT INTO commission_defaults (kind, basis_points, set_by, set_at) "
                "VALUES (?, ?, ?, '2026-12-01T00:00:00+00:00') ON CONFLICT (kind) "
                "DO UPDATE SET basis_points = excluded.basis_points",
                (kind, value, ADMIN),
            )

    await bot.database.write(write)


async def change_reseller(bot: Harness, user_id: int, **columns: object) -> None:
    """What /credito, /comision or /suspender will do (credit_limit, airtime_bp,
    package_bp, status): their commands are not built yet."""
    allowed = {"credit_limit", "airtime_bp", "package_bp", "status", "account"}
    assert set(columns) <= allowed
    assignments = ", ".join(f"{name} = ?" for name in columns)
    await bot.database.write(
        lambda conn: conn.execute(
            f"UPDATE resellers SET {assignments} WHERE user_id = ?",  # noqa: S608 - names checked
            (*columns.values(), user_id),
        )
    )
