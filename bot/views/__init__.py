"""What each screen looks like, one module per part of the bot."""

from bot.views.receipt import decline_reason, pending_alert, product_name, receipt
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
    "ask_amount",
    "ask_phone",
    "ask_product",
    "confirm",
    "decline_reason",
    "example_phone",
    "pending_alert",
    "processing",
    "product_name",
    "receipt",
]
