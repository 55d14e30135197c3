"""What the receipt and customer tests share: customers, contacts, reading lists."""

from __future__ import annotations

import re

from devtools.standin import ChatMessage
from tests.harness import Harness

CUSTOMER, ENGLISH_CUSTOMER = 10, 11
FOLIO_LINK = re.compile(r"/(?:recibo|receipt)_(\d{6})")
CUSTOMER_FOLIO = re.compile(r"Folio (\d{6})")
LINK = re.compile(r"https://t\.me/recargas_sandbox_bot\?start=([A-Za-z0-9_-]+)")


def add_customers(bot: Harness) -> None:
    """People who buy top-ups from resellers: not resellers, not admins."""
    bot.telegram.add_user(CUSTOMER, first_name="Carla", language_code="es-MX")
    bot.telegram.add_user(ENGLISH_CUSTOMER, first_name="Chris", language_code="en")


def text(message: ChatMessage) -> str:
    return message.text or ""


def folios(message: ChatMessage) -> list[int]:
    """The folios a history page lists, top to bottom."""
    return [int(folio) for folio in FOLIO_LINK.findall(text(message))]


def customer_folios(message: ChatMessage) -> list[int]:
    return [int(folio) for folio in CUSTOMER_FOLIO.findall(text(message))]


def labels(message: ChatMessage) -> list[str]:
    return [button.text for button in message.buttons]


async def share_contact(
    bot: Harness, user_id: int, phone: str, contact_user_id: int | None
) -> list[ChatMessage]:
    """The user shares a contact; returns the bot messages sent in reply."""
    before = {m.message_id for m in bot.telegram.bot_messages(user_id)}
    bot.pace.step()
    bot.telegram.send_contact(user_id, phone, contact_user_id)
    await bot.wait_until_quiet()
    return [m for m in bot.telegram.bot_messages(user_id) if m.message_id not in before]


async def verified(bot: Harness, user_id: int = CUSTOMER, phone: str = "525537686660") -> None:
    """The customer opens /mis_recargas and shares their own number."""
    await bot.say(user_id, "/mis_recargas")
    done, _listing = await share_contact(bot, user_id, phone, user_id)
    assert text(done).startswith("✅"), text(done)
