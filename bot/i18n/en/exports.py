"""/export's texts: the CSV headers, statuses and movements in words, the files'
captions, and why nothing is sent."""

TEXTS: dict[str, str] = {
    "menu.export.command": "export",
    "menu.export": "Sales and movements as CSV",
    "exports.usage": (
        "Type /export and, if you like, the period (<code>month</code> if you don't) and "
        "the reseller: their Telegram ID or their shop's name.\n"
        "Example: <code>/export last month Tienda Sol</code>"
    ),
    "exports.unknown": "❌ «{typed}» is neither a period nor a reseller.",
    "exports.unknown_own": "❌ «{typed}» is not a period, and you can only export your own sales.",
    "exports.not_yours": "❌ You can only export your own sales: type /export.",
    "exports.busy": "⏳ Your previous export is still running. Wait for it to arrive.",
    "exports.nothing": "Nothing to export for {period}{who}: no sales and no movements.",
    "exports.who": " of {shop}",
    "exports.everyone": "every reseller",
    "exports.failed": "❌ The export could not be prepared. Try again in a moment.",
    "exports.caption.purchases": "📄 Sales of {period}, {who}: {rows}",
    "exports.caption.ledger": "📄 Balance movements of {period}, {who}: {rows}",
    "exports.rows.one": "1 row",
    "exports.rows.many": "{rows} rows",
    "exports.caption.zipped": " (CSV compressed as zip)",
    "exports.caption.part": " · part {part} of {parts}",
    "exports.period": "{first} to {last}",
    "exports.day": "{first}",
    "exports.file.purchases": "sales",
    "exports.file.ledger": "movements",
    "exports.header.purchases": (
        "Date|Time|Folio|Reseller ID|Shop|Phone|Product|Amount|Cost|Commission|Status|"
        "Transaction ID|Provider transaction|Reference|Authorization|"
        "Settled by|Settled by ID|Settled at"
    ),
    "exports.header.ledger": (
        "Date|Time|Movement|Reseller ID|Shop|Kind|Amount|Held|Balance after|"
        "Held after|Folio|Deposit|Note|By ID"
    ),
    "exports.status.approved": "Approved",
    "exports.status.declined": "Declined",
    "exports.status.pending": "Pending verification",
    "exports.kind.hold": "Hold",
    "exports.kind.sale": "Sale",
    "exports.kind.release": "Release",
    "exports.kind.deposit": "Deposit",
    "exports.kind.adjustment": "Adjustment",
}
