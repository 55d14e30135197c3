"""Drives the real application through the Bot API stand-in, as users would."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.app import App, build_application, start_application, stop_application
from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY, Settings, load_settings
from bot.latcom.sandbox import Sandbox
from bot.latcom.transport import SandboxTransport
from bot.processor import PerUserUpdateProcessor
from bot.services import Services
from bot.standin import ChatMessage, FakeTelegram, StandInRequest

ADMIN, RESELLER, STRANGER, ENGLISH_RESELLER = 1, 2, 3, 4


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "admin_ids": frozenset({ADMIN}),
        "reseller_ids": frozenset({RESELLER, ENGLISH_RESELLER}),
        "database_path": tmp_path / "topup.sqlite3",
        "purchase_timeout_seconds": 0.5,
    }
    values.update(overrides)
    return load_settings(**values)


def make_sandbox(**overrides: Any) -> Sandbox:
    values: dict[str, Any] = {
        "customer_id": SANDBOX_CUSTOMER_ID,
        "secret_key": SANDBOX_SECRET_KEY,
        "slow_seconds": 0.1,
        "hang_seconds": 3.0,
    }
    values.update(overrides)
    return Sandbox(**values)


class HumanPace:
    """The stand-in's clock for flood control: people act about once a second, so each
    user action moves it one second on; whatever the bot sends in reply to one action
    must fit within Telegram's per-chat burst."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def step(self, seconds: float = 1.0) -> None:
        self.now += seconds


@dataclass
class Harness:
    """One running bot, its stand-in Telegram and its sandbox provider."""

    settings: Settings
    pace: HumanPace = field(default_factory=HumanPace)
    telegram: FakeTelegram = field(init=False)
    sandbox: Sandbox = field(default_factory=make_sandbox)
    application: App | None = None

    def __post_init__(self) -> None:
        self.telegram = FakeTelegram(clock=self.pace)

    async def start(self) -> None:
        for user_id, name, lang in (
            (ADMIN, "Ana Admin", "es"),
            (RESELLER, "Rita <Tienda>", "es-MX"),
            (STRANGER, "Sam", "es"),
            (ENGLISH_RESELLER, "Ed", "en"),
        ):
            self.telegram.add_user(user_id, first_name=name, language_code=lang)
        self.application = build_application(
            self.settings,
            request=StandInRequest(self.telegram),
            get_updates_request=StandInRequest(self.telegram),
            latcom_transport=SandboxTransport(self.sandbox),
        )
        await start_application(self.application, poll_timeout=1)

    async def stop(self) -> None:
        if self.application is None:
            return
        await self.settle()
        await stop_application(self.application)
        self.application = None

    @property
    def services(self) -> Services:
        assert self.application is not None
        services = self.application.bot_data.services
        assert services is not None
        return services

    async def settle(self) -> None:
        """Wait until every update was handled and every purchase in flight is done."""
        assert self.application is not None
        processor = self.application.update_processor
        assert isinstance(processor, PerUserUpdateProcessor)
        async with asyncio.timeout(10):
            await self.telegram.wait_until_delivered()
            await self.application.update_queue.join()
            await processor.wait_idle()
            await self.services.background.wait_idle()

    async def _new_messages(self, chat_id: int, action: Any) -> list[ChatMessage]:
        before = {m.message_id: m for m in self.telegram.bot_messages(chat_id)}
        self.pace.step()
        action()
        await self.settle()
        return [m for m in self.telegram.bot_messages(chat_id) if before.get(m.message_id) != m]

    async def say(self, user_id: int, text: str) -> list[ChatMessage]:
        """The user types `text`; returns the bot messages sent or edited in reply."""
        return await self._new_messages(user_id, lambda: self.telegram.send_text(user_id, text))

    async def tap(
        self, user_id: int, label: str, message_id: int | None = None
    ) -> list[ChatMessage]:
        """The user presses the button whose label starts with `label`."""
        return await self._new_messages(
            user_id, lambda: self.telegram.press_button(user_id, label, message_id)
        )

    def last(self, user_id: int) -> ChatMessage:
        return self.telegram.last_bot_message(user_id)

    def answers(self, user_id: int) -> list[str]:
        """The texts of callback answers the user saw (toasts and alerts)."""
        return [
            str(params.get("text", ""))
            for method, params in self.telegram.calls
            if method == "answerCallbackQuery"
        ]

    def balance(self) -> Decimal:
        return self.sandbox.balance
