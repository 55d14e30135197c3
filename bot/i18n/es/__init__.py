"""Textos en español de México, el idioma principal del bot, reunidos de cada módulo."""

from bot.i18n.es import (
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

EXAMPLE_PHONE = core.EXAMPLE_PHONE
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
