"""Invitations to sell: the link an admin forwards, the question its opener is asked,
the welcome of a new reseller, and the admins' news of who joined."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.domain.formatting import format_datetime
from bot.domain.invitations import Invitation, Joined, NotJoined, Opened
from bot.domain.roles import Role
from bot.i18n import Html, t
from bot.views.welcome import commands_of


def invitation(lang: str, invited: Invitation, zone: ZoneInfo) -> Html:
    expires = format_datetime(invited.expires_at, zone, lang)
    return t(lang, "invite.link", link=invited.link, expires=expires)


def opened(lang: str, result: Opened) -> Html:
    """What opening the link did (a link used by someone else is the stranger's refusal,
    not this)."""
    return t(lang, f"invite.{result.value}")


def not_joined(lang: str, result: NotJoined) -> Html:
    return t(lang, f"invite.{result.value}")


def welcome(lang: str, joined: Joined) -> Html:
    """A new reseller: how to add funds and check the balance, then their commands."""
    text = t(lang, "invite.welcome", shop=joined.reseller.shop_name)
    return Html(text + commands_of(Role.RESELLER, lang))


def joined_notice(lang: str, joined: Joined, name: str, admin_id: int) -> Html:
    """What admin `admin_id` hears: the inviting one, that their invitation was used."""
    reseller = joined.reseller
    key = "invite.joined.yours" if joined.invited_by == admin_id else "invite.joined.other"
    return t(
        lang,
        key,
        shop=reseller.shop_name,
        name=name,
        user_id=reseller.user_id,
        admin_id=joined.invited_by,
    )
