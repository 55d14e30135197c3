"""Texts of /chart: the picture of sales per day, its caption and why none is sent."""

TEXTS: dict[str, str] = {
    "menu.chart.command": "chart",
    "menu.chart": "Chart of sales per day",
    "charts.title": "Sales per day — {scope} — {period}",
    "charts.everyone": "all sellers",
    "charts.one_day": "on {day}",
    "charts.days": "from {first} to {last}",
    "charts.axis.day": "Day",
    "charts.axis.amount": "Amount (MXN)",
    "charts.legend.approved": "Sold (approved)",
    "charts.legend.pending": "Pending verification",
    "charts.legend.declined": "Declined",
    "charts.caption.title": "📊 Sales {period}",
    "charts.caption.title_shop": "📊 Sales of {shop}, {period}",
    "charts.caption.approved": "✅ Sold: {amount} ({count})",
    "charts.caption.pending": "⏳ Pending verification: {amount} ({count})",
    "charts.caption.declined": "❌ Declined: {amount} ({count})",
    "charts.empty": "📊 There were no sales {period}: nothing to chart.",
    "charts.empty_shop": "📊 {shop} had no sales {period}: nothing to chart.",
    "charts.neither": "❌ “{typed}” is neither a period nor a seller.",
    "charts.neither_yours": (
        "❌ I can't read “{typed}” as a period. You can only chart your own sales."
    ),
    "charts.not_yours": "❌ You can only chart your own sales.",
    "charts.usage": (
        "Usage: <code>/chart [period]</code>; with none, the last 30 days. An admin may "
        "add a seller: <code>/chart month Corner Shop</code>."
    ),
}
