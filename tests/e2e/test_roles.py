"""Who may do what: strangers are turned away, admins see the balance, each in their language."""

from __future__ import annotations

import re

import pytest

from bot.domain.drafts import Step
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, STRANGER, Harness, text_of

REFUSAL = "🚫 No tienes acceso a este bot."
SPANISH = re.compile(r"recarga|número|escribe|monto|cancelad", re.IGNORECASE)


@pytest.mark.parametrize(
    "text", ["/start", "/recarga", "/ayuda", "/saldo", "/cancelar", "hola", "55 3768 6660"]
)
async def test_stranger_is_refused_with_their_telegram_id(bot: Harness, text: str) -> None:
    [reply] = await bot.say(STRANGER, text)
    assert text_of(reply).startswith(REFUSAL)
    assert "/mis_recargas" in text_of(reply)  # they may be a customer
    assert text_of(reply).endswith(f"tu ID de Telegram: {STRANGER}")
    assert await bot.drafts(STRANGER) == []


async def test_stranger_forging_a_confirm_is_refused_and_places_nothing(bot: Harness) -> None:
    await bot.reach(RESELLER, Step.CONFIRM)
    draft = await bot.services.topup.current(RESELLER)
    assert draft is not None
    [refusal] = await bot.say(STRANGER, "/start")

    await bot.press_raw(STRANGER, refusal.message_id, f"c:{draft.id}:{draft.version}")
    assert bot.answers(STRANGER) == [f"🚫 No tienes acceso. Tu ID de Telegram: {STRANGER}"]
    assert await bot.purchases() == []
    assert bot.sandbox.received == []
    assert await bot.services.topup.current(RESELLER) == draft
    assert await bot.drafts(STRANGER) == []


async def test_admin_sees_the_provider_balance(bot: Harness) -> None:
    [reply] = await bot.say(ADMIN, "/saldo")
    assert "💰 Saldo con el proveedor: $100,000 MXN" in text_of(reply)


async def test_balance_says_when_the_provider_last_updated_it(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.sandbox, "_last_updated", "2024-12-17T18:30:00.000Z")
    [reply] = await bot.say(ADMIN, "/saldo")
    # 18:30 UTC is 12:30 in Mexico City.
    assert "🕒 Actualizado: 17/12/2024 12:30" in text_of(reply)


async def test_balance_is_lower_after_a_purchase(bot: Harness) -> None:
    await bot.buy(RESELLER, amount="250")
    [reply] = await bot.say(ADMIN, "/saldo")
    assert "💰 Saldo con el proveedor: $99,750 MXN" in text_of(reply)


async def test_reseller_sees_their_own_account_not_the_providers(bot: Harness) -> None:
    [reply] = await bot.say(RESELLER, "/saldo")
    assert text_of(reply).startswith("💳 Tu cuenta — Rita <Tienda>")
    assert "proveedor" not in text_of(reply)
    assert "100,000" not in text_of(reply)


async def test_reseller_refused_the_balance_is_not_told_to_ask_for_access(bot: Harness) -> None:
    # A reseller already has access: the stranger's refusal ("ask an admin to add you")
    # is wrong for them; they should hear that the balance is for admins.
    [reply] = await bot.say(RESELLER, "/saldo")
    assert REFUSAL not in text_of(reply)


async def test_admin_greeting_mentions_the_balance_and_live_mode_no_sandbox(bot: Harness) -> None:
    [reply] = await bot.say(ADMIN, "/start")
    assert "sandbox" not in text_of(reply).lower()  # sandbox mode's: tests/ops/test_sandbox_marks
    assert "/saldo" in text_of(reply)


async def test_reseller_greeting_has_no_sandbox_and_their_own_balance(bot: Harness) -> None:
    [reply] = await bot.say(RESELLER, "/start")
    assert "sandbox" not in text_of(reply).lower()
    assert "/saldo — tu saldo y tu comisión" in text_of(reply)
    assert "/movimientos — los movimientos de tu saldo" in text_of(reply)
    assert "proveedor" not in text_of(reply)
    assert "/recarga" in text_of(reply)


async def test_greeting_shows_an_html_looking_name_literally(bot: Harness) -> None:
    [reply] = await bot.say(RESELLER, "/start")
    assert text_of(reply).startswith("👋 Hola, Rita <Tienda>.")
    assert reply.entities == ()


