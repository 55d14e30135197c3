"""The Bot API methods that put things in front of the user: messages, edits, answers."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from devtools.standin.entities import FormattedText
from devtools.standin.errors import bad_request
from devtools.standin.html import HtmlError, parse_html
from devtools.standin.markup import parse_reply_markup
from devtools.standin.models import BotEvent, ChatMessage, JsonDict
from devtools.standin.params import Params, as_int, opt_bool, opt_int, opt_json, opt_str
from devtools.standin.state import Chat, StandInState
from devtools.standin.uploads import Upload, document, photo_size

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_ANSWER_LENGTH = 200
PHOTO_SIDES = (90, 320, 800)  # the smaller copies Telegram makes of a photo
CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice"}
    | {"upload_document", "choose_sticker", "find_location", "record_video_note"}
    | {"upload_video_note"}
)
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def message_text(state: StandInState, params: Params) -> FormattedText:
    """The text as Telegram will show it, checked against Telegram's text rules."""
    formatted = _formatted(state, params, "text", "entities")
    if not formatted.text:
        raise bad_request("message text is empty")
    if len(formatted.text) > MAX_TEXT_LENGTH:
        raise bad_request("message is too long")
    return formatted


def caption_text(state: StandInState, params: Params) -> FormattedText:
    """A photo's caption as Telegram will show it (it may be empty)."""
    formatted = _formatted(state, params, "caption", "caption_entities")
    if len(formatted.text) > MAX_CAPTION_LENGTH:
        raise bad_request("message caption is too long")
    return formatted


def _formatted(state: StandInState, params: Params, name: str, entities: str) -> FormattedText:
    raw = opt_str(params, name) or ""
    try:
        raw.encode()
    except UnicodeEncodeError:
        raise bad_request("strings must be encoded in UTF-8") from None
    parse_mode = (opt_str(params, "parse_mode") or "").lower()
    if parse_mode == "html":
        try:
            formatted = parse_html(raw, strict=state.strict_html)
        except HtmlError as exc:
            raise bad_request(f"can't parse entities: {exc}") from None
    elif parse_mode in {"markdown", "markdownv2"}:
        raise bad_request("can't parse entities: the stand-in implements parse_mode HTML only")
    elif parse_mode:
        raise bad_request("unsupported parse_mode")
    else:
        formatted = FormattedText(raw, _given_entities(params, entities))
    return formatted.stripped()


def _given_entities(params: Params, name: str = "entities") -> tuple[JsonDict, ...]:
    given = opt_json(params, name) or []
    if not isinstance(given, list) or not all(
        isinstance(entity, dict)
        and isinstance(entity.get("type"), str)
        and isinstance(entity.get("offset"), int)
        and isinstance(entity.get("length"), int)
        for entity in given
    ):
        raise bad_request("can't parse entities JSON object")
    return tuple(given)


def send_message(state: StandInState, params: Params) -> JsonDict:
    """sendMessage."""
    chat = state.writable_chat(params)
    text = message_text(state, params)
    markup = parse_reply_markup(opt_json(params, "reply_markup"))
    reply_to = _reply_target(chat, params)
    state.limit(chat)
    message = state.add_message(
        chat,
        from_bot=True,
        text=text.text,
        entities=text.entities,
        reply_markup=markup.inline,
        reply_keyboard=markup.other,
        reply_to_message_id=reply_to,
    )
    state.emit(BotEvent("sent", chat.id, message))
    return state.message_json(message)


def send_photo(state: StandInState, params: Params) -> JsonDict:
    """sendPhoto of a photo already on Telegram (a file_id) or of a new one uploaded."""
    chat = state.writable_chat(params)
    given = params.get("photo")
    if isinstance(given, Upload):
        sizes = _uploaded_photo(state, given)
    elif isinstance(given, str) and given in state.photos:
        sizes = state.photos[given]
    else:
        raise bad_request("wrong file identifier/HTTP URL specified")
    return _send_captioned(state, chat, params, photo=sizes)


def _send_captioned(state: StandInState, chat: Chat, params: Params, **media: Any) -> JsonDict:
    """Send a photo or a document with its caption, as Telegram checks and shows it."""
    caption = caption_text(state, params)
    markup = parse_reply_markup(opt_json(params, "reply_markup"))
    reply_to = _reply_target(chat, params)
    state.limit(chat)
    message = state.add_message(
        chat,
        from_bot=True,
        caption=caption.text or None,
        caption_entities=caption.entities,
        reply_markup=markup.inline,
        reply_keyboard=markup.other,
        reply_to_message_id=reply_to,
        **media,
    )
    state.emit(BotEvent("sent", chat.id, message))
    return state.message_json(message)


def _uploaded_photo(state: StandInState, upload: Upload) -> tuple[JsonDict, ...]:
    """The sizes Telegram keeps of a new photo: smaller copies, then the photo itself
    (the stand-in keeps the uploaded bytes under each)."""
    width, height = photo_size(upload)
    sizes: list[JsonDict] = []
    for side in (*(side for side in PHOTO_SIDES if side < max(width, height)), None):
        scale = 1.0 if side is None else side / max(width, height)
        file_id, unique_id = state.keep_file(upload.content)
        sizes.append(
            {
                "file_id": file_id,
                "file_unique_id": unique_id,
                "width": max(1, round(width * scale)),
                "height": max(1, round(height * scale)),
                "file_size": len(upload.content),
            }
        )
    for size in sizes:
        state.photos[size["file_id"]] = tuple(sizes)
    return tuple(sizes)


