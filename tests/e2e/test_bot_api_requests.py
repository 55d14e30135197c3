"""What the bot sends Telegram is what the Bot API defines (finding 11).

PTB's `Defaults(parse_mode=HTML)` used to reach `editMessageReplyMarkup`, a method without
text; bot/telegram_bot.py keeps a default off every method that does not define it. The
stand-in refuses any parameter a method does not define, so every other test catches
the same class of mistake; these pin the defaults themselves.
"""

from __future__ import annotations

from bot.domain.drafts import Step
from bot.telegram_bot import defined_parameters
from tests.harness import RESELLER, Harness


async def test_taking_the_buttons_off_a_summary_sends_no_parse_mode(bot: Harness) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    await bot.say(RESELLER, "/cancelar")  # the old summary loses its buttons

    [dropped] = [
        params
        for method, params in bot.telegram.calls
        if method == "editMessageReplyMarkup" and params["message_id"] == summary.message_id
    ]
    assert "parse_mode" not in dropped
    assert bot.telegram.message(RESELLER, summary.message_id).buttons == []


async def test_messages_still_go_out_as_html(bot: Harness) -> None:
    await bot.say(RESELLER, "/start")

    sent = [params for method, params in bot.telegram.calls if method == "sendMessage"]
    assert sent
    assert all(params["parse_mode"] == "HTML" for params in sent)


def test_the_parameters_of_a_method_are_ptbs_own() -> None:
    assert "parse_mode" in (defined_parameters("sendMessage") or ())
    assert "parse_mode" in (defined_parameters("editMessageText") or ())
    assert "parse_mode" not in (defined_parameters("editMessageReplyMarkup") or ())
    assert defined_parameters("noSuchMethod") is None
