"""At the start after wallets arrived, admins are told once, each in their language,
which resellers the first import of RESELLER_IDS made unrestricted and how to make one
prepaid; a restart does not tell them again (issue 14)."""

from __future__ import annotations

from pathlib import Path

from bot.domain.wallets import AccountKind
from storage.resellers import ResellerRepository
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, Harness, make_settings

ENGLISH_ADMIN, LATER_RESELLER = 50, 60


def _notices(bot: Harness, admin: int) -> list[str]:
    return [
        message.text or ""
        for message in bot.telegram.bot_messages(admin)
        if "RESELLER_IDS" in (message.text or "")
    ]


async def test_admins_hear_once_which_resellers_are_unrestricted(bot: Harness) -> None:
    # The first start could not reach the admin (they had never opened the bot): the
    # notice waits for a start that can.
    assert _notices(bot, ADMIN) == []
    await bot.say(ADMIN, "/start")
    await bot.restart()

    [notice] = _notices(bot, ADMIN)
    assert notice.startswith("ℹ️ Vendedores sin límite")
    assert f"Rita <Tienda> — {RESELLER}" in notice and f"Ed — {ENGLISH_RESELLER}" in notice
    assert "/credito <vendedor> <monto>" in notice
    assert f"/credito {ENGLISH_RESELLER} 500" in notice  # the first of them, by shop name

    await bot.restart()
    await bot.restart()
    assert len(_notices(bot, ADMIN)) == 1


async def test_each_admin_hears_it_in_their_language(tmp_path: Path) -> None:
    bot = Harness(make_settings(tmp_path, admin_ids=frozenset({ADMIN, ENGLISH_ADMIN})))
    bot.telegram.add_user(ENGLISH_ADMIN, first_name="Eve", language_code="en")
    await bot.start()
    try:
        await bot.say(ADMIN, "/start")
        await bot.say(ENGLISH_ADMIN, "/start")
        await bot.restart()
        [spanish] = _notices(bot, ADMIN)
        [english] = _notices(bot, ENGLISH_ADMIN)
        assert spanish.startswith("ℹ️ Vendedores sin límite")
        assert english.startswith("ℹ️ Unrestricted resellers")
        assert "/credit_limit <reseller> <amount>" in english
    finally:
        await bot.stop()


async def test_a_reseller_imported_later_is_prepaid_and_no_news(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    bot = Harness(settings)
    await bot.start()
    try:
        await bot.say(ADMIN, "/start")
        await bot.restart()
        assert len(_notices(bot, ADMIN)) == 1
        await bot.stop()
        bot.settings = settings.model_copy(
            update={"reseller_ids": settings.reseller_ids | {LATER_RESELLER}}
        )
        await bot.start()
        later = await ResellerRepository(bot.database).get(LATER_RESELLER)
        assert later is not None and later.account is AccountKind.PREPAID
        assert len(_notices(bot, ADMIN)) == 1
    finally:
        await bot.stop()
