"""The distributor account's balance, as admins ask for it with /saldo."""

from __future__ import annotations

from bot.domain.provider import Balance
from bot.latcom.client import LatcomClient
from bot.latcom.errors import LatcomError


class ProviderAccount:
    def __init__(self, client: LatcomClient) -> None:
        self._client = client

    async def balance(self) -> Balance | None:
        """The balance in the currency the provider names; None when it cannot be had now
        (the client logged why)."""
        try:
            return await self._client.get_balance()
        except LatcomError:
            return None
