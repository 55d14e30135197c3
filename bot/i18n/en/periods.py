"""Texts for the periods reports are asked for (/cashup, /report, /export, /chart): what
can be typed and why something is not a period."""

TEXTS: dict[str, str] = {
    "periods.forms": (
        "Periods: <code>today</code>, <code>yesterday</code>, <code>week</code>, "
        "<code>month</code>, <code>last week</code>, <code>last month</code>, a day "
        "(<code>2026-12-01</code> or <code>01/12/2026</code>, day first), a month "
        "(<code>2026-11</code>) or two days (<code>2026-11-01 2026-11-15</code>)."
    ),
    "periods.unknown": "❌ I can't read “{typed}” as a period.",
    "periods.bad_date": "❌ “{typed}” is not a date that exists.",
    "periods.reversed": "❌ The period ends ({last}) before it starts ({first}).",
    "periods.future": "❌ {typed} hasn't come yet: there are no sales to count.",
    "periods.too_long": (
        "❌ That is {days} days; a period can have up to {max}. Ask for it in parts."
    ),
    "periods.today": "today",
    "periods.yesterday": "yesterday",
    "periods.week": "this week",
    "periods.month": "this month",
    "periods.last_week": "last week",
    "periods.last_month": "last month",
}
