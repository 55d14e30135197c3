"""English texts, the bot's second language, gathered from each module."""

from bot.i18n.en import (
    alerts,
    charts,
    core,
    deposits,
    exports,
    onboarding,
    periods,
    receipts,
    reports,
    resellers,
    safety,
    statement,
    terms,
    wallets,
)
from bot.i18n.merge import merge

TEXTS: dict[str, str] = merge(
    core.TEXTS,
    safety.TEXTS,
    receipts.TEXTS,
    wallets.TEXTS,
    resellers.TEXTS,
    terms.TEXTS,
    statement.TEXTS,
    onboarding.TEXTS,
    deposits.TEXTS,
    periods.TEXTS,
    charts.TEXTS,
    alerts.TEXTS,
    exports.TEXTS,
    reports.TEXTS,
)
