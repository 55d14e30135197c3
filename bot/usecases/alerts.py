"""Alerts admins can act on, about the provider: its balance below LOW_BALANCE_ALERT,
and a run of purchases ending unknown (a likely outage). Each is told once per
crossing, and its end briefly (bot/domain/alerts.py), to every admin in their language
at the messenger's background priority, after the purchase's own receipt: no top-up
waits for an alert.

The balance comes from each approved purchase (the provider reports it after the
charge) and from a check every BALANCE_CHECK_MINUTES (bot/jobs.py). The state is stored
(storage/alerts.py), so a restart repeats nothing; while nothing is wrong, a purchase
costs no write at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation

from bot.domain.alerts import Change, failed
from bot.domain.clock import utcnow
from bot.domain.purchases import Purchase
from bot.i18n import Html
from bot.messenger import Messenger
from bot.usecases.account import ProviderAccount
from bot.usecases.people import People
from bot.views import alerts as views
from storage.alerts import AlertRepository

logger = logging.getLogger(__name__)


class ProviderAlerts:
    def __init__(
        self,
        alerts: AlertRepository,
        account: ProviderAccount,
        people: People,
        messenger: Messenger,
        *,
        threshold: Decimal | None,
        outage_after: int,
    ) -> None:
        self._alerts = alerts
        self._account = account
        self._people = people
        self._messenger = messenger
        self._threshold = threshold
        self._outage_after = outage_after
        self._currency = "MXN"  # until the provider names its own (the periodic check)
        # Known to be neither raised nor counting: an ordinary outcome changes nothing.
        self._balance_quiet = False
        self._outage_quiet = False

    @property
    def watches_balance(self) -> bool:
        return self._threshold is not None

    async def outcome(self, purchase: Purchase) -> None:
        """A purchase just ended: a failure counts towards an outage, a clear answer ends
        one; the balance it reports is checked against the threshold."""
        if failed(purchase) or not self._outage_quiet:
            state, change = await self._alerts.outcome_seen(purchase, self._outage_after)
            self._outage_quiet = not state.raised and state.run == 0
            if change is Change.RAISED:
                logger.error("%d purchases in a row ended unknown: alerting admins", state.run)
                await self._tell(lambda lang: views.outage(lang, self._outage_after))
            elif change is Change.CLEARED:
                logger.info("The provider answers again (folio %s)", purchase.folio)
                await self._tell(lambda lang: views.outage_over(lang, purchase))
        if purchase.balance_after is not None:
            try:
                balance = Decimal(purchase.balance_after)
            except InvalidOperation:
                return
            await self._balance(balance, purchase.completed_at or purchase.created_at)

    async def check_balance(self) -> None:
        """The periodic check: the balance as the provider has it now."""
        if self._threshold is None:
            return
        found = await self._account.balance()
        if found is None:
            return  # the provider could not be asked now; the client logged why
        self._currency = found.currency
        await self._balance(found.amount, utcnow())

    async def _balance(self, balance: Decimal, seen_at: datetime) -> None:
        threshold = self._threshold
        if threshold is None or not balance.is_finite():
            return
        if balance >= threshold and self._balance_quiet:
            return
        state, change = await self._alerts.balance_seen(balance, threshold, seen_at)
        self._balance_quiet = not state.raised
        money = (balance, threshold, self._currency)
        if change is Change.RAISED:
            logger.warning("The provider's balance %s is below %s: alerting admins", *money[:2])
            await self._tell(lambda lang: views.low_balance(lang, *money))
        elif change is Change.CLEARED:
            await self._tell(lambda lang: views.balance_recovered(lang, *money))

    async def _tell(self, render: Callable[[str], Html]) -> None:
        for admin_id in self._people.admins:
            await self._messenger.tell(admin_id, render(await self._people.language_of(admin_id)))
