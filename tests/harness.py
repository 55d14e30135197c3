"""Drives the real application through the Bot API stand-in, as users would."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.app import App, build_application, start_application, stop_application
from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY, Settings, load_settings
from bot.domain.drafts import Draft, Step
from bot.domain.purchases import Purchase
from bot.latcom.sandbox import Sandbox
from bot.latcom.sandbox_wire import SandboxReply
from bot.latcom.transport import SandboxTransport
from bot.logs import setup_logging
from bot.ratelimit import FloodControl
from bot.services import Services
from devtools.console import wait_until_quiet
from devtools.standin import BotEvent, ChatMessage, FakeTelegram, StandInRequest
from storage import rows
from storage.db import Database
from storage.resellers import ResellerRepository

ADMIN, RESELLER, STRANGER, ENGLISH_RESELLER = 1, 2, 3, 4
PHONE = "55 3768 6660"


def text_of(message: ChatMessage) -> str:
    """What the user reads in a message, or under its photo (the stand-in has already
    parsed its HTML)."""
    return message.text or message.caption or ""


# Start-up sets each admin's and reseller's menu; Telegram refuses it for a chat that
# never started the bot (the menu is set at their /start instead). Expected, not a bug.
UNREACHABLE_MENU = ("setMyCommands", "Bad Request: chat not found")


def refusals(telegram: FakeTelegram) -> list[tuple[str, str]]:
    """What Telegram refused the bot, but the expected refusal of an unreachable menu."""
    refused = [(method, reason) for method, _, reason in telegram.errors]
    return [refusal for refusal in refused if refusal != UNREACHABLE_MENU]


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "admin_ids": frozenset({ADMIN}),
        "reseller_ids": frozenset({RESELLER, ENGLISH_RESELLER}),
        "database_path": tmp_path / "topup.sqlite3",
        "purchase_timeout_seconds": 0.5,
        # The sandbox stands in for the provider, reached as a live one is: the screens
        # are the live ones, without sandbox mode's test marks.
        "latcom_mode": "live",
        "latcom_customer_id": SANDBOX_CUSTOMER_ID,
        "latcom_secret_key": SANDBOX_SECRET_KEY,
    }
    values.update(overrides)
    return load_settings(**values)


# Credentials shaped like real ones, for tests that look for secrets where none may be.
BOT_TOKEN = "7234567890:AAHsecretBotTokenValue_0123456789abcd"
CUSTOMER_ID = "acme-distribuidor"
SECRET_KEY = "sk_live_9f8e7d6c5b4a3210fedcba"


def secret_settings(tmp_path: Path) -> Settings:
    """Settings holding real-looking secrets (not the sandbox's), logging at DEBUG."""
    return make_settings(
        tmp_path,
        telegram_bot_token=BOT_TOKEN,
        latcom_customer_id=CUSTOMER_ID,
        latcom_secret_key=SECRET_KEY,
        log_level="DEBUG",
    )


@contextmanager
def production_logs(settings: Settings) -> Iterator[io.StringIO]:
    """Logging as production sets it up for `settings`, written to a buffer; the root
    logger is put back as it was afterwards."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    root.handlers.clear()
    try:
        setup_logging(settings)
        [handler] = root.handlers
        assert isinstance(handler, logging.StreamHandler)
        written = io.StringIO()
        handler.setStream(written)
        yield written
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)


def make_sandbox(**overrides: Any) -> Sandbox:
    values: dict[str, Any] = {
        "customer_id": SANDBOX_CUSTOMER_ID,
        "secret_key": SANDBOX_SECRET_KEY,
        "slow_seconds": 0.1,
        "hang_seconds": 3.0,
    }
    values.update(overrides)
    return Sandbox(**values)


class TokenRecordingSandbox(Sandbox):
    """A sandbox that remembers every token it hands out, to look for them in logs."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.issued: list[str] = []

    async def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> SandboxReply | None:
        reply = await super().handle(method, target, headers, body)
        if reply is not None and target.endswith("/login") and reply.status == 200:
            answer = json.loads(reply.body)
            self.issued += [answer["access_token"], answer["refresh_token"]]
        return reply


class HumanPace:
    """The clock of flood control, the stand-in's and the bot's rate limiter's alike:
    people act about once a second, so each user action moves it one second on; whatever
    the bot sends in reply to one action must fit within Telegram's per-chat burst.

    The limiter's waits (`sleep`) take no real time: a wait moves the clock to its end,
    as if the bot had waited (a 429's retry_after, say). With `waits_move_time` off, a
    wait ends only when the test moves the clock there (`step`): what happens in the
    meantime can then be looked at."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits_move_time = True
        self._sleepers: list[tuple[float, asyncio.Future[None]]] = []

    def __call__(self) -> float:
        return self.now

    def step(self, seconds: float = 1.0) -> None:
        self.now += seconds
        for wakes_at, sleeper in self._sleepers:
            if wakes_at <= self.now and not sleeper.done():
                sleeper.set_result(None)
        self._sleepers = [(at, s) for at, s in self._sleepers if not s.done()]

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0 or self.waits_move_time:
            self.step(max(seconds, 0))
            await asyncio.sleep(0)
            return
        sleeper = asyncio.get_running_loop().create_future()
        self._sleepers.append((self.now + seconds, sleeper))
        await sleeper


@dataclass
class Harness:
    """One running bot, its stand-in Telegram and its sandbox provider."""

    settings: Settings
    pace: HumanPace = field(default_factory=HumanPace)
    telegram: FakeTelegram = field(init=False)
    sandbox: Sandbox = field(default_factory=make_sandbox)
    application: App | None = None
    events: list[BotEvent] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.telegram = FakeTelegram(clock=self.pace)
        self.telegram.on_bot_message = self.events.append

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
            rate_limiter=FloodControl(clock=self.pace, sleep=self.pace.sleep),
        )
        await start_application(self.application, poll_timeout=1)
        shops = ResellerRepository(self.database)
        for user_id, shop in ((RESELLER, "Rita <Tienda>"), (ENGLISH_RESELLER, "Ed")):
            if (found := await shops.get(user_id)) is not None and found.shop_name != shop:
                await shops.rename(user_id, shop)  # what an admin would name them

    async def stop(self) -> None:
        if self.application is None:
            return
        await self.wait_until_quiet()
        await stop_application(self.application)
        self.application = None

    async def restart(self) -> None:
        """A new bot process over the same database, stand-in chats and sandbox."""
        await self.stop()
        await self.start()

    @property
    def database(self) -> Database:
        assert self.application is not None
        resources = self.application.bot_data.resources
        assert resources is not None
        return resources.database

    @property
    def services(self) -> Services:
        assert self.application is not None
        services = self.application.bot_data.services
        assert services is not None
        return services

    async def wait_until_quiet(self) -> None:
        """Wait until every update was handled and every purchase in flight is done."""
        assert self.application is not None
        async with asyncio.timeout(10):
            await wait_until_quiet(self.application, self.telegram)

    async def _new_messages(self, chat_id: int, action: Any) -> list[ChatMessage]:
        before = {m.message_id: m for m in self.telegram.bot_messages(chat_id)}
        self.pace.step()
        action()
        await self.wait_until_quiet()
        return [m for m in self.telegram.bot_messages(chat_id) if before.get(m.message_id) != m]

    async def reply(self, user_id: int, message_id: int, text: str) -> list[ChatMessage]:
        """The user answers message `message_id` with Telegram's reply (as ForceReply asks)."""
        return await self._new_messages(
            user_id, lambda: self.telegram.send_text(user_id, text, reply_to=message_id)
        )

    async def say(self, user_id: int, text: str) -> list[ChatMessage]:
        """The user types `text`; returns the bot messages sent or edited in reply."""
        return await self._new_messages(user_id, lambda: self.telegram.send_text(user_id, text))

    async def edit(self, user_id: int, message_id: int, text: str) -> list[ChatMessage]:
        """The user edits a text message of theirs to read `text`."""
        return await self._new_messages(
            user_id, lambda: self.telegram.edit_text(user_id, message_id, text)
        )

    async def send_contact(
        self, user_id: int, phone_number: str, owner_id: int | None = None
    ) -> list[ChatMessage]:
        """The user shares a contact card (someone's without a Telegram account unless
        `owner_id` says whose it is); returns the bot messages in reply."""
        return await self._new_messages(
            user_id,
            lambda: self.telegram.send_contact(user_id, phone_number, owner_id, "Cliente"),
        )

    async def send_photo(self, user_id: int, caption: str | None = None) -> list[ChatMessage]:
        """The user sends a photo (with `caption`); returns the bot messages in reply."""
        return await self._new_messages(
            user_id, lambda: self.telegram.send_photo(user_id, caption)
        )

    async def tap(
        self, user_id: int, label: str, message_id: int | None = None
    ) -> list[ChatMessage]:
        """The user presses the button whose label starts with `label`."""
        return await self._new_messages(
            user_id, lambda: self.telegram.press_button(user_id, label, message_id)
        )

    async def press_raw(self, user_id: int, message_id: int, data: str) -> list[ChatMessage]:
        """A forged (or stale) client presses a button with any `data` on a bot message."""
        return await self._new_messages(
            user_id, lambda: self.telegram.press_raw(user_id, message_id, data)
        )

    def last(self, user_id: int) -> ChatMessage:
        return self.telegram.last_bot_message(user_id)

    def last_text(self, user_id: int) -> str:
        return text_of(self.last(user_id))

    def answers(self, user_id: int) -> list[str]:
        """The texts of callback answers the user saw (toasts and alerts)."""
        return [e.text or "" for e in self.events if e.kind == "answered" and e.chat_id == user_id]

    def alerts(self, user_id: int) -> list[str]:
        """The callback answers the user saw as alerts (a box to dismiss, not a toast)."""
        return [
            e.text or ""
            for e in self.events
            if e.kind == "answered" and e.chat_id == user_id and e.show_alert
        ]

    def shown(self, user_id: int, message_id: int) -> list[str]:
        """Every text one message showed, in order: as sent, then after each edit."""
        return [
            e.message.text or ""
            for e in self.events
            if e.kind in ("sent", "edited")
            and e.chat_id == user_id
            and e.message is not None
            and e.message.message_id == message_id
        ]

    async def reach(
        self,
        user_id: int,
        step: Step,
        *,
        phone: str = PHONE,
        product: str = "📱",
        amount: str = "100",
    ) -> ChatMessage:
        """Walk a new top-up up to `step`; returns that step's screen.

        Airtime by default; a package's label as `product` goes straight to the summary.
        """
        await self.say(user_id, "/recarga")
        if step is not Step.PHONE:
            await self.say(user_id, phone)
        if step in (Step.AMOUNT, Step.CONFIRM):
            await self.tap(user_id, product)
        if step is Step.CONFIRM and product == "📱":
            await self.say(user_id, amount)
        return self.last(user_id)

    async def buy(self, user_id: int, *, phone: str = PHONE, amount: str = "100") -> ChatMessage:
        """A whole airtime top-up, confirmed; returns the message showing its outcome."""
        summary = await self.reach(user_id, Step.CONFIRM, phone=phone, amount=amount)
        await self.tap(user_id, "✅", summary.message_id)
        return self.telegram.message(user_id, summary.message_id)

    async def purchases(self) -> list[Purchase]:
        """Every stored purchase, oldest first."""
        async with self.database.reading() as conn:
            cursor = await conn.execute("SELECT * FROM purchases ORDER BY id")
            return [rows.purchase(row) for row in await cursor.fetchall()]

    async def drafts(self, user_id: int) -> list[Draft]:
        """Every draft the user ever had, oldest first."""
        async with self.database.reading() as conn:
            cursor = await conn.execute(
                "SELECT * FROM drafts WHERE user_id = ? ORDER BY id", (user_id,)
            )
            return [rows.draft(row) for row in await cursor.fetchall()]

    def balance(self) -> Decimal:
        return self.sandbox.balance
