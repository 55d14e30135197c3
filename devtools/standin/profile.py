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
    return json.dumps(scope, sort_keys=True), opt_str(params, "language_code") or ""


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
    state.commands[menu_key(params)] = menu
    return True


def get_my_commands(state: StandInState, params: Params) -> list[JsonDict]:
    """getMyCommands."""
    return list(state.commands.get(menu_key(params), []))


def delete_my_commands(state: StandInState, params: Params) -> bool:
    """deleteMyCommands."""
    state.commands.pop(menu_key(params), None)
    return True
