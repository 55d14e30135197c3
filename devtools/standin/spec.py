"""Every request checked against the Bot API specification, before any method runs.

`botapi_spec.json` is a trimmed, machine-readable copy of the Bot API (its source, commit
and version are at its top; /work/shared/botapi/README.md says how it was made). A request
naming a method Telegram does not have is answered 404, as Telegram does. A parameter the
method does not define, a required one missing, a value of the wrong type, a keyboard or
other object that is not shaped as its type says, a value outside its allowed values or
lengths: 400 "Bad Request: ...". Telegram itself silently ignores parameters it does not
know; the stand-in refuses them, so a test catches a request that would not do what its
sender meant. Where Telegram has its own word for a refusal (BUTTON_DATA_INVALID…), that
word is used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from devtools.standin.errors import ApiError, bad_request
from devtools.standin.params import Params, as_int
from devtools.standin.uploads import Upload

SPEC_PATH = Path(__file__).with_name("botapi_spec.json")
_SCALARS = frozenset({"Integer", "Float", "Boolean", "String", "InputFile"})
_ARRAY = "Array of "
# Telegram's own descriptions for values outside a field's length or pattern.
_TELEGRAM_WORDS = {
    ("InlineKeyboardButton", "callback_data"): "BUTTON_DATA_INVALID",
    ("answerCallbackQuery", "text"): "MESSAGE_TOO_LONG",
    ("BotCommand", "command"): "BOT_COMMAND_INVALID",
    ("BotCommand", "description"): "BOT_COMMAND_DESCRIPTION_INVALID",
}
_NO_ACTION = (
    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
)


class InvalidValueError(Exception):
    """A value that does not fit its field; the text says where and why."""


@dataclass(frozen=True)
class Spec:
    methods: Mapping[str, tuple[str, list[dict[str, Any]]]]  # lower-case name -> (name, fields)
    types: Mapping[str, dict[str, Any]]


@cache
def spec() -> Spec:
    """The specification, read once per process."""
    raw = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    methods = {name.lower(): (name, body["fields"]) for name, body in raw["methods"].items()}
    return Spec(methods, raw["types"])


def check_request(method: str, params: Params) -> str:
    """The method's name as the Bot API spells it, once `params` are all it defines and
    each is of its type; else the ApiError Telegram answers (404 for an unknown method)."""
    found = spec().methods.get(method.lower())
    if found is None:
        raise ApiError(404, "Not Found")
    name, fields = found
    by_name = {field["name"]: field for field in fields}
    unknown = sorted(set(params) - set(by_name))
    if unknown:
        raise bad_request(f'method {name} has no parameter "{unknown[0]}"')
    for field in fields:
        if field["name"] not in params and _required(field, params):
            raise bad_request(f'parameter "{field["name"]}" is required')
    for key, value in params.items():
        field = by_name[key]
        try:
            _check_field(name, field, _decoded(field, value), top=True)
        except InvalidValueError as exc:
            raise bad_request(str(exc)) from None
    return name


def _required(field: Mapping[str, Any], given: Mapping[str, Any]) -> bool:
    if field["required"]:
        return True
    if "required_unless" in field:
        return not any(other in given for other in field["required_unless"])
    if "required_if_present" in field:
        return field["required_if_present"] in given
    if "required_when" in field:
        return all(
            _loose_bool(given.get(other)) == wanted
            for other, wanted in field["required_when"].items()
        )
    return False


def _loose_bool(value: object) -> object:
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    return value


def _decoded(field: Mapping[str, Any], value: object) -> object:
    """A top-level object or array arrives JSON-encoded over HTTP; decode it."""
    if not isinstance(value, str) or all(kind in _SCALARS for kind in field["types"]):
        return value
    try:
        return json.loads(value)
    except ValueError:
        if "String" in field["types"]:
            return value
        raise InvalidValueError(f"can't parse {field['name']} JSON object") from None


def _check_field(owner: str, field: Mapping[str, Any], value: object, *, top: bool) -> None:
    name = field["name"]
    errors = []
    for kind in field["types"]:
        try:
            _check_value(kind, value, name, top=top)
        except InvalidValueError as exc:
            errors.append(exc)
        else:
            break
    else:
        raise _likeliest(errors, field["types"], value)
    _check_rules(owner, field, value)


def _likeliest(
    errors: list[InvalidValueError], kinds: list[str], value: object
) -> InvalidValueError:
    """Of a union's refusals, the one for the type the value most looks like."""
    if len(errors) == 1 or not isinstance(value, dict):
        return errors[0]

    def present(kind: str) -> int:
        body = spec().types.get(kind, {})
        return sum(f["name"] in value for f in body.get("fields", []) if f["required"])

    scores = [present(kind) for kind in kinds]
    return errors[scores.index(max(scores))]


