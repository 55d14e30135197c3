"""Reading Bot API parameters however they arrived.

PTB hands over Python values (ints, bools, dicts); an HTTP form or query string carries only
strings, with objects and arrays JSON-encoded. Both are accepted, as Telegram accepts both.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from devtools.standin.errors import bad_request

Params = Mapping[str, Any]

_INTEGER = re.compile(r"-?[0-9]+")


def as_int(value: object) -> int | None:
    """`value` as an integer, or None when it isn't one (bools aren't)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return int(value)
    return None


def opt_int(params: Params, name: str) -> int | None:
    """An optional integer parameter."""
    value = params.get(name)
    if value is None or value == "":
        return None
    number = as_int(value)
    if number is None:
        raise bad_request(f'field "{name}" must be of type Integer')
    return number


def opt_float(params: Params, name: str) -> float | None:
    """An optional number parameter (long-polling timeouts may carry fractions)."""
    value = params.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, bool):
        try:
            return float(value)
        except (TypeError, ValueError):
            pass
    raise bad_request(f'field "{name}" must be of type Float')


def opt_str(params: Params, name: str) -> str | None:
    """An optional string parameter; JSON numbers are taken as their text, as Telegram does."""
    value = params.get(name)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise bad_request(f'field "{name}" must be of type String')


def opt_bool(params: Params, name: str) -> bool:
    """An optional boolean parameter, false when absent."""
    value = params.get(name)
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str) and value.lower() in {"true", "false", "1", "0", ""}:
        return value.lower() in {"true", "1"}
    if isinstance(value, int):
        return value != 0
    raise bad_request(f'field "{name}" must be of type Boolean')


def opt_json(params: Params, name: str) -> object:
    """An optional object or array parameter, given as a Python value or a JSON string."""
    value = params.get(name)
    if not isinstance(value, str):
        return value
    try:
        decoded: object = json.loads(value)
    except ValueError:
        raise bad_request(f"can't parse {name} JSON object") from None
    return decoded
