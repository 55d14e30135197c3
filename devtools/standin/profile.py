"""The Bot API methods about the bot itself: getMe and the command menu."""

from __future__ import annotations

import json
import re

from devtools.standin.errors import bad_request
from devtools.standin.models import JsonDict
from devtools.standin.params import Params, opt_json, opt_str
from devtools.standin.state import StandInState

MAX_COMMANDS = 100
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")


def get_me(state: StandInState, params: Params) -> JsonDict:
    """getMe."""
    return {
        **state.bot.to_json(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def menu_key(params: Params) -> tuple[str, str]:
    """Which command menu a request names: its scope (as JSON) and language_code."""
    scope = opt_json(params, "scope") or {"type": "default"}
    if not isinstance(scope, dict) or not isinstance(scope.get("type"), str):
        raise bad_request("can't parse BotCommandScope JSON object")
    return scope_key(scope), opt_str(params, "language_code") or ""


def scope_key(scope: JsonDict) -> str:
    return json.dumps(scope, sort_keys=True)


def menu_seen(state: StandInState, user_id: int, language_code: str) -> list[JsonDict]:
    """The menu a user sees in their private chat with the bot, as Telegram picks it:
    the chat's own scope, then all private chats, then the default; each first in the
    user's language, then without one."""
    scopes = ({"type": "chat", "chat_id": user_id}, {"type": "all_private_chats"})
    for scope in (*scopes, {"type": "default"}):
        for lang in (language_code, ""):
            found = state.commands.get((scope_key(scope), lang))
            if found is not None:
                return list(found)
    return []


def set_my_commands(state: StandInState, params: Params) -> bool:
    """setMyCommands: lowercase names of 1-32 characters, descriptions of 1-256."""
    commands = opt_json(params, "commands")
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > MAX_COMMANDS:
        raise bad_request("too many commands specified")
    menu: list[JsonDict] = []
    for command in commands:
        name = command.get("command") if isinstance(command, dict) else None
        description = command.get("description") if isinstance(command, dict) else None
        if not isinstance(name, str) or not _COMMAND.fullmatch(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        menu.append({"command": name, "description": description})
    key = menu_key(params)
    scope = json.loads(key[0])
    if scope["type"] == "chat":
        # Telegram knows no chat with a user who never started the bot.
        chat = state.chats.get(scope.get("chat_id"))
        if chat is None or not chat.started:
            raise bad_request("chat not found")
    state.commands[key] = menu
    return True


def get_my_commands(state: StandInState, params: Params) -> list[JsonDict]:
    """getMyCommands."""
    return list(state.commands.get(menu_key(params), []))


def delete_my_commands(state: StandInState, params: Params) -> bool:
    """deleteMyCommands."""
    state.commands.pop(menu_key(params), None)
    return True
