"""What the in-process benchmarks (statement, reports) put in place of the provider:
its balance is the provider's round trip, not theirs to time."""

from __future__ import annotations

from bot.usecases.account import ProviderAccount


class NoProvider(ProviderAccount):
    def __init__(self) -> None:
        pass

    async def balance(self) -> None:
        return None
