"""Telling customers: a verified number's holder hears when a top-up to it is approved."""

from __future__ import annotations

from typing import Any

from bot import views
from bot.services import Services
from bot.telegram_io import tell
from storage.customers import CustomerRepository
from storage.models import Purchase, Status


async def notify_customers(bot: Any, services: Services, purchase: Purchase) -> None:
    """An outcome listener (see Services.on_outcome): only approved top-ups are news."""
    if purchase.status is not Status.APPROVED:
        return
    # The repository is a stateless view of the shared connection; Services lists the
    # stores of the money path only.
    for customer in await CustomerRepository(services.database).watching(purchase.phone):
        if customer.user_id == purchase.reseller_id:
            continue  # a reseller topping up their own phone already has the receipt
        notice = views.topup_notice(purchase, customer.lang, services.settings.zone)
        await tell(bot, customer.user_id, notice)
