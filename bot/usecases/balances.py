"""/saldo for everyone who sells: a reseller's own account; for admins, the provider's
balance and every reseller's wallet added up (what the distributor owes out)."""

from __future__ import annotations

from bot.domain.roles import Role
from bot.domain.statements import Account, Overview
from bot.usecases.account import ProviderAccount
from storage.statements import StatementRepository
from storage.wallets import WalletRepository


class Balances:
    def __init__(
        self,
        provider: ProviderAccount,
        wallets: WalletRepository,
        statements: StatementRepository,
    ) -> None:
        self._provider = provider
        self._wallets = wallets
        self._statements = statements

    async def of(self, user_id: int, role: Role) -> Account | Overview | None:
        """An admin's overview, or a reseller's account (None if they have none)."""
        if role is Role.ADMIN:
            return Overview(await self._provider.balance(), await self._statements.totals())
        reseller = await self._wallets.reseller(user_id)
        wallet = await self._wallets.wallet(user_id)
        if reseller is None or wallet is None:
            return None
        return Account(
            reseller,
            wallet,
            reseller.commission(await self._wallets.default_commission()),
            await self._statements.pending_sales(user_id),
        )
