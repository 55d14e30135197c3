"""How admins read resellers: by shop name, and what to do when a name is not one."""

from __future__ import annotations

from bot.domain.wallets import Ambiguous, NoSuchReseller
from bot.i18n import Html, t

# An ambiguous name lists at most this many of the shops it matches.
CANDIDATES_SHOWN = 10


def not_found(lang: str, found: NoSuchReseller | Ambiguous) -> Html:
    """No reseller by that name or id, or several: which ones, to ask again by id."""
    if isinstance(found, NoSuchReseller):
        return t(lang, "resellers.none", asked=found.asked)
    lines = [
        t(lang, "resellers.candidate", shop=reseller.shop_name, user_id=reseller.user_id)
        for reseller in found.candidates[:CANDIDATES_SHOWN]
    ]
    more = len(found.candidates) > CANDIDATES_SHOWN
    return t(
        lang,
        "resellers.ambiguous",
        asked=found.asked,
        candidates=Html("\n".join(lines) + ("\n…" if more else "")),
    )
