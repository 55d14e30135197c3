"""A draft walked to its summary in storage, for the storage tests' purchases."""

from __future__ import annotations

from bot.domain.catalog import get_product
from storage.drafts import DraftRepository


async def confirmed_draft(drafts: DraftRepository, user_id: int = 7) -> tuple[int, int]:
    """A $50 package to 55 3768 6660, at the summary; returns (draft id, version)."""
    draft = await drafts.start(user_id, user_id, "es")
    with_phone = await drafts.save(draft.with_phone("5537686660"))
    assert with_phone is not None
    package = get_product("MOVISTAR_PAQUETE_17")
    assert package is not None
    confirmed = await drafts.save(with_phone.with_product(package))
    assert confirmed is not None
    return confirmed.id, confirmed.version
