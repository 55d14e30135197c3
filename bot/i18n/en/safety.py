"""Texts of money safety: duplicates, pending purchases, delivery."""

TEXTS: dict[str, str] = {
    "repeat.warning": (
        "⚠️ <b>Top up again?</b>\n\n"
        "This number already got <b>{sold}</b> {ago} "
        "({when}), and that top-up {status}.\n\n"
        "📱 Number: <b>{phone}</b>\n📦 Product: <b>{product}</b>\n💵 Amount: <b>{amount}</b>\n\n"
        "The provider usually blocks a repeated top-up. Confirm only if your customer "
        "really wants another one."
    ),
    "repeat.sold.airtime": "{product} for {amount}",
    "repeat.ago.now": "moments ago",
    "repeat.ago.minutes": "{minutes} min ago",
    "repeat.ago.hours": "{hours} hours ago",
    "repeat.ago.days": "{days} days ago",
    "repeat.status.approved": "was approved",
    "repeat.status.pending": "is pending verification",
    "repeat.status.sending": "is being processed",
    "button.repeat_again": "⚠️ Yes, top up again",
    "callback.repeat": "This top-up was sold already: read the warning.",
    "pending.empty": "✅ No top-ups are pending verification.",
    "pending.header": (
        "⏳ <b>Pending verification: {total}</b>\nOldest first ({first}–{last}). "
        "Check them with the provider and mark them."
    ),
    "pending.item": (
        "<b>Folio {folio}</b> · {when}\nTransaction ID: <code>{dtid}</code>\n"
        "Reseller: {reseller}\n📱 {phone} · {product} · {amount}\nReason: {reason}"
    ),
    "button.settle_approved": "✅ {folio} was charged",
    "button.settle_failed": "❌ {folio} not charged",
    "button.page_prev": "◀️ Older",
    "button.page_next": "Newer ▶️",
    "settle.ask_reference": (
        "✅ Folio <code>{folio}</code> ({phone} · {amount}) will be marked as <b>charged</b>.\n\n"
        "Type the provider's reference, or /skip if you don't have it. /cancel leaves it pending."
    ),
    "settle.reference_placeholder": "Provider's reference",
    "settle.reference_invalid": (
        "The reference is one line of up to 64 characters. Type it again, or /skip."
    ),
    "settle.confirm_failed": (
        "❌ Do you confirm that folio <code>{folio}</code> ({phone} · {amount}) "
        "<b>was not charged</b>?\n\nThe reseller will be able to sell it again. "
        "If you are not sure, ignore this message."
    ),
    "button.settle_failed_confirm": "❌ Yes, not charged",
    "settle.done_approved": ("✅ Folio <code>{folio}</code> is now <b>charged</b>{reference}."),
    "settle.with_reference": " (reference: {reference})",
    "settle.no_reference": " (no reference)",
    "settle.done_failed": "❌ Folio <code>{folio}</code> is now <b>not charged</b>.",
    "settle.seller_told": "The reseller was told.",
    "settle.seller_later": "The reseller could not be told yet; it will be retried.",
    "settle.already": "{admin} already settled this top-up on {when} as {outcome}.",
    "settle.by_another": (
        "ℹ️ {admin} settled folio <code>{folio}</code> ({phone} · {amount}) as {outcome}."
    ),
    "settle.by_another.approved": "charged",
    "settle.by_another.failed": "not charged",
    "settle.outcome.approved": "charged",
    "settle.outcome.failed": "not charged",
    "settle.not_pending": "This top-up is no longer pending verification.",
    "settle.not_found": "This button belongs to no top-up.",
    "settle.question_cancelled": (
        "Done: nothing was settled; folio <code>{folio}</code> is still pending verification."
    ),
    "settle.expired": (
        "That question expired after 15 minutes; nothing was settled. "
        "To settle the top-up, tap ✅ again in /pending."
    ),
    "settle.nothing_to_skip": "There is no reference to type.",
    "callback.settle_asked": "Type the reference or /skip.",
    "settled.approved": (
        "✅ <b>Top-up confirmed</b>\n\n"
        "Your pending top-up was checked with the provider: <b>it went through</b>.\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\nFolio: <code>{folio}</code>{reference}"
    ),
    "settled.reference": "\nReference: <code>{reference}</code>",
    "settled.failed": (
        "❌ <b>Top-up not made</b>\n\n"
        "Your pending top-up was checked with the provider: <b>nothing was charged</b>.\n\n"
        "📦 {product}\n📱 {phone}\n💵 {amount}\nFolio: <code>{folio}</code>\n\n"
        "👉 You can sell it again with /topup."
    ),
    "decline.settled_failed": "An admin checked with the provider that it did not go through.",
    "reason.timeout": "the provider did not answer within {seconds} s",
    "reason.dropped": "the connection was dropped before an answer",
    "reason.restart": "the bot stopped while waiting for the provider",
    "reason.not_json": "unreadable answer from the provider (HTTP {status})",
    "reason.undocumented": (
        "the provider said “success” without a documented approval (HTTP {status}, {code})"
    ),
    "reason.said_code": "the provider answered HTTP {status}, {code}: “{said}”",
    "reason.said": "the provider answered HTTP {status}: “{said}”",
    "reason.after_sending": "network failure after sending it ({error})",
    "reason.internal": "internal error of the bot; it may have been sent",
    "reason.http_only": "the provider answered HTTP {status} without explanation",
    "reason.http_code": "the provider answered HTTP {status}, {code}, without explanation",
    "reason.code": "code {code}",
    "reason.no_code": "no code",
    "reason.unknown": "no detail",
}
