"""Whatever a reseller types or a client forges, the bot says what is wrong and stays put."""

from __future__ import annotations

import pytest

from bot.domain.drafts import Refusal, Step
from bot.i18n import plain
from tests.harness import ENGLISH_RESELLER, RESELLER, Harness, text_of

PHONE_EXAMPLE = "Ejemplo: 55 3768 6660"
AMOUNT_RANGE = "de $10 a $5,000"


def refusal(reason: Refusal) -> str:
    return plain("es", f"confirm.{reason}")


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("abc", "solo lleva dígitos"),
        ("12345", "tiene 10 dígitos y escribiste 5"),
        ("+1 212 555 0100", "Solo se recargan números de México (+52)"),
        ("0000000000", "no existe en México"),
        ("5" * 4000, "tiene 10 dígitos y escribiste 4000"),
        ("<b>5</b>", "solo lleva dígitos"),
    ],
    ids=["letters", "short", "foreign", "unassigned", "4000 digits", "html"],
)
async def test_bad_phone_is_explained_and_the_step_stays(
    bot: Harness, typed: str, problem: str
) -> None:
    await bot.reach(RESELLER, Step.PHONE)
    [reply] = await bot.say(RESELLER, typed)
    assert problem in text_of(reply)
    assert PHONE_EXAMPLE in text_of(reply)

    [screen] = await bot.say(RESELLER, "55 3768 6660")
    assert "¿Qué quieres recargar?" in text_of(screen)
    assert screen.buttons


async def test_a_contact_card_at_the_phone_step_is_its_number(bot: Harness) -> None:
    # Resellers often share the customer's card from the address book instead of typing.
    await bot.reach(RESELLER, Step.PHONE)
    [screen] = await bot.send_contact(RESELLER, "+52 55 3768 6660")
    assert "📱 Número: 55 3768 6660" in text_of(screen)
    assert "Tiempo aire" in screen.buttons[0].text


USE_BUTTONS = "Elige una opción con los botones del mensaje de arriba, o /cancelar."


async def test_text_at_the_product_step_points_to_the_buttons(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.PRODUCT)
    [reply] = await bot.say(RESELLER, "Tiempo aire")
    assert text_of(reply) == USE_BUTTONS

    [screen] = await bot.tap(RESELLER, "📱")
    assert "Escribe el monto en pesos" in text_of(screen)


async def test_text_at_the_confirm_step_points_to_the_buttons(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.CONFIRM)
    [reply] = await bot.say(RESELLER, "sí")
    assert text_of(reply) == USE_BUTTONS
    assert bot.sandbox.received == []

    [receipt] = await bot.tap(RESELLER, "✅")
    assert text_of(receipt).startswith("✅ Recarga exitosa")


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("10.50", "Solo pesos enteros, sin centavos"),
        ("0", "El monto va de $10 a $5,000 pesos"),
        ("-5", "El monto va de $10 a $5,000 pesos"),
        ("5001", "El monto va de $10 a $5,000 pesos"),
        ("diez", "«diez» no es un monto"),
        ("1e3", "«1e3» no es un monto"),
        ("<b>5</b>", "«<b>5</b>» no es un monto"),
        ("9" * 4000, "El monto va de $10 a $5,000 pesos."),
        ("9" * 30 + "x" * 20, f"«{'9' * 30}{'x' * 9}…» no es un monto"),  # cut, shown cut
    ],
    ids=[
        "cents",
        "zero",
        "negative",
        "too much",
        "words",
        "exponent",
        "html",
        "4000 digits",
        "long words",
    ],
)
async def test_bad_amount_is_explained_with_the_range_and_the_step_stays(
    bot: Harness, typed: str, problem: str
) -> None:
    await bot.reach(RESELLER, Step.AMOUNT)
    [reply] = await bot.say(RESELLER, typed)
    assert problem in text_of(reply)
    assert AMOUNT_RANGE in text_of(reply)

    [summary] = await bot.say(RESELLER, "100")
    assert "💵 Monto: $100 MXN" in text_of(summary)
    assert bot.sandbox.received == []


@pytest.mark.parametrize(
    ("step", "forged", "reason"),
    [
        (Step.PRODUCT, "p:{draft}:{version}:50", Refusal.NOT_FOUND),
        (Step.PRODUCT, "p:{draft}:{version}:999999", Refusal.NOT_FOUND),
        (Step.PRODUCT, "a:{draft}:{version}:100", Refusal.CHANGED),
        (Step.PRODUCT, "c:{draft}:{version}", Refusal.CHANGED),
        (Step.AMOUNT, "a:{draft}:{version}:5001", Refusal.NOT_FOUND),
        (Step.AMOUNT, "a:{draft}:{version}:1", Refusal.NOT_FOUND),
        (Step.CONFIRM, "c:{draft}:99", Refusal.CHANGED),
        (Step.CONFIRM, "c:999:{version}", Refusal.NOT_FOUND),
        (Step.CONFIRM, "c:{draft}:{older}", Refusal.CHANGED),
        (Step.CONFIRM, "p:{draft}:{version}:2", Refusal.CHANGED),
        (Step.CONFIRM, "c:{draft}", Refusal.NOT_FOUND),
        (Step.CONFIRM, "garbage", Refusal.NOT_FOUND),
        (Step.CONFIRM, "c:{draft}:{version}:'; DROP TABLE drafts; --", Refusal.NOT_FOUND),
    ],
)
async def test_forged_button_changes_nothing(
    bot: Harness, step: Step, forged: str, reason: Refusal
) -> None:
    screen = await bot.reach(RESELLER, step)
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None
    data = forged.format(draft=draft.id, version=draft.version, older=draft.version - 1)

    await bot.press_raw(RESELLER, screen.message_id, data)
    assert bot.alerts(RESELLER) == [refusal(reason)]
    assert await bot.services.topup.current(RESELLER) == draft
    assert await bot.purchases() == []
    assert bot.sandbox.received == []


async def test_confirm_forged_for_another_resellers_draft_places_nothing(bot: Harness) -> None:
    theirs = await bot.reach(ENGLISH_RESELLER, Step.CONFIRM)
    draft = await bot.services.topup.current(ENGLISH_RESELLER)
    assert draft is not None
    [mine] = await bot.say(RESELLER, "/start")

    await bot.press_raw(RESELLER, mine.message_id, f"c:{draft.id}:{draft.version}")
    assert bot.alerts(RESELLER) == [refusal(Refusal.NOT_YOURS)]
    assert await bot.purchases() == []
    assert await bot.services.topup.current(ENGLISH_RESELLER) == draft
    # Their own summary still works.
    await bot.tap(ENGLISH_RESELLER, "✅", theirs.message_id)
    [purchase] = await bot.purchases()
    assert purchase.reseller_id == ENGLISH_RESELLER
