"""Texts of the daily cut (/corte) and the admins' report (/reporte).
docs/REPORTS.md says what each figure means."""

TEXTS: dict[str, str] = {
    # What the cut and the report share: sales by status.
    "reports.sales": "🛒 Sales: {count}",
    "reports.approved": "✅ Approved: {count} · {face} sold",
    "reports.declined": "❌ Declined: {count} · {face}",
    "reports.pending": "⏳ Pending verification: {count} · {face}",
    "reports.commission": "💰 Commission earned: {commission}",
    "reports.named": "{name} ({dates})",
    "reports.range": "{first} – {last}",
    "commands.reports": (
        "\n/cashup — your day's cash-up (/cashup yesterday, /cashup 2026-12-01)"
        "\n/chart — chart of sales per day"
        "\n/export — your sales and balance movements as CSV"
        "\n/summary — get your cash-up every day"
    ),
    "commands.admin_reports": (
        "\n/report — sales per reseller, day and product (today, week, month…)"
        "\n/cashup &lt;reseller&gt; — a reseller's cash-up for a day"
        "\n/chart — chart of sales per day"
        "\n/export — sales and balance movements as CSV"
    ),
    "menu.summary.command": "summary",
    "menu.summary": "Get your cash-up every day (or stop it)",
    "menu.cashup.command": "cashup",
    "menu.cashup": "Your day: sales, commission and balance",
    "menu.reseller_cashup.command": "cashup",
    "menu.reseller_cashup": "A reseller's day",
    "menu.report.command": "report",
    "menu.report": "Sales by reseller, day and product",
    # /corte
    "cashup.title_own": "🧾 <b>Your cash-up</b> · {when}",
    "cashup.title_of": "🧾 <b>Cash-up of {shop}</b> ({user_id}) · {when}",
    "cashup.no_sales": "No sales this day.",
    "cashup.paid": "💳 Cost of what was sold: {paid}",
    "cashup.held": "🔒 Held by sales pending verification: {held}",
    "cashup.wallet": "👛 <b>Balance</b>",
    "cashup.start": "At the start of the day: {balance}",
    "cashup.deposits": "+ Deposits ({count}): {amount}",
    "cashup.adjustments": "± Adjustments ({count}): {amount}",
    "cashup.charged": "− Sales charged: {amount}",
    "cashup.end": "= At the end of the day: {balance}",
    "cashup.end_held": "🔒 Held at the end of the day: {held}",
    "cashup.other_days": (
        "ℹ️ A sale is charged the day it is approved: some here were verified on another "
        "day than the sale's."
    ),
    "cashup.usage": "Your cash-up: /cashup, /cashup yesterday or /cashup 2026-12-01.",
    "cashup.not_yours": (
        "❌ I don't read «{typed}» as a day, and you can only see your own cash-up.\n\n"
        "Your cash-up: /cashup, /cashup yesterday or /cashup 2026-12-01."
    ),
    "cashup.name_one": (
        "Say which reseller: <code>/cashup &lt;reseller&gt; [day]</code>, for example "
        "<code>/cashup Lupita yesterday</code>. Everyone's total is in /report."
    ),
    "cashup.one_day": (
        "❌ A cash-up is of one day: today, yesterday or a date (<code>2026-12-01</code>)."
    ),
    # /reporte
    "report.title": "📊 <b>Report</b> · {when}",
    "report.page": "Page {page} of {pages}",
    "report.empty": "No sales in this period.",
    "report.cost": "💳 Cost to the resellers: {paid}",
    "report.held": "🔒 Held by sales pending verification: {held}",
    "report.funds": (
        "💵 Deposits ({deposit_count}): {deposits} · ✏️ Adjustments ({adjustment_count}): "
        "{adjustments}"
    ),
    "report.provider": "🏦 Provider balance: {balance}",
    "report.provider_unknown": "🏦 Provider balance: could not be read now.",
    "report.owed": "👛 Balances of the {count} resellers (what is owed out): {balances}",
    "report.owed_held": "🔒 Held in their wallets now: {held}",
    "report.by_seller": "By reseller",
    "report.by_day": "By day",
    "report.by_product": "By product",
    "report.section": "<b>{section}</b>",
    "report.continued": "<b>{section}</b> (continued)",
    "report.seller_line": (
        "• {name}: ✅ {approved} · {sold} · ❌ {declined} · ⏳ {pending} {pending_face} · "
        "commission {commission}"
    ),
    "report.line": (
        "• {name}: ✅ {approved} · {sold} · ❌ {declined} · ⏳ {pending} {pending_face}"
    ),
    "report.previous": "◀ Previous",
    "report.next": "Next ▶",
    # /resumen and the day's summary (DAILY_SUMMARY_AT)
    "summary.on": "✅ Every day at {at} you'll get your cash-up. To stop it: /summary.",
    "summary.off": "🔕 You'll no longer get your cash-up every day. To get it again: /summary.",
    "summary.admins": "Admins get the day's report at {at} without asking.",
    "summary.disabled": "The daily summary is off (DAILY_SUMMARY_AT is not set).",
    "report.stale": "That report can no longer be shown; ask again with /report.",
}
