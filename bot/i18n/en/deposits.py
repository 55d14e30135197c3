"""Deposits resellers report, and admins' credits and adjustments."""

_HOW = (
    "To report a deposit, send the photo of the voucher with the amount as its caption "
    "(e.g. 1500), or type <code>/deposit 1500</code> and then send the photo."
)

TEXTS: dict[str, str] = {
    # The reseller reports
    "deposits.ask_amount": "💵 How much did you deposit?\n\n" + _HOW,
    "deposits.amount.not_a_number": (
        "“{text}” is not an amount. Type pesos, e.g. 1500 or 1,500.50. Nothing was recorded."
    ),
    "deposits.amount.not_positive": (
        "The amount must be more than $0, e.g. 1500. Nothing was recorded."
    ),
    "deposits.amount.too_much": (
        "The amount is at most {maximum}. Check the figure; nothing was recorded."
    ),
    "deposits.awaiting_photo": (
        "📸 Deposit of <b>{amount}</b>. Now send the photo of the voucher (bank or store). "
        "If it does not arrive within 30 minutes, the report is dropped."
    ),
    "deposits.replaced": "\n\nIt replaces your previous report, still waiting for its photo.",
    "deposits.submitted": (
        "📨 Your deposit of <b>{amount}</b> went to the admins. We will tell you as soon "
        "as they review it."
    ),
    "deposits.nobody_reached": (
        "📨 We saved your deposit of <b>{amount}</b>, but could not show it to any admin "
        "right now. Please let them know."
    ),
    "deposits.no_pending": (
        "📸 No deposit of yours is waiting for its photo; nothing was recorded.\n\n" + _HOW
    ),
    "deposits.no_pending_dropped": (
        "⌛ Your deposit report of {amount} was dropped: its photo did not arrive within "
        "30 minutes. Nothing was recorded.\n\n" + _HOW
    ),
    "deposits.still_selling": "\n\nYour top-up in progress stays where it was.",
    "deposits.no_account": (
        "Only resellers report deposits. To add funds to a reseller, use /add_funds."
    ),
    "deposits.dropped_notice": (
        "⌛ Your deposit report of {amount} was dropped: the photo of the voucher did not "
        "arrive within 30 minutes.\n\n" + _HOW
    ),
    "deposits.approved_notice": (
        "✅ Your deposit of <b>{amount}</b> was approved.\n<b>Available: {available}</b>"
    ),
    "deposits.rejected_notice": (
        "❌ Your deposit of <b>{amount}</b> was not approved; nothing was added. If you "
        "think this is a mistake, talk to an admin."
    ),
    # Each admin's card
    "deposits.card.submitted": "💵 <b>Deposit to approve</b>",
    "deposits.card.approved": "✅ <b>Deposit approved</b>",
    "deposits.card.rejected": "❌ <b>Deposit rejected</b>",
    "deposits.card": (
        "{heading}\n\nReseller: {shop} ({user_id})\nAmount: <b>{amount}</b>\nReported: {when}"
    ),
    "deposits.card.decided.approved": "\n\nApproved by {admin}, {when}",
    "deposits.card.decided.rejected": "\n\nRejected by {admin}, {when}",
    "button.deposit_approve": "✅ Approve",
    "button.deposit_reject": "❌ Reject",
    "callback.deposit_approved": "Approved: {amount} added to {shop}.",
    "callback.deposit_rejected": "Rejected; nothing was added.",
    "callback.deposit_untold": " The reseller could not be told.",
    "deposits.already.approved": "{admin} already approved this deposit on {when}. "
    "Nothing changed.",
    "deposits.already.rejected": "{admin} already rejected this deposit on {when}. "
    "Nothing changed.",
    "deposits.already.other": "This deposit is no longer awaiting approval. Nothing changed.",
    "deposits.not_found": "This deposit does not exist. Nothing changed.",
    # Admins' credits and adjustments
    "funds.usage_add": (
        "Type /add_funds, the reseller (their Telegram ID or shop name), the amount and, "
        "if you like, a note.\nExample: <code>/add_funds 123456789 500 cash</code>"
    ),
    "funds.usage_adjust": (
        "Type /adjust, the reseller (their Telegram ID or shop name), the signed amount "
        "and the reason.\nExample: <code>/adjust 123456789 -50 top-up charged twice</code>"
    ),
    "funds.reason_required": (
        "An adjustment needs its reason; nothing was recorded.\n"
        "Example: <code>/adjust 123456789 -50 top-up charged twice</code>"
    ),
    "funds.note_too_long": (
        "A note has at most {maximum} characters and yours has {length}. Nothing was recorded."
    ),
    "funds.added": (
        "✅ You added <b>{amount}</b> to {shop} ({user_id}).\n"
        "Balance: {balance}\nAvailable: {available}"
    ),
    "funds.adjusted": (
        "✅ Adjustment of <b>{amount}</b> to {shop} ({user_id}).\nReason: {reason}\n"
        "Balance: {balance}\nAvailable: {available}"
    ),
    "funds.told": "\nThey were told.",
    "funds.untold": "\nThey could not be told (they have not started the bot or blocked it).",
    "funds.added_notice": (
        "💵 An admin added <b>{amount}</b> to your account.{note}\n<b>Available: {available}</b>"
    ),
    "funds.note_line": "\nNote: {note}",
    "funds.adjusted_notice": (
        "🧾 Adjustment to your account: <b>{amount}</b>\nReason: {reason}\n"
        "<b>Available: {available}</b>"
    ),
    # Commands, menu and help
    "commands.deposits": "\n/deposit — report a deposit",
    "commands.funds": (
        "\n/add_funds — add funds to a reseller\n/adjust — correct a reseller's balance"
    ),
    "help.deposits": (
        "\n\n<b>How to add funds</b>\n1. Deposit into the distributor's account\n"
        "2. Send the photo of the voucher with the amount as its caption (e.g. 1500), or "
        "<code>/deposit 1500</code> and then the photo\n"
        "3. Once an admin approves it, we tell you your available balance"
    ),
    "help.funds": (
        "\n\n<b>Resellers' balances</b>\nThe deposits they report reach you with "
        "✅ Approve / ❌ Reject.\n"
        "<code>/add_funds &lt;reseller&gt; &lt;amount&gt; [note]</code> — add funds\n"
        "<code>/adjust &lt;reseller&gt; &lt;±amount&gt; &lt;reason&gt;</code> — correct them\n"
        "The reseller is their Telegram ID or shop name."
    ),
    "menu.deposit.command": "deposit",
    "menu.deposit": "Report a deposit",
    "menu.add_funds.command": "add_funds",
    "menu.add_funds": "Add funds to a reseller",
    "menu.adjust.command": "adjust",
    "menu.adjust": "Correct a reseller's balance",
}
