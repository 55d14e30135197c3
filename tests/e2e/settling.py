"""Steps the settling tests share: a purchase left pending, the admin's list, the row."""

from __future__ import annotations

from bot.domain.purchases import Purchase, Status
from devtools.standin import ChatMessage
from storage.purchases import PurchaseRepository
from tests.harness import ADMIN, RESELLER, Harness

PENDING_PHONE = "55 1234 9996"  # charged, then code 96: pending verification


async def sell_pending(
    bot: Harness, user_id: int = RESELLER, phone: str = PENDING_PHONE
) -> Purchase:
    await bot.buy(user_id, phone=phone)
    bot.pace.step(5)  # people take a while between sales: Telegram's flood control
    purchase = (await bot.purchases())[-1]
    assert purchase.status is Status.PENDING
    return purchase


async def pending_list(bot: Harness, admin: int = ADMIN) -> ChatMessage:
    [page] = await bot.say(admin, "/pendientes")
    return page


async def stored(bot: Harness, purchase: Purchase) -> Purchase:
    found = await PurchaseRepository(bot.database).get(purchase.id)
    assert found is not None
    return found
