"""Who may do what: admins and resellers come from the settings."""

from __future__ import annotations

from enum import Enum

from bot.config import Settings


class Role(Enum):
    NONE = 0
    RESELLER = 1
    ADMIN = 2


def role_of(settings: Settings, user_id: int) -> Role:
    """Admins can do everything a reseller can, and see the provider's balance."""
    if user_id in settings.admin_ids:
        return Role.ADMIN
    if user_id in settings.reseller_ids:
        return Role.RESELLER
    return Role.NONE


def can_sell(settings: Settings, user_id: int) -> bool:
    return role_of(settings, user_id) is not Role.NONE
