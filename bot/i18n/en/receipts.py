"""Texts of receipts, customers and shared links."""

TEXTS: dict[str, str] = {
    "start.receipts": "\n/receipts — your receipts",
    # A top-up's status, in lists and receipts
    "status.approved": "✅ Approved",
    "status.declined": "❌ Declined",
    "status.pending": "⏳ Pending verification",
    "status.sending": "⏳ In progress",
    # /receipts
    "history.title": "🧾 <b>Your receipts</b>",
    "history.title_phone": "🧾 <b>Your receipts for {phone}</b>",
    "history.title_all": "🧾 <b>Receipts of every reseller</b>",
    "history.title_all_phone": "🧾 <b>Receipts for {phone}, every reseller</b>",
    "history.line": "{when} · {status}\n📱 {phone} · {product} · {amount} · {link}",
    "history.link": "/receipt_{folio}",
    "history.seller": "\n👤 {seller}",
    "history.empty": "No receipts yet. Type /topup to sell a top-up.",
    "history.empty_phone": "No receipts for {phone}.",
    "history.gone": "This list is no longer valid. Type /receipts to see it again.",
    "button.newer": "◀ Newer",
    "button.older": "Older ▶",
    # /receipt <folio>
    "receipt.usage": (
        "Type the receipt's folio, for example: /receipt 000012\nAll your receipts: /receipts"
    ),
    "receipt.not_found": (
        "I found no receipt of yours with folio {folio}. Check the number or look for it "
        "in /receipts."
    ),
    "receipt.gone": "I found no such receipt among yours.",
    "receipt.seller": "👤 Reseller: {seller}\n\n",
    "button.repeat": "🔁 Repeat",
    "button.share": "📤 Share",
    "repeat.not_now": "This top-up is pending verification: don't sell it again yet.",
    "repeat.unavailable": "That product is no longer sold. Type /topup.",
    "repeat.suspended": (
        "⛔ Your account is suspended: you cannot sell. Your receipts are still here. Talk "
        "to an admin."
    ),
    "share.link": (
        "📤 <b>Receipt for your customer</b>\n\n"
        "Send them this link; opening it in Telegram shows the receipt of the top-up "
        "to {phone}:\n{link}\n\nIt shows this top-up only: not your details, nor your other sales."
    ),
    # Shared link: the customer copy
    "shared.copy": (
        "🧾 <b>Top-up receipt</b>\n\n"
        "Company: Movistar\nProduct: {product}\nNumber: {phone}\nAmount: {amount}\n"
        "Date and time: {when}\nFolio: <code>{folio}</code>\n"
        "Authorization number: <code>{auth_code}</code>\n"
        "Reference: <code>{reference}</code>\nStatus: {status}\n\n"
        "Keep this receipt for any claim.\n\n"
        "Is this your number? See all its top-ups with /my_topups"
    ),
    "shared.not_charged": (
        "This top-up has no receipt: it did not go through or is still being verified."
    ),
    "share.not_charged": "Only a successful top-up has a receipt for the customer.",
    "shared.invalid": (
        "This link is not valid. Check that it is complete, or ask whoever topped you up "
        "for the receipt again."
    ),
    "shared.slow_down": "Too many invalid links. Wait a few minutes and try again.",
    # /my_topups: verifying the number
    "customers.ask_contact": (
        "📱 To see the top-ups to your number, share it with the "
        "<b>“Share my number”</b> button below.\n\n"
        "Only your own Telegram account's number is accepted: that way nobody else can see "
        "your top-ups."
    ),
    "button.share_contact": "📱 Share my number",
    "customers.not_own": (
        "That is someone else's contact. You can only see the top-ups of your own number: "
        "use the “Share my number” button."
    ),
    "customers.no_user_id": (
        "That contact is not linked to a Telegram account, so we can't tell it is yours. "
        "Use the “Share my number” button."
    ),
    "customers.typed": (
        "For your safety typed numbers are not accepted: anyone could type someone else's. "
        "Use the “Share my number” button below."
    ),
    "customers.not_mexican": (
        "Your Telegram account's number is not Mexican, so it has no Movistar México top-ups here."
    ),
    "customers.verified": (
        "✅ Number verified: <b>{phone}</b>.\n"
        "🔔 We'll tell you here when a top-up to this number is approved "
        "(/alerts turns these notices on or off)."
    ),
    # /my_topups: the list
    "customers.title": "📋 <b>Top-ups to {phone}</b>",
    "customers.line": "{when} · {status}\n{product} · {amount} · Folio {folio}{auth}",
    "customers.auth": " · Auth. {auth_code}",
    "customers.empty": "No top-ups to {phone} in this bot yet.",
    "customers.not_verified": "First verify your number with /my_topups.",
    # /alerts and the notice itself
    "alerts.on": (
        "🔔 Notices on: we'll tell you here when a top-up to {phone} is approved. "
        "/alerts turns them off."
    ),
    "alerts.off": "🔕 Notices off for {phone}. /alerts turns them on again.",
    "customers.notice_auth": "\nAuthorization: <code>{auth_code}</code>",
    "customers.notice": (
        "✅ <b>Top-up received</b>\n\n"
        "Your number {phone} received a Movistar top-up of {amount} ({product}).\n"
        "🕒 {when}\nFolio: <code>{folio}</code>{auth}\n\n"
        "All your top-ups: /my_topups · Stop these notices: /alerts"
    ),
}