def _check_value(kind: str, value: object, name: str, *, top: bool) -> None:
    if kind.startswith(_ARRAY):
        if not isinstance(value, list):
            raise InvalidValueError(f'field "{name}" must be of type {kind}')
        for index, item in enumerate(value):
            _check_value(kind.removeprefix(_ARRAY), item, f"{name}[{index}]", top=False)
        return
    if kind in _SCALARS:
        if not _scalar_fits(kind, value, top=top):
            raise InvalidValueError(f'field "{name}" must be of type {kind}')
        return
    _check_object(kind, value, name)


def _scalar_fits(kind: str, value: object, *, top: bool) -> bool:
    """Top-level values may come as form strings; inside JSON objects types are strict."""
    if kind == "InputFile":
        return isinstance(value, str | Upload)  # a file_id, a URL or an upload
    if isinstance(value, str) and top and kind != "String":
        text = value.strip().lower()
        if kind == "Integer":
            return as_int(text) is not None
        if kind == "Boolean":
            return text in {"true", "false", "1", "0"}
        return re.fullmatch(r"-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?", text) is not None
    if isinstance(value, bool):
        return kind == "Boolean"
    if kind == "Integer":
        return isinstance(value, int)
    if kind == "Float":
        return isinstance(value, int | float)
    if kind == "String":
        return isinstance(value, str) or (top and isinstance(value, int | float))
    return False


def _check_object(kind: str, value: object, name: str) -> None:
    body = spec().types.get(kind)
    if body is None:
        return  # a type the trimmed specification does not describe
    if isinstance(value, str) and "String" in body.get("also_accepts", []):
        return
    if "subtypes" in body:
        _check_object(_subtype(kind, body["subtypes"], value, name), value, name)
        return
    if not isinstance(value, dict):
        raise InvalidValueError(f"can't parse {name}: {kind} must be an Object")
    fields = {field["name"]: field for field in body["fields"]}
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise InvalidValueError(f'can\'t parse {name}: {kind} has no field "{unknown[0]}"')
    for field in body["fields"]:
        if field["name"] not in value and _required(field, value):
            raise InvalidValueError(f'can\'t parse {name}: field "{field["name"]}" is required')
    _check_choices(kind, body, value, name)
    for key, item in value.items():
        try:
            _check_field(kind, fields[key], item, top=False)
        except InvalidValueError as exc:
            raise InvalidValueError(f"can't parse {name}: {exc}") from None


def _subtype(kind: str, subtypes: list[str], value: object, name: str) -> str:
    """The subtype whose fixed fields (its `type`, say) the value carries."""
    if isinstance(value, dict):
        for subtype in subtypes:
            fixed = [f for f in spec().types[subtype]["fields"] if f["required"] and "enum" in f]
            if fixed and all(value.get(f["name"]) in f["enum"] for f in fixed):
                return subtype
    raise InvalidValueError(f"can't parse {name}: not any {kind}")


def _check_choices(kind: str, body: Mapping[str, Any], value: dict[str, Any], name: str) -> None:
    """Fields of which exactly one (or at most one) may be used, as on buttons."""
    for rule in ("exactly_one_of_fields_except", "at_most_one_of_fields_except"):
        if rule not in body:
            continue
        used = [
            field["name"]
            for field in body["fields"]
            if field["name"] not in body[rule] and value.get(field["name"]) is not None
        ]
        if not used and rule.startswith("exactly"):
            raise InvalidValueError(
                _NO_ACTION if kind == "InlineKeyboardButton" else f"{name}: no field"
            )
        if len(used) > 1:
            raise InvalidValueError(
                f"can't parse {name}: exactly one of the optional fields must be used, "
                f"got {', '.join(used)}"
            )


def _check_rules(owner: str, field: Mapping[str, Any], value: object) -> None:
    """Allowed values, lengths and patterns of a field already of its type."""
    name = field["name"]
    values = value if isinstance(value, list) else [value]
    if "enum" in field:
        for item in values:
            text = str(item)
            allowed = field["enum"]
            if field.get("enum_case_insensitive"):
                text, allowed = text.lower(), [choice.lower() for choice in allowed]
            if not (text in allowed or (text == "" and field.get("enum_allows_empty"))):
                raise InvalidValueError(
                    f'field "{name}" must be one of {", ".join(field["enum"])}'
                )
    if not isinstance(value, str):
        return
    word = _TELEGRAM_WORDS.get((owner, name))
    if "length" in field:
        low, high, unit = field["length"]
        size = len(value.encode()) if unit == "bytes" else len(value)
        if not low <= size <= high:
            raise InvalidValueError(word or f'field "{name}" must be {low}-{high} {unit} long')
    if "pattern" in field and not re.search(field["pattern"], value):
        raise InvalidValueError(word or f'field "{name}" does not match {field["pattern"]}')
    if field.get("string_is_username") and as_int(value) is None and not value.startswith("@"):
        raise InvalidValueError("chat not found")
