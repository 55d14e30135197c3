"""`python -m bot check`: is this configuration ready to sell? Nothing is bought.

Each check prints one row (check, result, detail); any failure makes the exit status 1.
The database is only looked at: the checks read it without taking a running bot's lock,
so the preflight can run beside the bot.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass

from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.config import SANDBOX_BY_ABSENCE, ConfigError, Settings, load_settings
from bot.latcom.errors import LatcomError
from bot.logs import known_secrets, setup_logging
from bot.telegram_http import AiohttpRequest
from bot.wiring import latcom_client
from storage.guard import (
    DatabaseUnusableError,
    bot_running_on,
    check_file,
    check_folder,
    latest_version,
    probe_sync,
    schema_version,
)


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


def settings_checks(settings: Settings) -> list[Check]:
    checks = [Check("settings", True, "every variable parses")]
    if settings.mode_is_explicit:
        how = "LATCOM_MODE" if settings.latcom_mode else "implied by the credentials"
        checks.append(Check("mode", True, f"{settings.mode} ({how})"))
    else:
        checks.append(Check("mode", False, SANDBOX_BY_ABSENCE))
    return checks


def database_check(settings: Settings) -> Check:
    path = settings.database_path
    try:
        check_folder(path)
        check_file(path)
        version = schema_version(path)
        probe_sync(path.parent)
    except DatabaseUnusableError as exc:
        return Check("database", False, str(exc))
    latest = latest_version()
    if version == 0:
        state = "new: created at the first start"
    elif version < latest:
        state = f"schema {version}, migrated to {latest} at the next start (a copy first)"
    else:
        state = f"schema {version}, quick_check ok"
    holder = bot_running_on(path)
    running = f"; in use by {holder.describe()}" if holder else "; no bot running on it"
    return Check("database", True, f"{path.resolve()}: {state}{running}")


async def provider_check(settings: Settings) -> Check:
    name = "provider (sandbox)" if settings.uses_sandbox else "provider"
    client = latcom_client(settings, None)
    try:
        balance = await client.get_balance()
    except LatcomError as exc:
        return Check(name, False, f"login or balance failed: {exc}")
    finally:
        await client.aclose()
    return Check(name, True, f"logged in; balance {balance.amount} {balance.currency}")


async def telegram_checks(settings: Settings) -> list[Check]:
    if settings.telegram_bot_token is None:
        return [Check("telegram", False, "TELEGRAM_BOT_TOKEN is not set")]
    request = AiohttpRequest()
    bot = Bot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_api_base_url,
        request=request,
        get_updates_request=request,
    )
    try:
        await bot.initialize()  # getMe
    except TelegramError as exc:
        await request.shutdown()
        return [Check("telegram getMe", False, f"{type(exc).__name__}: {exc}")]
    me = bot.bot
    checks = [Check("telegram getMe", True, f"@{me.username} (id {me.id})")]
    try:
        checks.append(await _webhook_check(bot))
        checks += await _admin_checks(bot, settings, me.username or str(me.id))
    finally:
        await bot.shutdown()
    return checks


async def _webhook_check(bot: Bot) -> Check:
    try:
        info = await bot.get_webhook_info()
    except TelegramError as exc:
        return Check("no webhook", False, f"getWebhookInfo failed: {exc}")
    if info.url:
        return Check(
            "no webhook",
            False,
            f"a webhook is set ({info.url}): this bot uses long polling; if nothing else "
            "should receive its updates, remove it with deleteWebhook",
        )
    return Check("no webhook", True, "long polling can receive updates")


async def _admin_checks(bot: Bot, settings: Settings, username: str) -> list[Check]:
    if not settings.admin_ids:
        return [Check("admins", False, "ADMIN_IDS is empty: nobody would hear of a pending sale")]
    checks = [Check("admins", True, f"{len(settings.admin_ids)} in ADMIN_IDS")]
    for admin in sorted(settings.admin_ids):
        name = f"admin {admin} reachable"
        try:
            await bot.send_chat_action(admin, ChatAction.TYPING)
        except (Forbidden, BadRequest) as exc:
            detail = (
                f"{exc}: they must open @{username} and send /start, or alerts cannot reach them"
            )
            checks.append(Check(name, False, detail))
        except TelegramError as exc:
            checks.append(Check(name, False, f"{type(exc).__name__}: {exc}"))
        else:
            checks.append(Check(name, True, "has started the bot"))
    return checks


async def run_checks(settings: Settings) -> list[Check]:
    checks = settings_checks(settings)
    checks += await telegram_checks(settings)
    checks.append(await provider_check(settings))
    checks.append(database_check(settings))
    return checks


def table(checks: list[Check]) -> str:
    """The checks as a plain-text table, secrets redacted."""
    rows = [("check", "result", "detail")]
    rows += [(c.name, "ok" if c.ok else "FAIL", known_secrets.redact(c.detail)) for c in checks]
    width = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [f"{row[0]:<{width[0]}}  {row[1]:<{width[1]}}  {row[2]}" for row in rows]
    lines.insert(1, f"{'-' * width[0]}  {'-' * width[1]}  {'-' * 6}")
    return "\n".join(lines)


def main_check() -> int:
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(table([Check("settings", False, str(exc))]))
        return 1
    # Quiet logs, but the secrets known, so no detail can print one.
    setup_logging(settings.model_copy(update={"log_level": "ERROR"}))
    checks = asyncio.run(run_checks(settings))
    print(table(checks))
    failed = [check.name for check in checks if not check.ok]
    if failed:
        print(f"\n{len(failed)} check(s) failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("\nReady.")
    return 0
