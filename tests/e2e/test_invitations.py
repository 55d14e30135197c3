"""Invitations to sell (issue 14): an admin's /alta makes a one-time link; whoever opens
it answers their shop's name and is a reseller, prepaid at $0, with their menu; the
admins hear who joined. An expired or used link changes nothing."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest

from bot.domain.clock import utcnow
from bot.domain.wallets import AccountKind, JoinedHow, ResellerStatus
from bot.usecases import invitations
from storage.resellers import ResellerRepository
from storage.wallets import WalletRepository
from tests.harness import ADMIN, RESELLER, STRANGER, Harness, text_of

NEWCOMER, OTHER_NEWCOMER = 20, 21
LINK = re.compile(r"https://t\.me/recargas_sandbox_bot\?start=(join_[A-Za-z0-9_-]{32})")
REFUSAL = "🚫 No tienes acceso a este bot."
ASKED = "¿Cómo se llama tu tienda?"


def _newcomers(bot: Harness) -> None:
    bot.telegram.add_user(NEWCOMER, first_name="Nora Ruiz", language_code="es-MX")
    bot.telegram.add_user(OTHER_NEWCOMER, first_name="Otto", language_code="es")


async def _invite(bot: Harness) -> str:
    """The admin's /alta; returns the link's /start payload."""
    [reply] = await bot.say(ADMIN, "/alta")
    found = LINK.search(text_of(reply))
    assert found is not None, text_of(reply)
    assert "vence el" in text_of(reply)
    return found[1]


async def _invitations(bot: Harness) -> list[dict[str, object]]:
    async with bot.database.reading() as conn:
        cursor = await conn.execute("SELECT * FROM invitations ORDER BY id")
        return [dict(row) for row in await cursor.fetchall()]


async def test_whoever_opens_the_link_becomes_a_reseller_once_they_name_their_shop(
    bot: Harness,
) -> None:
    _newcomers(bot)
    payload = await _invite(bot)

    [asked] = await bot.say(NEWCOMER, f"/start {payload}")
    assert ASKED in text_of(asked)
    assert bot.services.people.staff_role(NEWCOMER).sells is False  # not before the answer
    await bot.restart()  # the question is kept in the database

    [welcome] = await bot.say(NEWCOMER, "  Abarrotes   Nora ")
    assert "Abarrotes Nora" in text_of(welcome)
    assert "/deposito" in text_of(welcome) and "/saldo" in text_of(welcome)
    assert "/recarga" in text_of(welcome)
    reseller = await ResellerRepository(bot.database).get(NEWCOMER)
    assert reseller is not None
    assert reseller.shop_name == "Abarrotes Nora"
    assert reseller.account is AccountKind.PREPAID and reseller.credit_limit == 0
    assert reseller.status is ResellerStatus.ACTIVE
    assert reseller.joined_how is JoinedHow.INVITATION
    wallet = await WalletRepository(bot.database).wallet(NEWCOMER)
    assert wallet is not None and (wallet.balance, wallet.available) == (0, 0)
    # The admin who invited hears who joined; the newcomer has the reseller's menu.
    notice = bot.last_text(ADMIN)
    assert "Abarrotes Nora" in notice and "tu invitación" in notice and str(NEWCOMER) in notice
    assert "Nora Ruiz" in notice
    assert bot.telegram.menu(NEWCOMER) == [
        *("recarga", "cancelar", "recibos", "recibo", "saldo", "movimientos", "corte"),
        *("grafica", "exportar", "resumen", "deposito", "ayuda"),
    ]
    # And sells: /recarga asks for the number.
    [ask_phone] = await bot.say(NEWCOMER, "/recarga")
    assert "Escribe el número" in text_of(ask_phone)
    [stored] = await _invitations(bot)
    assert stored["used_by"] == NEWCOMER and stored["joined_at"] is not None


async def test_only_the_tokens_hash_is_stored(bot: Harness) -> None:
    payload = await _invite(bot)
    [stored] = await _invitations(bot)
    assert stored["token_hash"] == hashlib.sha256(payload.encode()).hexdigest()
    assert stored["invited_by"] == ADMIN
    assert payload not in repr(stored)
    assert payload.removeprefix("join_") not in repr(stored)


async def test_two_links_are_never_the_same(bot: Harness) -> None:
    first, second = await _invite(bot), await _invite(bot)
    assert first != second
    assert len(await _invitations(bot)) == 2


async def test_a_used_link_refuses_a_stranger_as_any_stranger_is_and_changes_nothing(
    bot: Harness,
) -> None:
    _newcomers(bot)
    payload = await _invite(bot)
    await bot.say(NEWCOMER, f"/start {payload}")
    await bot.say(NEWCOMER, "Abarrotes Nora")
    before = await _invitations(bot)
    admin_messages = len(bot.telegram.bot_messages(ADMIN))

    [refusal] = await bot.say(OTHER_NEWCOMER, f"/start {payload}")
    assert text_of(refusal).startswith(REFUSAL)
    assert await bot.say(OTHER_NEWCOMER, f"/start {payload}") == []  # once in a while
    assert await bot.say(OTHER_NEWCOMER, "Tienda Otto") == []
    assert await ResellerRepository(bot.database).get(OTHER_NEWCOMER) is None
    assert await _invitations(bot) == before
    assert len(bot.telegram.bot_messages(ADMIN)) == admin_messages


async def test_a_link_opened_but_not_answered_is_still_used(bot: Harness) -> None:
    _newcomers(bot)
    payload = await _invite(bot)
    await bot.say(NEWCOMER, f"/start {payload}")
    [refusal] = await bot.say(OTHER_NEWCOMER, f"/start {payload}")
    assert text_of(refusal).startswith(REFUSAL)
    # Its opener opening it again is asked again.
    [again] = await bot.say(NEWCOMER, f"/start {payload}")
    assert ASKED in text_of(again)


async def test_the_reseller_it_made_opening_it_again_is_told_they_already_are_one(
    bot: Harness,
) -> None:
    _newcomers(bot)
    payload = await _invite(bot)
    await bot.say(NEWCOMER, f"/start {payload}")
    await bot.say(NEWCOMER, "Abarrotes Nora")
    [reply] = await bot.say(NEWCOMER, f"/start {payload}")
    assert text_of(reply).startswith("Ya eres vendedor")


@pytest.mark.parametrize(
    ("opener", "said"), [(ADMIN, "Ya eres administrador"), (RESELLER, "Ya eres vendedor")]
)
async def test_an_admin_or_reseller_opening_a_link_leaves_it_unused(
    bot: Harness, opener: int, said: str
) -> None:
    _newcomers(bot)
    payload = await _invite(bot)
    [reply] = await bot.say(opener, f"/start {payload}")
    assert text_of(reply).startswith(said)
    assert "sigue sin usar" in text_of(reply)
    [stored] = await _invitations(bot)
    assert stored["used_by"] is None
    [asked] = await bot.say(NEWCOMER, f"/start {payload}")  # still good for its newcomer
    assert ASKED in text_of(asked)


async def test_an_expired_link_says_so_and_changes_nothing(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    _newcomers(bot)
    payload = await _invite(bot)
    later = utcnow() + timedelta(hours=24, minutes=1)
    monkeypatch.setattr(invitations, "utcnow", lambda: later)

    [reply] = await bot.say(NEWCOMER, f"/start {payload}")
    assert "venció" in text_of(reply) and "24 horas" in text_of(reply)
    [stored] = await _invitations(bot)
    assert stored["used_by"] is None
    [refusal] = await bot.say(NEWCOMER, "Abarrotes Nora")  # no question was asked
    assert text_of(refusal).startswith(REFUSAL)
    assert await ResellerRepository(bot.database).get(NEWCOMER) is None


async def test_a_link_that_was_never_made_is_refused_as_a_stranger_is(bot: Harness) -> None:
    forged = "join_" + "A" * 32
    [refusal] = await bot.say(STRANGER, f"/start {forged}")
    assert text_of(refusal).startswith(REFUSAL)
    assert await _invitations(bot) == []


async def test_a_shop_name_that_will_not_do_is_asked_again(bot: Harness) -> None:
    _newcomers(bot)
    payload = await _invite(bot)
    await bot.say(NEWCOMER, f"/start {payload}")

    [again] = await bot.say(NEWCOMER, "N" * 65)
    assert "de 1 a 64 caracteres" in text_of(again)
    assert await ResellerRepository(bot.database).get(NEWCOMER) is None
    [welcome] = await bot.say(NEWCOMER, "N" * 64)
    assert "ya eres vendedor" in text_of(welcome)


async def test_two_people_opening_one_link_at_once_one_of_them_has_it(bot: Harness) -> None:
    _newcomers(bot)
    payload = await _invite(bot)
    bot.pace.step()
    bot.telegram.send_text(NEWCOMER, f"/start {payload}")
    bot.telegram.send_text(OTHER_NEWCOMER, f"/start {payload}")
    await bot.wait_until_quiet()

    replies = [bot.last_text(NEWCOMER), bot.last_text(OTHER_NEWCOMER)]
    assert sorted(ASKED in reply for reply in replies) == [False, True]
    assert sum(reply.startswith(REFUSAL) for reply in replies) == 1
    [stored] = await _invitations(bot)
    assert stored["used_by"] in (NEWCOMER, OTHER_NEWCOMER)


async def test_only_admins_invite(bot: Harness) -> None:
    [reply] = await bot.say(RESELLER, "/alta")
    assert text_of(reply) == "Solo los administradores pueden usar este comando."
    [refusal] = await bot.say(STRANGER, "/alta")
    assert text_of(refusal).startswith(REFUSAL)
    assert await _invitations(bot) == []


async def test_an_english_admin_invites_in_english(bot: Harness) -> None:
    bot.telegram.add_user(ADMIN, first_name="Ana Admin", language_code="en")
    [reply] = await bot.say(ADMIN, "/invite")
    assert text_of(reply).startswith("🔗 Invitation for a new reseller")
    assert LINK.search(text_of(reply)) is not None
