"""An edited message is no new input: it is answered with what to do, and changes nothing."""

from __future__ import annotations

from bot.domain.drafts import Step
from bot.domain.purchases import Status
from tests.e2e.settling import PENDING_PHONE, pending_list, sell_pending, stored
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, STRANGER, Harness, text_of

EDIT_ES = (
    "✏️ No leo mensajes editados. Si querías corregir algo, envíalo de nuevo en un mensaje nuevo."
)


def _own(bot: Harness, user_id: int, text: str) -> int:
    """The id of the user's own message reading `text`."""
    [message] = [m for m in bot.telegram.messages(user_id) if not m.from_bot and m.text == text]
    return message.message_id


async def test_an_edited_number_is_not_taken_as_the_amount(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.AMOUNT, phone="55 3768 6660")

    [answer] = await bot.edit(RESELLER, _own(bot, RESELLER, "55 3768 6660"), "55 1234 9951")

    assert text_of(answer) == EDIT_ES
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None and (draft.step, draft.phone) == (Step.AMOUNT, "5537686660")


async def test_an_edit_is_answered_in_the_users_language(bot: Harness) -> None:
    await bot.say(ENGLISH_RESELLER, "/topup")
    await bot.say(ENGLISH_RESELLER, "55 3768 6660")

    [answer] = await bot.edit(ENGLISH_RESELLER, _own(bot, ENGLISH_RESELLER, "55 3768 6660"), "1")

    assert text_of(answer).startswith("✏️ I don't read edited messages.")


async def test_an_edited_reference_is_not_taken_for_another(bot: Harness) -> None:
    await bot.say(ADMIN, "/start")
    purchase = await sell_pending(bot, phone=PENDING_PHONE)
    [question] = await bot.tap(ADMIN, f"✅ {purchase.folio}", (await pending_list(bot)).message_id)
    await bot.reply(ADMIN, question.message_id, "RRN-12")

    [answer] = await bot.edit(ADMIN, _own(bot, ADMIN, "RRN-12"), "RRN-123")

    assert text_of(answer) == EDIT_ES
    settled = await stored(bot, purchase)
    assert (settled.status, settled.reference) == (Status.APPROVED, "RRN-12")


async def test_a_strangers_edit_is_answered_as_anything_they_write(bot: Harness) -> None:
    [refusal] = await bot.say(STRANGER, "hola")
    assert text_of(refusal).startswith("🚫 No tienes acceso a este bot.")

    # As anything else they write just after: the refusal is not sent again so soon.
    assert await bot.edit(STRANGER, _own(bot, STRANGER, "hola"), "hola de nuevo") == []
