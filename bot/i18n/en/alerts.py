"""Texts of the admins' alerts about the provider: a low balance and a run of top-ups
without a clear answer."""

TEXTS: dict[str, str] = {
    "alerts.low_balance": (
        "⚠️ <b>Low balance with the provider</b>: {balance}, below the alert at {threshold}.\n"
        "Top up the account with the distributor before sales are declined for lack of "
        "funds. Check the balance with /balance."
    ),
    "alerts.balance_recovered": (
        "✅ The provider's balance is back at {balance}, above the alert at {threshold}."
    ),
    "alerts.outage": (
        "🚨 <b>Likely provider outage</b>: {count} top-ups in a row got no clear answer "
        "(pending verification).\n"
        "Check the provider's status with the distributor before more are sold, and "
        "settle the pending ones with /pending."
    ),
    "alerts.outage_over": (
        "✅ The provider answers again (folio {folio}: {status}). "
        "Settle what was left pending with /pending."
    ),
}
