"""The money path: a confirmed draft becomes one purchase, written before it is sent.

`place` reserves the purchase row atomically from the draft (a second tap finds the
draft already submitted); `send` makes the single request for that row and stores the
outcome. Nothing here ever sends the same purchase twice.
"""

from __future__ import annotations

import logging
import uuid

from bot.latcom.client import LatcomClient
from bot.latcom.models import PurchaseOutcome, PurchaseRequest, Unknown
from storage.models import Purchase
from storage.purchases import PurchaseRepository, Refusal, Reserved
from storage.repeats import Repeat

logger = logging.getLogger(__name__)

RESTART_REASON = "the bot stopped while waiting for the provider"


def new_transaction_id() -> str:
    """Our id for one purchase at the provider: unique, never reused."""
    return f"tg-{uuid.uuid4().hex}"


class PurchaseService:
    def __init__(self, purchases: PurchaseRepository, client: LatcomClient) -> None:
        self._purchases = purchases
        self._client = client

    async def place(
        self,
        draft_id: int,
        version: int,
        user_id: int,
        *,
        seller_name: str | None = None,
        allow_repeat: bool = False,
    ) -> Reserved | Refusal | Repeat:
        """Reserve the purchase for a confirmed draft; refuse stale or repeated taps, and
        hold back a repeat of a recent top-up unless the reseller confirmed it twice."""
        result = await self._purchases.reserve(
            draft_id,
            version,
            user_id,
            new_transaction_id(),
            seller_name=seller_name,
            allow_repeat=allow_repeat,
        )
        if isinstance(result, Reserved):
            logger.info(
                "Purchase %s reserved as %s",
                result.purchase.folio,
                result.purchase.distributor_transaction_id,
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

    async def recover_interrupted(self) -> list[Purchase]:
        """Purchases a crash left in flight: they may have been charged, so pending."""
        interrupted = await self._purchases.interrupted(RESTART_REASON)
        for purchase in interrupted:
            logger.warning(
                "Purchase %s (%s) was in flight at the last stop: pending verification",
                purchase.folio,
                purchase.distributor_transaction_id,
            )
        return interrupted
