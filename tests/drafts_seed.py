"""A draft walked to its summary in storage, for the storage tests' purchases."""

from __future__ import annotations

from storage.drafts import DraftRepository
from storage.models import Step


async def confirmed_draft(drafts: DraftRepository, user_id: int = 7) -> tuple[int, int]:
    """A $50 package to 55 3768 6660, at the summary; returns (draft id, version)."""
    draft = await drafts.start(user_id, user_id, "es")
    with_phone = await drafts.advance(draft, Step.PRODUCT, phone="5537686660")
    assert with_phone is not None
    confirmed = await drafts.advance(
        with_phone, Step.CONFIRM, product_id="MOVISTAR_PAQUETE_17", amount=50
    )
    assert confirmed is not None
    return confirmed.id, confirmed.version
