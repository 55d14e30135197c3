"""reply_markup: which keyboards Telegram accepts, refusing the ones it refuses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from devtools.standin.errors import ApiError, bad_request

JsonDict = dict[str, Any]

MAX_INLINE_BUTTONS = 100
_INLINE_ACTIONS = (
    "callback_data",
    "url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "login_url",
    "web_app",
    "callback_game",
    "pay",
    "copy_text",
)
_URL_SCHEMES = ("http://", "https://", "tg://", "ton://")


@dataclass(frozen=True)
class ReplyMarkup:
    """A validated reply_markup.

    `inline` is the inline keyboard Telegram attaches to the message (None when it has no
    buttons); `other` is a custom keyboard, its removal or a force-reply, which Telegram
    shows in the chat but never attaches to the message.
    """

    inline: JsonDict | None = None
    other: JsonDict | None = None


def parse_reply_markup(raw: object) -> ReplyMarkup:
    """Validate a reply_markup already decoded from JSON (None when it was absent)."""
    if raw is None:
        return ReplyMarkup()
    if not isinstance(raw, dict):
        raise _unparsable()
    if "inline_keyboard" in raw:
        return ReplyMarkup(inline=_inline_keyboard(raw))
    if "keyboard" in raw:
        return ReplyMarkup(other=_reply_keyboard(raw))
    if raw.get("remove_keyboard") is True or raw.get("force_reply") is True:
        return ReplyMarkup(other=dict(raw))
    raise _unparsable()


def _unparsable() -> ApiError:
    return bad_request("can't parse reply keyboard markup JSON object")


def _rows(raw: JsonDict, key: str) -> list[list[Any]]:
    rows = raw[key]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(f'field "{key}" of the {key} markup must be an Array of Array')
    return rows


def _inline_keyboard(raw: JsonDict) -> JsonDict | None:
    rows = [[_inline_button(button) for button in row] for row in _rows(raw, "inline_keyboard")]
    rows = [row for row in rows if row]
    if sum(len(row) for row in rows) > MAX_INLINE_BUTTONS:
        raise bad_request("reply markup is too long")
    return {"inline_keyboard": rows} if rows else None


def _inline_button(button: object) -> JsonDict:
    if not isinstance(button, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    text = button.get("text")
    if not isinstance(text, str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not text.strip():
        raise bad_request("BUTTON_TEXT_EMPTY")
    actions = [action for action in _INLINE_ACTIONS if button.get(action) is not None]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(actions) > 1:
        raise bad_request(
            "can't parse inline keyboard button: exactly one of the optional fields must be "
            f"used, got {', '.join(actions)}"
        )
    data = button.get("callback_data")
    if data is not None and (not isinstance(data, str) or not 1 <= len(data.encode()) <= 64):
        raise bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if url is not None and (not isinstance(url, str) or not _plausible_url(url)):
        raise bad_request("BUTTON_URL_INVALID")
    return dict(button)


def _plausible_url(url: str) -> bool:
    if not url or any(char.isspace() for char in url):
        return False
    return "://" not in url or url.lower().startswith(_URL_SCHEMES)


def _reply_keyboard(raw: JsonDict) -> JsonDict:
    for row in _rows(raw, "keyboard"):
        for button in row:
            text = button.get("text") if isinstance(button, dict) else button
            if not isinstance(text, str):
                raise bad_request(
                    'can\'t parse keyboard button: Field "text" must be of type String'
                )
            if not text.strip():
                raise bad_request("BUTTON_TEXT_EMPTY")
    return dict(raw)
