"""What each screen looks like, one module per part of the bot."""

from bot.views.customer import contact_keyboard, customer_copy, customer_history, topup_notice
from bot.views.history import history, one_receipt, plain_text, share_link, status_label
from bot.views.receipt import (
    decline_reason,
    pending_alert,
    product_name,
    receipt,
    receipt_actions,
)
from bot.views.safety import (
    already_settled,
    ask_reference,
    confirm_failed,
    outcome_notice,
    pending_page,
    repeat_warning,
    settled_by_another,
    settled_done,
)
from bot.views.topup import (
    QUICK_AMOUNTS,
    Screen,
    ask_amount,
    ask_phone,
    ask_product,
    confirm,
    example_phone,
    processing,
)

__all__ = [
    "QUICK_AMOUNTS",
    "Screen",
    "already_settled",
    "ask_amount",
    "ask_phone",
    "ask_product",
    "ask_reference",
    "confirm",
    "confirm_failed",
    "contact_keyboard",
    "customer_copy",
    "customer_history",
    "decline_reason",
    "example_phone",
    "history",
    "one_receipt",
    "outcome_notice",
    "pending_alert",
    "pending_page",
    "plain_text",
    "processing",
    "product_name",
    "receipt",
    "receipt_actions",
    "repeat_warning",
    "settled_by_another",
    "settled_done",
    "share_link",
    "status_label",
    "topup_notice",
]
