"""Steps the deposit and funds tests share: a prepaid reseller, a second admin, a
deposit reported with its photo, and what the ledger and the deposits table hold."""

from __future__ import annotations

from bot.domain.deposits import Deposit
from bot.domain.wallets import JoinedHow, Movement, Wallet
from devtools.standin import ChatMessage
from storage import rows
from storage.deposits import deposit
from storage.resellers import ResellerRepository
from storage.wallets import WalletRepository
from tests.harness import Harness

PREPAID, SECOND_ADMIN = 6, 5
SHOP = "Abarrotes Lupita"


async def add_prepaid(
    bot: Harness, user_id: int = PREPAID, shop: str = SHOP, lang: str = "es"
) -> None:
    """A new reseller, prepaid at $0, who has started the bot."""
    bot.telegram.add_user(user_id, first_name="Lupe", language_code=lang)
    added = await ResellerRepository(bot.database).add(user_id, shop, JoinedHow.ADMIN)
    assert added is not None
    bot.services.people.reseller_added(user_id)
    await bot.say(user_id, "/start")


async def reported(
    bot: Harness, amount: str = "1500", user_id: int = PREPAID
) -> list[ChatMessage]:
    """The reseller reports a deposit and sends its photo; the admins' cards come back."""
    await bot.say(user_id, f"/deposito {amount}")
    await bot.send_photo(user_id)
    return [bot.last(admin) for admin in bot.services.people.admins]


async def deposits(bot: Harness) -> list[Deposit]:
    found = await bot.database.read("SELECT * FROM deposits ORDER BY id")
    return [deposit(row) for row in found]


async def ledger(bot: Harness, user_id: int = PREPAID) -> list[Movement]:
    found = await bot.database.read(
        "SELECT * FROM ledger WHERE reseller_id = ? ORDER BY id", (user_id,)
    )
    return [rows.movement(row) for row in found]


async def wallet(bot: Harness, user_id: int = PREPAID) -> Wallet:
    found = await WalletRepository(bot.database).wallet(user_id)
    assert found is not None
    return found


def photo_id(bot: Harness, user_id: int = PREPAID) -> str:
    """The file_id of the largest size of the last photo the user sent."""
    sent = [m for m in bot.telegram.messages(user_id) if not m.from_bot and m.photo]
    return str(sent[-1].photo[-1]["file_id"])
