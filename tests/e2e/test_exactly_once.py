"""Exactly once, whatever the user or Telegram does: repeated taps, two devices, stale or
forged buttons, and updates delivered twice."""

from __future__ import annotations

import pytest

from bot.domain.drafts import Step
from bot.domain.purchases import Status
from tests.e2e.replay import UpdateRecorder
from tests.harness import ENGLISH_RESELLER, RESELLER, Harness, text_of

ALREADY_PLACED = "Esta recarga ya se envió; no se vuelve a cobrar."
CHANGED = "Este botón es de un resumen anterior. Usa el resumen más reciente."
CANCELLED = "Esta recarga se canceló o la reemplazó otra; no se envió nada."
NOT_YOURS = "Este botón no es de una recarga tuya; no se envió nada."
NOT_FOUND = "Este botón ya no es válido. Escribe /recarga para empezar."


async def nothing_placed(bot: Harness) -> bool:
    return await bot.purchases() == [] and bot.sandbox.received == []


@pytest.mark.parametrize("taps", [2, 5])
async def test_confirm_tapped_again_and_again_places_one_purchase(bot: Harness, taps: int) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    for _ in range(taps):
        bot.telegram.press_button(RESELLER, "✅", summary.message_id)
    await bot.wait_until_quiet()

    [purchase] = await bot.purchases()
    assert purchase.status is Status.APPROVED
    assert bot.sandbox.received == [purchase.distributor_transaction_id]
    assert len(bot.sandbox.charges) == 1
    assert bot.answers(RESELLER)[-taps:].count(ALREADY_PLACED) == taps - 1
    assert text_of(bot.telegram.message(RESELLER, summary.message_id)).startswith(
        "✅ Recarga exitosa"
    )


async def test_second_device_tapping_while_the_purchase_is_in_flight(bot: Harness) -> None:
    # 9970: the provider takes a moment, so the second device's tap lands mid-purchase.
    summary = await bot.reach(RESELLER, Step.CONFIRM, phone="55 1234 9970")
    confirm = summary.buttons[0].callback_data
    assert confirm is not None
    bot.telegram.press_raw(RESELLER, summary.message_id, confirm)  # the phone
    bot.telegram.press_raw(RESELLER, summary.message_id, confirm)  # the desktop app
    await bot.wait_until_quiet()

    [purchase] = await bot.purchases()
    assert purchase.status is Status.APPROVED
    assert len(bot.sandbox.charges) == 1
    assert bot.alerts(RESELLER) == [ALREADY_PLACED]


@pytest.mark.parametrize(
    ("change", "why"),
    [("/cancelar", CANCELLED), ("/recarga", CANCELLED), ("✏️", CHANGED)],
)
async def test_confirm_of_a_changed_or_cancelled_draft_places_nothing(
    bot: Harness, change: str, why: str
) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    confirm = summary.buttons[0].callback_data
    assert confirm is not None
    if change.startswith("/"):
        await bot.say(RESELLER, change)
    else:
        # The draft goes back a step (a newer version) from another screen of it.
        draft = await bot.services.topup.current(RESELLER)
        assert draft is not None
        await bot.press_raw(RESELLER, summary.message_id, f"e:{draft.id}:{draft.version}")

    await bot.press_raw(RESELLER, summary.message_id, confirm)
    assert bot.alerts(RESELLER) == [why]
    assert await nothing_placed(bot)


async def test_confirm_from_an_older_summary_places_nothing(bot: Harness) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None
    await bot.press_raw(RESELLER, summary.message_id, f"c:{draft.id}:{draft.version - 1}")
    assert bot.alerts(RESELLER) == [CHANGED]
    assert await nothing_placed(bot)
    # The summary as shown still works.
    await bot.tap(RESELLER, "✅", summary.message_id)
    assert len(bot.sandbox.charges) == 1


@pytest.mark.parametrize(
    ("forged", "why"),
    [
        ("c:999999:1", NOT_FOUND),
        ("r:999999:1", NOT_FOUND),
        ("c:{draft}:{version}9", CHANGED),
        ("c:{draft}", NOT_FOUND),
        ("c:{draft}:{version}:5537686660", NOT_FOUND),
        ("c:-{draft}:{version}", NOT_FOUND),
        ("c:{draft}:{version};amount=5000", NOT_FOUND),
        ("p:{draft}:{version}:999", CHANGED),  # a product at the confirm step
        ("ñ" * 32, NOT_FOUND),
    ],
)
async def test_forged_callback_data_places_nothing(bot: Harness, forged: str, why: str) -> None:
    summary = await bot.reach(RESELLER, Step.CONFIRM)
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None
    data = forged.format(draft=draft.id, version=draft.version)
    await bot.press_raw(RESELLER, summary.message_id, data)
    assert bot.alerts(RESELLER) == [why]
    assert await nothing_placed(bot)


async def test_confirm_of_another_resellers_draft_places_nothing(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.CONFIRM)
    theirs = await bot.services.topup.current(RESELLER)
    assert theirs is not None
    [mine] = await bot.say(ENGLISH_RESELLER, "/topup")
    for action in ("c", "r"):
        data = f"{action}:{theirs.id}:{theirs.version}"
        await bot.press_raw(ENGLISH_RESELLER, mine.message_id, data)
    assert (
        bot.alerts(ENGLISH_RESELLER)
        == ["This button is not from a top-up of yours; nothing was sent."] * 2
    )
    assert await nothing_placed(bot)
    assert await bot.services.topup.current(RESELLER) == theirs


async def test_an_update_delivered_twice_is_handled_once(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    updates = UpdateRecorder(bot, monkeypatch)
    await bot.reach(RESELLER, Step.PHONE)
    await bot.say(RESELLER, "55 3768 6660")
    typed_phone = updates.last_id
    [draft] = await bot.drafts(RESELLER)
    seen = len(bot.events)

    await updates.replay(typed_phone)
    assert len(bot.events) == seen
    assert await bot.drafts(RESELLER) == [draft]

    await bot.tap(RESELLER, "📱")
    summary = await bot.say(RESELLER, "100")
    await bot.tap(RESELLER, "✅", summary[0].message_id)
    confirm_tap = updates.last_id
    seen = len(bot.events)
    await updates.replay(confirm_tap)
    assert len(bot.events) == seen  # not even an "already sent" answer
    assert len(await bot.purchases()) == 1
    assert len(bot.sandbox.received) == 1


async def test_an_update_delivered_again_after_a_restart_is_handled_once(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    updates = UpdateRecorder(bot, monkeypatch)
    await bot.buy(RESELLER)
    confirm_tap = updates.last_id
    await bot.restart()
    seen = len(bot.events)

    await updates.replay(confirm_tap)
    assert len(bot.events) == seen
    [purchase] = await bot.purchases()
    assert purchase.status is Status.APPROVED
    assert len(bot.sandbox.received) == 1
