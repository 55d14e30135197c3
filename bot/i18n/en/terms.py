"""A reseller's terms: account and credit, commission, limits."""

TEXTS: dict[str, str] = {
    "terms.account.unrestricted": "Account: unrestricted (sells with no balance; all booked)",
    "terms.account.prepaid": "Account: prepaid, with {limit} of credit",
    "terms.commission.own": "Own commission: airtime {airtime}, packages {package}",
    "terms.commission.default": "Commission: airtime {airtime}, packages {package}",
    "terms.limits.none": "no limit",
    "terms.limits.line": "Limits: per sale {per_sale}, per day {per_day}",
    "terms.changed": "✅ Done. <b>{shop}</b> (<code>{user_id}</code>)\n{terms}",
    "terms.notice": "ℹ️ An admin changed your account.\n{terms}{available}",
    "terms.notice.available": "\n<b>Available: {available}</b>",
    "terms.default_changed": "✅ Done. For every reseller without their own commission:\n{terms}",
    "terms.overview": (
        "💼 <b>Commissions</b>\n{default} (for everyone)\n\n<b>With their own</b>\n{own}\n\n"
        "Change: /commission &lt;reseller|all&gt; &lt;airtime %&gt; &lt;packages %&gt;\n"
        "Remove their own: /commission &lt;reseller&gt; default"
    ),
    "terms.overview.own": "• {shop} (<code>{user_id}</code>): {terms}",
    "terms.overview.more": "… and {count} more",
    "terms.overview.nobody": "Nobody.",
    "terms.credit.usage": (
        "Type: /credit_limit &lt;reseller&gt; &lt;amount&gt;, e.g. "
        "<code>/credit_limit 123456789 500</code>: they may sell up to $500.00 more than "
        "they have. With 0 they sell only what they have; with «unlimited», with no balance."
    ),
    "terms.credit.amount": (
        "«{typed}» is not an amount. Type pesos, like 500 or 1,250.50 (or 0, or «unlimited»)."
    ),
    "terms.commission.usage": (
        "Type: /commission &lt;reseller|all&gt; &lt;airtime %&gt; &lt;packages %&gt;, e.g. "
        "<code>/commission all 3 5</code> or <code>/commission Lupita 3.5 6</code>. To "
        "remove their own: <code>/commission &lt;reseller&gt; default</code>."
    ),
    "terms.commission.percent": (
        "«{typed}» is not a percentage from 0 to 100 (two decimals at most)."
    ),
    "terms.limits.usage": (
        "Type: /limits &lt;reseller&gt; &lt;per sale&gt; &lt;per day&gt;, e.g. "
        "<code>/limits 123456789 500 3000</code>; a dash (-) is no limit."
    ),
    "terms.limits.amount": "«{typed}» is not an amount. Type pesos, like 500, or - for none.",
    "terms.limits.order": "The per-sale limit cannot be above the per-day limit.",
    "start.admin_terms": (
        "\n/credit_limit — a reseller's credit, or an unrestricted account"
        "\n/commission — commissions, for everyone or for one"
        "\n/limits — limits per sale and per day"
    ),
    "menu.credit_limit.command": "credit_limit",
    "menu.credit_limit": "A reseller's credit",
    "menu.commission.command": "commission",
    "menu.commission": "Commissions",
    "menu.limits.command": "limits",
    "menu.limits": "Limits per sale and per day",
}
