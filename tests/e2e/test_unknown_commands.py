"""A command the bot does not have gets an answer, never silence, and loses nothing."""

from __future__ import annotations

import pytest

from bot.domain.drafts import Step
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, STRANGER, Harness, text_of


async def test_a_reseller_mid_top_up_is_told_and_keeps_the_draft(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.AMOUNT)
    [reply] = await bot.say(RESELLER, "/historial")
    text = text_of(reply)
    assert "No conozco el comando /historial" in text
    assert "/recarga" in text and "/recibos" in text
    assert "/pendientes" not in text  # an admin's, not theirs

    [summary] = await bot.say(RESELLER, "100")  # the amount step is where it was
    assert text_of(summary).startswith("Revisa la recarga")


async def test_an_admin_hears_of_their_own_commands_too(bot: Harness) -> None:
    [reply] = await bot.say(ADMIN, "/recargaa@recargas_sandbox_bot")
    text = text_of(reply)
    assert "No conozco el comando /recargaa" in text
    assert "/saldo" in text and "/pendientes" in text


async def test_in_english(bot: Harness) -> None:
    [reply] = await bot.say(ENGLISH_RESELLER, "/history")
    assert "I don't know the command /history" in text_of(reply)
    assert "/topup" in text_of(reply)


async def test_anyone_else_hears_of_the_customers_commands(bot: Harness) -> None:
    [reply] = await bot.say(STRANGER, "/recarga_ya")
    text = text_of(reply)
    assert "No conozco el comando /recarga_ya" in text
    assert "/mis_recargas" in text and "/recarga\n" not in text


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("/x&y", "/x&y"),  # shown as typed, escaped for Telegram's HTML
        ("/" + "a" * 64, "/" + "a" * 32 + "…"),  # the longest a bot_command can be
    ],
    ids=["ampersand", "64 characters"],
)
async def test_what_was_typed_is_shown_safely(bot: Harness, typed: str, shown: str) -> None:
    [reply] = await bot.say(RESELLER, typed)
    assert f"No conozco el comando {shown}." in text_of(reply)
