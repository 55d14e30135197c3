"""`python -m devtools console`: the real bot in this terminal, with a stand-in for Telegram.

The same `Application` as on Telegram, built by the same factory; only the Bot API is
replaced by the stand-in. Bot messages are printed with numbered buttons; typing a
button's number presses it, anything else is sent as a message.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from bot.app import App, build_application, start_application, stop_application
from bot.config import ConfigError, Settings
from bot.logs import setup_logging
from bot.processor import PerUserUpdateProcessor
from devtools.standin import BotEvent, ChatMessage, FakeTelegram, StandInRequest
from storage.guard import DatabaseUnusableError, prepare

# The console's own file: trying the bot never writes the production database.
CONSOLE_DATABASE = Path("data/console.sqlite3")


def console_settings(settings: Settings, *, database: Path, live: bool) -> Settings:
    """The console's settings: the sandbox and its own database unless asked otherwise,
    whatever `.env` says (it may well hold production's credentials and database)."""
    if live and not settings.has_credentials:
        raise ConfigError("--live needs LATCOM_CUSTOMER_ID and LATCOM_SECRET_KEY")
    mode = "live" if live else "sandbox"
    return settings.model_copy(update={"latcom_mode": mode, "database_path": database})


BANNER = """\
Consola local del bot de recargas (Telegram simulado, proveedor: {provider},
base de datos: {database}).
Eres administrador y vendedor. Escribe /recarga para empezar, /ayuda para ayuda.
Escribe el número de un botón para pulsarlo. Ctrl-D o /salir para terminar.
"""


async def wait_until_quiet(application: App, telegram: FakeTelegram) -> None:
    """Wait until every update was handled and every purchase in flight is done."""
    processor = application.update_processor
    await telegram.wait_until_delivered()
    await application.update_queue.join()
    if isinstance(processor, PerUserUpdateProcessor):
        await processor.wait_idle()
    services = application.bot_data.services
    if services is not None:
        await services.background.wait_idle()


def render(event: BotEvent, saved: Path | None = None) -> str:
    """A bot message as the terminal shows it; a file it sent, where it was `saved`."""
    if event.kind == "answered":
        return f"  » {event.text}" if event.text else ""
    if event.kind == "deleted" or event.message is None:
        return ""
    message: ChatMessage = event.message
    head = "🤖 (editado)" if event.kind == "edited" else "🤖"
    shown = message.text or ("[📷] " + (message.caption or "") if message.photo else "")
    if message.document is not None:
        name = message.document.get("file_name", "archivo")
        shown = f"[📄 {name}] {message.caption or ''}".rstrip()
    if saved is not None:
        shown += f"\n   (guardado en {saved})"
    lines = [f"{head} {shown}"]
    rows: dict[int, list[str]] = {}
    for number, button in enumerate(message.buttons, start=1):
        rows.setdefault(button.row, []).append(f"[{number}] {button.text}")
    lines.extend("   " + "   ".join(row) for row in rows.values())
    return "\n".join(lines)


class Console:
    def __init__(self, settings: Settings, user_id: int) -> None:
        self.user_id = user_id
        self.settings = settings.model_copy(
            update={
                "admin_ids": settings.admin_ids | {user_id},
                "reseller_ids": settings.reseller_ids | {user_id},
            }
        )
        # The data folder outlives the session, so the ids go on as Telegram's would:
        # from 1 again, the first updates would pass for replays of the last session's,
        # and new messages would take the message ids its drafts and receipts point at.
        # Counted from the clock, in milliseconds, they keep rising across sessions.
        first_id = time.time_ns() // 1_000_000
        self.telegram = FakeTelegram(first_update_id=first_id, first_message_id=first_id)
        self.telegram.add_user(user_id, first_name="Consola", language_code="es")
        self.telegram.on_bot_message = self._print
        self.application = build_application(
            self.settings,
            request=StandInRequest(self.telegram),
            get_updates_request=StandInRequest(self.telegram),
        )

    def _print(self, event: BotEvent) -> None:
        if event.chat_id == self.user_id and (shown := render(event, self._save(event))):
            print(shown, flush=True)

    def _save(self, event: BotEvent) -> Path | None:
        """A file the bot uploaded (an export, a chart), written beside the console's
        database so it can be opened; None for anything else."""
        message = event.message
        if event.kind != "sent" or message is None:
            return None
        try:
            content = self.telegram.uploaded(message)
        except LookupError:
            return None  # no file, or a photo already on Telegram (a voucher)
        if message.document is not None:
            name = Path(str(message.document.get("file_name", "archivo"))).name
        else:
            name = f"foto_{message.message_id}.png"
        folder = self.settings.database_path.parent / "archivos"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
        return folder / name

    def _press_or_say(self, line: str) -> None:
        if line.isascii() and line.isdigit():
            with_buttons = [m for m in self.telegram.bot_messages(self.user_id) if m.buttons]
            if with_buttons and 1 <= int(line) <= len(with_buttons[-1].buttons):
                last = with_buttons[-1]
                self.telegram.press_button(self.user_id, int(line), last.message_id)
                return
        # Telegram opens a reply to a question that asks for one (ForceReply).
        sent = self.telegram.bot_messages(self.user_id)
        keyboard = sent[-1].reply_keyboard if sent else None
        asks = bool(keyboard and keyboard.get("force_reply")) and not line.startswith("/")
        reply_to = sent[-1].message_id if asks else None
        self.telegram.send_text(self.user_id, line, reply_to=reply_to)

    async def run(self) -> None:
        provider = "sandbox integrado" if self.settings.uses_sandbox else "LATCOM (dinero real)"
        print(BANNER.format(provider=provider, database=self.settings.database_path), flush=True)
        await start_application(self.application, poll_timeout=1)
        try:
            while True:
                print("> ", end="", flush=True)
                line = await asyncio.to_thread(sys.stdin.readline)
                if not line or line.strip() in {"/salir", "/quit"}:
                    break
                if line.strip():
                    self._press_or_say(line.strip())
                    await wait_until_quiet(self.application, self.telegram)
        finally:
            print("\nHasta luego.", flush=True)
            await stop_application(self.application)


def run_console(settings: Settings, user_id: int) -> int:
    setup_logging(settings.model_copy(update={"log_level": "WARNING"}))
    settings.database_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        prepared = prepare(settings.database_path)  # the lock, held until the console ends
    except DatabaseUnusableError as exc:
        print(f"Cannot start: {exc}", file=sys.stderr)
        return 2
    try:
        asyncio.run(Console(settings, user_id).run())
    except KeyboardInterrupt:
        return 130
    finally:
        prepared.lock.release()
    return 0
