"""Managing resellers: invitations, adding one, the list, suspensions."""

TEXTS: dict[str, str] = {
    # /invite with nothing else: the invitation
    "invite.link": (
        "🔗 <b>Invitation for a new reseller</b>\n\n"
        "Send them this link:\n{link}\n\n"
        "It works once and expires on {expires}. Whoever opens it says their shop's name "
        "and becomes a reseller: a prepaid account with a $0.00 balance."
    ),
    "invite.ask_shop_name": (
        "👋 Welcome! You were invited to sell Movistar top-ups.\n\n"
        "What is your shop called? Type it in a message (up to 64 characters)."
    ),
    "invite.bad_shop_name": (
        "That name won't do. Type your shop's name in a message, 1 to 64 characters."
    ),
    "invite.expired": (
        "⌛ This invitation has expired (they last 24 hours). Ask the admin for a new one."
    ),
    "invite.already_admin": (
        "You are an admin already. The invitation is still unused: forward it to whoever "
        "will sell."
    ),
    "invite.already_reseller": (
        "You are a reseller already. The invitation is still unused: forward it to whoever "
        "will sell."
    ),
    "invite.welcome": (
        "✅ Done, <b>{shop}</b>: you are a reseller now.\n\n"
        "Your account is prepaid: you sell with the funds you add. To add funds, make a "
        "deposit and send /deposit with the amount and a photo of the voucher; an admin "
        "approves it. Your balance: /balance.\n\n"
    ),
    "invite.joined.yours": (
        "🆕 <b>{shop}</b> joined as a reseller with your invitation ({name}, ID "
        "<code>{user_id}</code>). Prepaid account, $0.00 balance."
    ),
    "invite.joined.other": (
        "🆕 <b>{shop}</b> joined as a reseller with admin <code>{admin_id}</code>'s "
        "invitation ({name}, ID <code>{user_id}</code>). Prepaid account, $0.00 balance."
    ),
    # /invite <id> <shop>
    "add.usage": (
        "To invite someone, send /invite with nothing else and forward them the link.\n"
        "To add one directly: /invite &lt;Telegram ID&gt; &lt;shop name&gt;\n"
        "Example: <code>/invite 123456789 Lupita's Store</code>"
    ),
    "add.bad_shop_name": (
        "The shop's name is missing or won't do (1 to 64 characters). Nothing changed.\n"
        "Example: <code>/invite 123456789 Lupita's Store</code>"
    ),
    "add.admin": (
        "That ID is an admin's (ADMIN_IDS), and an admin is no reseller. Nothing changed."
    ),
    "add.added": (
        "✅ <b>{shop}</b> (ID <code>{user_id}</code>) is a reseller now: prepaid account, "
        "$0.00 balance. To see their commands, they open the bot and send /start."
    ),
    "add.renamed": (
        "✏️ <code>{user_id}</code> was a reseller already: their shop was «{before}» and is "
        "now <b>{shop}</b>. Nothing else changed."
    ),
    # /resellers
    "list.header": "🏪 <b>Resellers</b>: {total} · page {page} of {pages}",
    "list.empty": "No resellers yet. Invite one with /invite.",
    "list.line": (
        "<b>{shop}</b> · <code>{user_id}</code> · {status}\n"
        "{account} · balance {balance}{held}\n"
        "Sales today: {sales} · {sold}"
    ),
    "list.active": "✅ active",
    "list.suspended": "⛔ suspended",
    "list.prepaid": "prepaid, credit {limit}",
    "list.unrestricted": "unrestricted",
    "list.held": " ({held} held)",
    "button.list_previous": "◀ Previous",
    "button.list_next": "Next ▶",
    # /suspend, /resume
    "suspend.usage": "Who? /suspend &lt;ID or shop name&gt;",
    "resume.usage": "Who? /resume &lt;ID or shop name&gt;",
    "suspend.done": (
        "⛔ <b>{shop}</b> (<code>{user_id}</code>) is suspended: they sell nothing from now "
        "on, not even from a summary on their screen. They still see their receipts. "
        "/resume undoes it."
    ),
    "suspend.already": (
        "<b>{shop}</b> (<code>{user_id}</code>) was suspended already. Nothing changed."
    ),
    "resume.done": "✅ <b>{shop}</b> (<code>{user_id}</code>) can sell again.",
    "resume.already": (
        "<b>{shop}</b> (<code>{user_id}</code>) was active already. Nothing changed."
    ),
    "status.told": "\nThey were told.",
    "status.not_told": "\nThey could not be told (perhaps they never opened the bot).",
    "suspend.notice": (
        "⛔ An admin suspended your account: you cannot make top-ups for now. Your "
        "receipts are still in /receipts."
    ),
    "resume.notice": "✅ Your account is active again: you can sell with /topup.",
    "topup.suspended": (
        "⛔ Your account is suspended: you cannot start top-ups. Your receipts are still in "
        "/receipts and /receipt. Talk to an admin."
    ),
    # At start, once
    "unrestricted.notice": (
        "ℹ️ <b>Unrestricted resellers</b>\n\n"
        "With wallets, the resellers already in RESELLER_IDS were made unrestricted, so "
        "that nobody stopped selling: they sell as before and every sale is booked to "
        "their account.\n\n{resellers}\n\n"
        "To make one prepaid (selling only what they pay in, plus the credit you give "
        "them): /credit_limit &lt;reseller&gt; &lt;amount&gt;, for example "
        "<code>/credit_limit {example} 500</code> (prepaid with $500.00 of credit). This "
        "notice is not repeated."
    ),
    "unrestricted.more": "… and {count} more (/resellers)",
    # An admin's /start
    "start.admin_resellers": (
        "\n/invite — invite or add a reseller"
        "\n/resellers — resellers, balances and today's sales"
        "\n/suspend — suspend a reseller"
        "\n/resume — reactivate a reseller"
    ),
    # Command menu
    "menu.invite.command": "invite",
    "menu.invite": "Invite or add a reseller",
    "menu.resellers.command": "resellers",
    "menu.resellers": "Resellers: balances and today's sales",
    "menu.suspend.command": "suspend",
    "menu.suspend": "Suspend a reseller",
    "menu.resume.command": "resume",
    "menu.resume": "Reactivate a reseller",
}
