"""English texts, the bot's second language."""

EXAMPLE_PHONE = "55 3768 6660"

TEXTS: dict[str, str] = {
    "start.reseller": "👋 Hi, {name}. This bot sells Movistar top-ups.\n\n",
    "commands.reseller": (
        "/topup — new top-up\n/cancel — cancel the top-up in progress\n/help — help"
    ),
    "edited.ignored": (
        "✏️ I don't read edited messages. If you meant to correct something, send it "
        "again as a new message."
    ),
    "private.only": (
        "👋 I only work in private chats, where nobody else sees your sales or receipts. "
        "Write to me directly: @{bot}. I'm leaving this chat."
    ),
    "unknown.command": "🤔 I don't know the command {command}. These I do:\n\n",
    "commands.customer": (
        "/my_topups — the top-ups to your number\n/alerts — alerts of your top-ups"
    ),
    "start.admin_extra": (
        "\n/balance — the account's balance with the provider"
        "\n/pending — top-ups pending verification"
    ),
    "sandbox.mark": "🧪 <b>TEST</b> · sandbox, no real money",
    "start.sandbox": (
        "\n\n🧪 <b>Sandbox mode</b> (LATCOM_MODE=sandbox): "
        "top-ups go to the embedded sandbox and move no real money."
    ),
    "help": (
        "<b>How to sell a top-up</b>\n"
        "1. /topup\n2. Type the 10-digit number (e.g. {example})\n"
        "3. Choose airtime or a package\n4. Type the amount (airtime)\n"
        "5. Check and confirm with ✅\n\n/cancel leaves at any step. "
        "Shortcut: /topup {example} skips to step 3."
    ),
    "unauthorized": (
        "🚫 You don't have access to this bot.\n"
        "Got a top-up? /my_topups shows the top-ups to your number.\n"
        "To sell, ask an admin to add you with your Telegram ID: <code>{user_id}</code>"
    ),
    "customer.welcome": "👋 With these commands you see the top-ups to your number {phone}:\n\n",
    "unauthorized.alert": "🚫 No access. Your Telegram ID: {user_id}",
    "admins_only": "Only admins can use this command.",
    "error.generic": (
        "😕 Something went wrong on our side. Your top-up in progress is still saved; "
        "try again or type /cancel."
    ),
    "topup.ask_phone": "📱 Type the number to top up (10 digits).\nExample: {example}",
    "phone.empty": "Type the 10-digit number.\nExample: {example}",
    "phone.letters": "A phone number has digits only.\nExample: {example}",
    "phone.length": "A Mexican number has 10 digits and you typed {digits}.\nExample: {example}",
    "phone.old_prefix": (
        "01 is no longer dialled: type just the 10 digits of the mobile.\nExample: {example}"
    ),
    "phone.foreign": "Only Mexican numbers (+52) can be topped up.\nExample: {example}",
    "phone.invalid": "That number doesn't exist in Mexico. Check it.\nExample: {example}",
    "topup.ask_product": "📱 Number: <b>{phone}</b>\n\nWhat would you like to top up?",
    "topup.use_buttons": "Choose an option with the buttons above, or /cancel.",
    "button.airtime": "📱 Airtime",
    "button.package": "📦 Package ${price}",
    "button.change_phone": "✏️ Change number",
    "button.cancel": "❌ Cancel",
    "topup.ask_amount": (
        "📱 {phone} · Airtime\n\n💵 Type the amount in pesos, from ${min} to ${max}, or pick one:"
    ),
    "amount.empty": "Type the amount in whole pesos, from ${min} to ${max}. Example: 100",
    "amount.not_number": "“{text}” is not an amount. Type whole pesos from ${min} to ${max}. "
    "Example: 100",
    "amount.decimal": "Whole pesos only, no cents: from ${min} to ${max}. Example: 100",
    "amount.range": "The amount goes from ${min} to ${max} pesos. Example: 100",
    "amount.package": "This package costs exactly ${price}.",
    "topup.confirm": (
        "<b>Check the top-up</b>\n\n"
        "📱 Number: <b>{phone}</b>\n📦 Product: <b>{product}</b>\n💵 Amount: <b>{amount}</b>\n\n"
        "Is this right?"
    ),
    "button.confirm": "✅ Confirm",
    "button.cancel_confirm": "❌ Cancel",
    "topup.processing": "⏳ Processing the {amount} top-up to {phone}…",
    "callback.processing": "Processing…",
    "topup.cancelled": "Top-up cancelled. Type /topup to start another.",
    "topup.nothing_to_cancel": "There is no top-up in progress. Type /topup to start.",
    "topup.no_draft": "To sell a top-up type /topup.",
    "button.earlier": "This button is from an earlier message. Use the latest one of this top-up.",
    "confirm.already_placed": "This top-up was already sent; it won't be charged again.",
    "confirm.changed": "This button belongs to an older summary. Use the latest one.",
    "confirm.cancelled": "This top-up was cancelled or replaced by a newer one; nothing was sent.",
    "confirm.not_yours": "This button is not from a top-up of yours; nothing was sent.",
    "confirm.restarting": "The bot is restarting; nothing was sent. Tap ✅ again in a minute.",
    "confirm.not_found": "This button is no longer valid. Type /topup to start.",
    "receipt.approved": (
        "✅ <b>Top-up successful</b>\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\n🕒 {when}\n\n"
        "Folio: <code>{folio}</code>{ids}"
    ),
    "receipt.transaction_id": "\nTransaction: <code>{value}</code>",
    "receipt.reference": "\nReference: <code>{value}</code>",
    "receipt.auth_code": "\nAuthorization: <code>{value}</code>",
    "receipt.declined": (
        "❌ <b>Top-up declined</b> — nothing was charged.\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\nFolio: <code>{folio}</code>\n\n"
        "{reason}\n👉 {next}"
    ),
    "receipt.pending": (
        "⏳ <b>Pending verification</b>\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\nFolio: <code>{folio}</code>\n\n"
        "The provider did not confirm the result; it may have been charged.\n"
        "⚠️ <b>Do not sell this top-up again yet.</b> An admin will check it "
        "and we will let you know."
    ),
    "decline.05": "The provider did not authorize the operation.",
    "decline.12": "The provider marked the operation as invalid.",
    "decline.13": "The provider did not accept the amount.",
    "decline.14": "The provider did not accept the package.",
    "decline.51": (
        "The distributor's account with the provider is out of funds; the admins have been told."
    ),
    "decline.83": "The number is not a valid Movistar number or does not exist.",
    "decline.91": "Movistar is not available right now.",
    "decline.unreachable": "We could not reach the provider.",
    "decline.unauthorized": "The provider refused our session.",
    "decline.login_failed": "We could not log in to the provider.",
    "decline.other": "The provider declined the operation (code {code}).",
    "decline.http": "The provider declined the operation (HTTP {status}).",
    "decline.unknown": "The provider declined the operation without saying why.",
    "next.retry_later": "Try again in a few minutes with /topup.",
    "next.sell_again": "You can sell it again with /topup.",
    "next.check_number": "Check the number with your customer and try again with /topup.",
    "next.call_admin": "Tell an admin.",
    "next.wait_for_funds": "Nothing was charged. You can sell again once the account is funded.",
    "next.check_amount": "Check the amount or the package and try again with /topup.",
    "balance.show": "💰 Balance with the provider: <b>{balance}</b>\n🕒 Updated: {when}",
    "balance.error": "The balance could not be read: the provider did not answer. Try later.",
    "receipt.undeliverable": (
        "🧾 Top-up folio <code>{folio}</code>: <b>{status}</b> ({amount} to {phone}). "
        "Telegram did not accept the full receipt; the admins have been told."
    ),
    "admin.undeliverable": (
        "⚠️ <b>A receipt could not be delivered</b>\n"
        "Folio: <code>{folio}</code> · {status}\nSeller: {reseller}\n"
        "Telegram answered: {refusal}\n"
        "The seller got a short notice with the folio and the outcome."
    ),
    "admin.out_of_funds": (
        "🚨 <b>The provider account is out of funds</b>\n"
        "The provider declines top-ups with code 51 (insufficient funds): "
        "no seller can sell until the account is funded.\n"
        "{last}\nCheck with /balance after funding it."
    ),
    "admin.out_of_funds.last": (
        "Last balance the provider reported: <b>{balance}</b> (after folio "
        "<code>{folio}</code>, {when})."
    ),
    "admin.out_of_funds.unknown": "The provider has not reported any balance yet.",
    "admin.pending_alert": (
        "⚠️ <b>Top-up pending verification</b>\n"
        "Folio: <code>{folio}</code>\nTransaction ID: <code>{dtid}</code>\n"
        "Reseller: {reseller}\n📱 {phone} · {product} · {amount}\nReason: {reason}"
    ),
    "restart.pending": (
        "⏳ The bot restarted while your {amount} top-up to {phone} was being processed "
        "(folio <code>{folio}</code>). It is <b>pending verification</b>: "
        "do not sell it again yet."
    ),
    # Each role's command menu
    "menu.topup.command": "topup",
    "menu.topup": "New top-up",
    "menu.cancel.command": "cancel",
    "menu.cancel": "Cancel the top-up in progress",
    "menu.receipts.command": "receipts",
    "menu.receipts": "Your receipts",
    "menu.receipt.command": "receipt",
    "menu.receipt": "One receipt by its folio: /receipt 123",
    "menu.balance.command": "balance",
    "menu.balance": "Balance of the account with the provider",
    "menu.pending.command": "pending",
    "menu.pending": "Top-ups pending verification",
    "menu.my_topups.command": "my_topups",
    "menu.my_topups": "Top-ups to your number",
    "menu.alerts.command": "alerts",
    "menu.alerts": "Notices of top-ups to your number",
    "menu.help.command": "help",
    "menu.help": "Help",
}