def send_document(state: StandInState, params: Params) -> JsonDict:
    """sendDocument of a new file (an upload) or of one already on Telegram."""
    chat = state.writable_chat(params)
    given = params.get("document")
    if isinstance(given, Upload):
        upload = document(given)
        file_id, unique_id = state.keep_file(upload.content)
        sent: JsonDict = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "file_name": upload.filename,
            "file_size": len(upload.content),
        }
        if upload.mime_type:
            sent["mime_type"] = upload.mime_type
    elif isinstance(given, str) and given in state.files:
        sent = {"file_id": given, "file_unique_id": given, "file_size": len(state.files[given])}
    else:
        raise bad_request("wrong file identifier/HTTP URL specified")
    return _send_captioned(state, chat, params, document=sent)


def _reply_target(chat: Chat, params: Params) -> int | None:
    reply = opt_json(params, "reply_parameters")
    if isinstance(reply, dict):
        target = opt_int(reply, "message_id")
        lenient = opt_bool(reply, "allow_sending_without_reply")
    else:
        target = opt_int(params, "reply_to_message_id")
        lenient = opt_bool(params, "allow_sending_without_reply")
    if target is None or target in chat.messages:
        return target
    if lenient:
        return None
    raise bad_request("message to be replied not found")


def edit_message_text(state: StandInState, params: Params) -> JsonDict:
    """editMessageText: a missing reply_markup removes the inline keyboard, as on Telegram."""
    chat, current = _editable(state, params)
    if current.text is None:
        raise bad_request("there is no text in the message to edit")
    text = message_text(state, params)
    return _apply_edit(
        state,
        chat,
        current,
        replace(current, text=text.text, entities=text.entities, reply_markup=_inline(params)),
    )


def edit_message_caption(state: StandInState, params: Params) -> JsonDict:
    """editMessageCaption: a missing reply_markup removes the inline keyboard."""
    chat, current = _editable(state, params)
    if not current.photo:
        raise bad_request("there is no caption in the message to edit")
    caption = caption_text(state, params)
    wanted = replace(
        current,
        caption=caption.text or None,
        caption_entities=caption.entities,
        reply_markup=_inline(params),
    )
    return _apply_edit(state, chat, current, wanted)


def edit_message_reply_markup(state: StandInState, params: Params) -> JsonDict:
    """editMessageReplyMarkup: a missing reply_markup removes the inline keyboard."""
    chat, current = _editable(state, params)
    return _apply_edit(state, chat, current, replace(current, reply_markup=_inline(params)))


def _editable(state: StandInState, params: Params) -> tuple[Chat, ChatMessage]:
    if params.get("inline_message_id") is not None:
        raise bad_request("the stand-in has no inline messages (inline_message_id)")
    chat = state.writable_chat(params)
    message_id = opt_int(params, "message_id")
    if message_id is None:
        raise bad_request("message identifier is not specified")
    message = chat.messages.get(message_id)
    if message is None:
        raise bad_request("message to edit not found")
    if not message.from_bot:
        raise bad_request("message can't be edited")
    return chat, message


def _inline(params: Params) -> JsonDict | None:
    markup = parse_reply_markup(opt_json(params, "reply_markup"))
    if markup.other is not None:
        raise bad_request("inline keyboard expected")
    return markup.inline


def _apply_edit(
    state: StandInState, chat: Chat, current: ChatMessage, wanted: ChatMessage
) -> JsonDict:
    if wanted == current:
        raise bad_request(NOT_MODIFIED)
    state.limit(chat)
    edited = state.edit_message(chat, wanted)
    state.emit(BotEvent("edited", chat.id, edited))
    return state.message_json(edited)


def delete_message(state: StandInState, params: Params) -> bool:
    """deleteMessage: in a private chat the bot may delete both sides' messages."""
    chat = state.writable_chat(params)
    message = chat.messages.pop(opt_int(params, "message_id") or 0, None)
    if message is None:
        raise bad_request("message to delete not found")
    state.emit(BotEvent("deleted", chat.id, message))
    return True


def leave_chat(state: StandInState, params: Params) -> bool:
    """leaveChat: the bot leaves a group; a private chat has no membership to leave."""
    chat = state.chats.get(as_int(params.get("chat_id")) or 0)
    if chat is None or chat.left:
        raise bad_request("chat not found")
    if chat.group_id is None:
        raise bad_request("chat member status can't be changed in private chats")
    chat.left = True
    state.emit(BotEvent("left", chat.id))
    return True


def answer_callback_query(state: StandInState, params: Params) -> bool:
    """answerCallbackQuery: once per query, with at most 200 characters."""
    query = state.callbacks.get(opt_str(params, "callback_query_id") or "")
    if query is None or query.answered:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = opt_str(params, "text") or ""
    if len(text) > MAX_ANSWER_LENGTH:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answered = True
    query.answer_text = text
    query.show_alert = opt_bool(params, "show_alert")
    state.emit(BotEvent("answered", query.user_id, text=text, show_alert=query.show_alert))
    return True


def send_chat_action(state: StandInState, params: Params) -> bool:
    """sendChatAction."""
    state.writable_chat(params)
    if opt_str(params, "action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True
