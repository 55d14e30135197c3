"""A reseller's wallet as they sell (✅)."""

TEXTS: dict[str, str] = {
    "confirm.suspended": "Your account is suspended; nothing was sent. Talk to an admin.",
    "wallet.short": (
        "💳 <b>Not enough balance</b>; nothing was sent.\n\n"
        "This top-up costs you {cost}.\n"
        "<b>Available: {available}</b>\n\n"
        "To add funds, make a deposit and send /deposit with the amount and a photo of "
        "the voucher. Once an admin approves it, tap ✅ again."
    ),
    "wallet.over_per_sale": (
        "This top-up is over your per-sale limit of {maximum}; nothing was sent."
    ),
    "wallet.over_per_day": (
        "This top-up would pass your daily limit of {maximum} (sold today: {sold}); "
        "nothing was sent."
    ),
    "callback.short": "Not enough balance; nothing was sent.",
    "callback.limited": "Limit reached; nothing was sent.",
}
