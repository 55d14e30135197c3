"""A reseller's money: /balance, /statement and the balance line of their receipts; and
what admins see of everyone's."""

TEXTS: dict[str, str] = {
    "start.statement": (
        "\n/balance — your balance and commission\n/statement — your balance's movements"
    ),
    "start.admin_statement": "\n/statement — a reseller's movements",
    "menu.my_balance.command": "balance",
    "menu.my_balance": "Your balance, what is held and your commission",
    "menu.statement.command": "statement",
    "menu.statement": "Your balance's movements",
    "menu.reseller_statement.command": "statement",
    "menu.reseller_statement": "A reseller's movements",
    # A reseller's /balance
    "account.title": "💳 <b>Your account</b> — {shop}",
    "account.available": "<b>Available: {available}</b>",
    "account.available_unrestricted": "<b>Available: no limit</b>",
    "account.balance": "Balance: {balance}",
    "account.held_none": "Held in pending sales: {held}",
    "account.held_one": "Held in 1 pending sale: {held}",
    "account.held_many": "Held in {count} pending sales: {held}",
    "account.credit_limit": "Credit limit: {limit}",
    "account.unrestricted": (
        "Credit limit: none (you sell even when your balance falls short; every sale "
        "is still booked)"
    ),
    "account.commission": "Commission: airtime {airtime} · packages {packages}",
    "account.suspended": (
        "⛔ <b>Account suspended</b>: you cannot sell. Your receipts and statement stay "
        "here. Talk to an admin."
    ),
    "account.statement": "Your movements: /statement",
    "account.none": "You have no reseller account. Talk to an admin.",
    # An admin's /balance, after the provider's balance
    "totals.title": "👥 <b>Resellers: {count}</b>",
    "totals.balances": "Their balances added up: <b>{balances}</b>",
    "totals.split": "In their favour: {in_favour} · on credit: {on_credit}",
    "totals.held": "Held in pending sales: {held}",
    "totals.statement": "A reseller's movements: /statement &lt;id or shop&gt;",
    # /statement
    "statement.title": "📒 <b>Your movements</b>",
    "statement.title_of": "📒 <b>Movements of {shop}</b> (<code>{user_id}</code>)",
    "statement.empty": "No movements yet. Your sales and deposits will show here.",
    "statement.empty_of": "No movements in this account yet.",
    "statement.sale": (
        "🧾 <b>Sale</b> · {link}\n{when} · 📱 {phone} · {product} {face}\n"
        "{amount} → Balance: {balance}"
    ),
    "statement.hold": (
        "⏳ <b>Held</b>, {state} · {link}\n{when} · 📱 {phone} · {product} {face}\n"
        "{cost} held · Balance: {balance}"
    ),
    "statement.hold.sending": "in progress",
    "statement.hold.pending": "being verified: charged or released once known",
    "statement.release": (
        "↩️ <b>Not charged</b> · {link}\n{when} · 📱 {phone} · {product} {face}\n"
        "{cost} released · Balance: {balance}"
    ),
    "statement.deposit": "💵 <b>Deposit</b>{note}\n{when}\n{amount} → Balance: {balance}",
    "statement.adjustment": "✏️ <b>Adjustment</b>{note}\n{when}\n{amount} → Balance: {balance}",
    "statement.note": ": {note}",
    "statement.usage": (
        "Type /statement and the reseller: their Telegram id or their shop's name.\n"
        "Example: <code>/statement 123456789</code>"
    ),
    "statement.not_yours": "You can only see your own movements: type /statement.",
    "statement.not_yours_alert": "You can only see your own movements.",
    # The balance line at the end of each of the reseller's receipts
    "after.sale": "\n\n💳 {cost} was taken from your balance.\nBalance: <b>{balance}</b>",
    "after.release": "\n\n💳 Not charged: {cost} released.\nBalance: <b>{balance}</b>",
    "after.hold": (
        "\n\n💳 {cost} stays held from your balance until it is verified.\n"
        "Balance: <b>{balance}</b> · held: {held}"
    ),
}
