"""The admin's side of the fault suite: settling what is pending, as an admin does it.

/pendientes, paged until the purchase shows; "✅ se cobró" under it, then the provider's
reference typed in reply to the question; or "❌ no se cobró", then "❌ Sí, no se cobró".
Each waits until the bot says the purchase is settled, as the admin would.
"""

from __future__ import annotations

from bot.callback_data import Settle
from bot.domain.purchases import Purchase
from devtools.standin import ChatMessage
from tests.faults.chat import Chats, opening

ADMIN = 1
SETTLED = (opening("settle.done_approved"), opening("settle.done_failed"))
NEXT_PAGE = "Siguientes"


async def settle_as_admin(chats: Chats, purchase: Purchase, *, charged: bool) -> None:
    """Settle one pending purchase from its alert, as charged or not charged."""
    telegram = chats.telegram
    button = Settle(purchase.id, charged).encode()
    page = await chats.say(ADMIN, "/pendientes")
    while not any(b.callback_data == button for b in page.buttons):
        [later] = [b.text for b in page.buttons if b.text.startswith(NEXT_PAGE)]
        page = await chats.tap(ADMIN, later, page.message_id)
    question = await _press(chats, page, button)
    seen = len(telegram.bot_messages(ADMIN))
    if charged:
        telegram.send_text(ADMIN, f"REF-{purchase.id}", reply_to=question.message_id)
    else:
        telegram.press(ADMIN, question.message_id, Settle(purchase.id, False, True).encode())

    def settled() -> ChatMessage | None:
        told = telegram.bot_messages(ADMIN)[seen:]
        return next((m for m in told if (m.text or "").startswith(SETTLED)), None)

    done = await chats.until(settled)
    assert purchase.folio in (done.text or ""), done


async def _press(chats: Chats, message: ChatMessage, data: str) -> ChatMessage:
    """Press a button of `message`; the bot's question comes as a new message."""
    telegram = chats.telegram
    seen = len(telegram.bot_messages(ADMIN))
    telegram.press(ADMIN, message.message_id, data)

    def asked() -> ChatMessage | None:
        told = telegram.bot_messages(ADMIN)
        return told[seen] if len(told) > seen and not chats.unanswered(ADMIN) else None

    return await chats.until(asked)
