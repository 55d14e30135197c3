"""✅: a confirmed draft becomes one purchase, written before it is sent, sent once, and
its outcome shown; at start-up, purchases a stop left in flight become pending.

`confirm` reserves the purchase row from the draft in one durable transaction (a
second tap finds the draft already submitted; the same top-up sold moments ago is held
back unless confirmed twice), then the purchase goes on in the background: `send` makes
the single request for that row and stores the outcome, and Outcomes tells whoever must
hear of it. Nothing here ever sends the same purchase twice.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from zoneinfo import ZoneInfo

from bot import views
from bot.background import Background
from bot.domain.clock import start_of_day
from bot.domain.drafts import Refusal
from bot.domain.provider import PurchaseOutcome, PurchaseRequest, Unknown
from bot.domain.purchases import (
    RESTART_REASON,
    Purchase,
    Repeat,
    Reserved,
    Status,
    new_transaction_id,
)
from bot.domain.wallets import Limited, Short
from bot.i18n import plain
from bot.latcom.client import LatcomClient
from bot.messenger import Messenger
from bot.usecases.alerts import ProviderAlerts
from bot.usecases.outcomes import Outcomes
from storage.purchases import PurchaseRepository

logger = logging.getLogger(__name__)

# From the ✅ tap, when a provider still working is said to be: in the tap's answer,
# then in the summary itself (the second no sooner than the first).
ANSWER_TAP_AFTER_SECONDS = 1.0
PROCESSING_NOTICE_AFTER_SECONDS = 3.0

# Answers the ✅ tap (a toast text, or None for a silent answer); called at most once.
Tap = Callable[[str | None], Awaitable[None]]


class Purchases:
    def __init__(
        self,
        purchases: PurchaseRepository,
        client: LatcomClient,
        outcomes: Outcomes,
        messenger: Messenger,
        background: Background,
        zone: ZoneInfo,
        alerts: ProviderAlerts,
    ) -> None:
        self._purchases = purchases
        self._alerts = alerts
        self._zone = zone
        self._client = client
        self._outcomes = outcomes
        self._messenger = messenger
        self._background = background
        self._taking = True

    def stop_taking(self) -> None:
        """The bot is stopping: every confirm from now on is refused, placing nothing."""
        self._taking = False

    async def confirm(
        self,
        user_id: int,
        seller_name: str | None,
        draft_id: int,
        version: int,
        tap: Tap,
        *,
        repeat: bool = False,
    ) -> Reserved | Refusal | Repeat | Short | Limited:
        """Reserve the purchase for the draft as confirmed (and hold its cost in the
        reseller's wallet), then send it in the background; `tap` is answered there, as
        its outcome shows. A stale or repeated tap, a repeat of a recent top-up (unless
        `repeat`), a suspended reseller, a wallet short of the cost or a limit reached
        places nothing."""
        if not self._taking:
            return Refusal.RESTARTING
        dtid = new_transaction_id()
        result = await self._purchases.reserve(
            draft_id,
            version,
            user_id,
            dtid,
            seller_name=seller_name,
            allow_repeat=repeat,
            day_start=start_of_day(self._zone),
        )
        if isinstance(result, Reserved):
            purchase = result.purchase
            logger.info("Purchase %s reserved as %s", purchase.folio, dtid)
            # Reserved, it must be sent and settled even if telling the user fails, so it
            # starts before anything else can go wrong.
            self._background.spawn(
                self._complete(purchase, tap), name=f"purchase-{purchase.folio}"
            )
        return result

    async def send(self, purchase: Purchase) -> Purchase:
        """Send the reserved purchase once and store what the provider answered."""
        request = PurchaseRequest(
            distributor_transaction_id=purchase.distributor_transaction_id,
            phone_number=purchase.phone,
            product_id=purchase.product_id,
            amount=purchase.amount,
        )
        outcome: PurchaseOutcome
        try:
            outcome = await self._client.purchase(request)
        except Exception as exc:
            # The request may have left: an unexpected failure is unknown, never failed.
            logger.exception("Purchase %s: unexpected error from the client", purchase.folio)
            outcome = Unknown(reason=f"internal error: {type(exc).__name__}")
        return await self._purchases.complete(purchase.id, outcome)

    async def _complete(self, purchase: Purchase, tap: Tap | None) -> None:
        """Send, then show the outcome in place of the summary.

        The tap is answered once the outcome shows: until then Telegram shows a progress
        bar on the button, and a "processing" toast over a receipt already on screen
        would only be noise. A provider slower than a second gets the toast; slower than
        three seconds, the summary turns into a processing notice too. Most top-ups
        answer within a couple of seconds, and one edit instead of two keeps the bot
        within Telegram's overall rate when many resellers confirm at once.
        """
        started = time.monotonic()
        sending = asyncio.create_task(self.send(purchase))
        try:
            await asyncio.wait({sending}, timeout=ANSWER_TAP_AFTER_SECONDS)
            if tap is not None and not sending.done():
                await tap(plain(purchase.lang, "callback.processing"))
                tap = None
            waited = time.monotonic() - started
            await asyncio.wait({sending}, timeout=max(PROCESSING_NOTICE_AFTER_SECONDS - waited, 0))
            if not sending.done():
                await self._show_processing(purchase)
            done = await sending
        except BaseException:
            sending.cancel()
            if tap is not None:
                await tap(None)
            raise
        # Stored before it is shown: if Telegram fails now, the retry job shows it later;
        # and whatever happens showing it, the admins still hear of a pending one.
        try:
            await self._outcomes.deliver(done)
        except Exception:
            logger.exception("Purchase %s: showing the outcome failed; will retry", done.folio)
        if tap is not None:
            await tap(None)
        if done.status is Status.PENDING:
            await self._outcomes.alert_admins(done)
        if done.out_of_funds:
            await self._outcomes.alert_out_of_funds(await self._purchases.last_balance())
        try:
            await self._outcomes.notify_customers(done)
        except Exception:
            logger.exception("Purchase %s: telling its customer failed", done.folio)
        try:
            await self._alerts.outcome(done)  # the provider's balance, a run of failures
        except Exception:
            logger.exception("Purchase %s: the provider alerts failed", done.folio)

    async def _show_processing(self, purchase: Purchase) -> None:
        text = views.processing(purchase)
        shown = await self._messenger.show(purchase.chat_id, purchase.message_id, text)
        if shown is not None and shown != purchase.message_id:
            await self._purchases.set_message(purchase.id, shown)

    async def recover(self) -> list[Purchase]:
        """At start: purchases in flight at the last stop may have been charged, so they
        are pending verification; their sellers and the admins are told."""
        interrupted = await self._purchases.interrupted(RESTART_REASON)
        for purchase in interrupted:
            logger.warning(
                "Purchase %s (%s) was in flight at the last stop: pending verification",
                purchase.folio,
                purchase.distributor_transaction_id,
            )
            await self._messenger.tell(purchase.chat_id, views.restart_notice(purchase))
            # The summary still says "processing": it becomes the pending receipt, and the
            # purchase counts as seen once it does.
            await self._outcomes.deliver(purchase, waited_for=False)
            await self._outcomes.alert_admins(purchase)
        return interrupted