async def test_english_reseller_sells_in_english(bot: Harness) -> None:
    user = ENGLISH_RESELLER
    [hello] = await bot.say(user, "/start")
    assert text_of(hello).startswith("👋 Hi, Ed.")
    assert "/topup" in text_of(hello)

    [ask] = await bot.say(user, "/topup")
    assert text_of(ask) == "📱 Type the number to top up (10 digits).\nExample: 55 3768 6660"
    [wrong] = await bot.say(user, "12345")
    assert "A Mexican number has 10 digits and you typed 5." in text_of(wrong)
    [products] = await bot.say(user, "55 3768 6660")
    assert "What would you like to top up?" in text_of(products)
    labels = [button.text for button in products.buttons]
    assert "Airtime" in labels[0]
    assert "📦 Package $50" in labels

    [amounts] = await bot.tap(user, "📱")
    assert "Type the amount in pesos, from $10 to $5,000" in text_of(amounts)
    [wrong] = await bot.say(user, "diez")
    assert "“diez” is not an amount" in text_of(wrong)
    [summary] = await bot.say(user, "100")
    assert text_of(summary).startswith("Check the top-up")
    assert "📦 Product: Airtime" in text_of(summary)
    assert "💵 Amount: $100 MXN" in text_of(summary)
    assert [button.text for button in summary.buttons] == ["✅ Confirm", "❌ Cancel"]

    [receipt] = await bot.tap(user, "✅")
    assert text_of(receipt).startswith("✅ Top-up successful")
    assert re.search(r"^🕒 \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$", text_of(receipt), re.M)
    assert [m.text for m in bot.telegram.bot_messages(user) if SPANISH.search(m.text or "")] == []
    assert [text for text in bot.answers(user) if SPANISH.search(text)] == []


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("/help", "How to sell a top-up"),
        ("/cancel", "There is no top-up in progress. Type /topup to start."),
        ("/balance", "💳 Your account — Ed"),
    ],
)
async def test_english_commands_answer_in_english(bot: Harness, command: str, shown: str) -> None:
    [reply] = await bot.say(ENGLISH_RESELLER, command)
    assert text_of(reply).startswith(shown)


async def test_english_cancel_of_an_open_topup(bot: Harness) -> None:
    await bot.reach(ENGLISH_RESELLER, Step.AMOUNT)
    [reply] = await bot.say(ENGLISH_RESELLER, "/cancel")
    assert text_of(reply) == "Top-up cancelled. Type /topup to start another."


SELLING = ["recarga", "cancelar", "recibos", "recibo"]
CUSTOMERS = ["mis_recargas", "avisos"]


async def test_each_role_sees_its_own_command_menu_in_its_language(bot: Harness) -> None:
    # Customers' commands are the default: strangers and customers see only those.
    assert bot.telegram.menu(STRANGER) == CUSTOMERS
    assert bot.telegram.menu(STRANGER, "en") == ["my_topups", "alerts"]
    # A seller who never started the bot could not get a menu at start-up: /start sets it.
    assert bot.telegram.menu(RESELLER) == CUSTOMERS
    await bot.say(RESELLER, "/start")
    await bot.say(ADMIN, "/start")
    assert bot.telegram.menu(RESELLER) == [
        *SELLING,
        "saldo",
        "movimientos",
        "corte",
        "grafica",
        "exportar",
        "resumen",
        "deposito",
        "ayuda",
    ]
    assert bot.telegram.menu(RESELLER, "en") == [
        *("topup", "cancel", "receipts", "receipt", "balance", "statement", "cashup"),
        *("chart", "export", "summary", "deposit", "help"),
    ]
    managing = ["alta", "vendedores", "suspender", "reactivar"]
    terms = ["abonar", "ajustar", "credito", "comision", "limite"]
    assert bot.telegram.menu(ADMIN) == [
        *SELLING,
        "saldo",
        "movimientos",
        "exportar",
        "pendientes",
        *managing,
        *terms,
        "reporte",
        "corte",
        "grafica",
        "ayuda",
    ]
    assert bot.telegram.menu(ADMIN, "en")[-13:] == [
        "invite",
        "resellers",
        "suspend",
        "resume",
        "add_funds",
        "adjust",
        "credit_limit",
        "commission",
        "limits",
        "report",
        "cashup",
        "chart",
        "help",
    ]
    assert bot.telegram.menu(STRANGER) == CUSTOMERS  # nobody else's menu changed


async def test_an_unreachable_chat_stops_no_other_menu_at_start_up(bot: Harness) -> None:
    await bot.say(RESELLER, "/start")
    bot.telegram.forget_menus()  # lost on Telegram's side
    await bot.restart()
    # The admin (first in line) never started the bot and is refused; the reseller after
    # them gets their menu all the same, without a /start.
    assert bot.telegram.menu(ADMIN) == CUSTOMERS
    assert bot.telegram.menu(RESELLER) == [
        *SELLING,
        "saldo",
        "movimientos",
        "corte",
        "grafica",
        "exportar",
        "resumen",
        "deposito",
        "ayuda",
    ]
