"""Sandbox mode: every screen of a sale or a balance says it is a test, in the reader's
language, the customer's copy and a shared receipt included. Live mode shows none."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.i18n import plain
from tests.e2e.receipt_steps import CUSTOMER, LINK, add_customers, text
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, Harness, make_settings

MARK = {
    lang: plain(lang, "sandbox.mark").replace("<b>", "").replace("</b>", "")
    for lang in ("es", "en")
}


@pytest.fixture
async def sandboxed(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = Harness(make_settings(tmp_path, latcom_mode="sandbox"))
    await harness.start()
    add_customers(harness)
    yield harness
    await harness.stop()


def marked(shown: str, lang: str = "es") -> bool:
    return shown.startswith(MARK[lang] + "\n")


async def test_every_sale_and_balance_screen_is_marked_as_a_test(sandboxed: Harness) -> None:
    bot = sandboxed
    receipt = await bot.buy(RESELLER)
    shown = bot.shown(RESELLER, receipt.message_id)
    assert shown and all(marked(step) for step in shown)  # summary, then receipt
    assert "Recarga exitosa" in text(receipt)

    english = await bot.buy(ENGLISH_RESELLER, phone="55 1234 5678")
    assert marked(text(english), "en")

    [balance] = await bot.say(ADMIN, "/saldo")
    assert marked(text(balance))
    [greeting] = await bot.say(ADMIN, "/start")
    assert "🧪 Modo sandbox (LATCOM_MODE=sandbox)" in text(greeting)

    [link] = await bot.tap(RESELLER, "📤", receipt.message_id)
    assert marked(text(link))
    match = LINK.search(text(link))
    assert match is not None
    [copy] = await bot.say(CUSTOMER, f"/start {match[1]}")
    assert marked(text(copy))  # the customer's copy


async def test_live_mode_marks_nothing(bot: Harness) -> None:
    receipt = await bot.buy(RESELLER)
    assert not any(MARK["es"] in step for step in bot.shown(RESELLER, receipt.message_id))
    [balance] = await bot.say(ADMIN, "/saldo")
    assert MARK["es"] not in text(balance)


async def test_a_deposits_card_is_marked_as_a_test(sandboxed: Harness) -> None:
    bot = sandboxed
    await bot.say(ADMIN, "/start")
    await bot.send_photo(RESELLER, "500")
    card = bot.last(ADMIN)
    assert card.photo and marked(card.caption or "")
    await bot.tap(ADMIN, "✅ Aprobar", card.message_id)
    decided = bot.telegram.message(ADMIN, card.message_id).caption or ""
    assert marked(decided) and "Depósito aprobado" in decided
    assert marked(text(bot.last(RESELLER)))  # the reseller's news of it
