"""The Telegram stand-in refuses what Telegram refuses, seen through real PTB objects."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, RetryAfter
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

from devtools.standin import BotEvent, FakeTelegram, StandInRequest

USER = 1001
TOKEN = "123:ABC"


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake(clock: FakeClock) -> FakeTelegram:
    telegram = FakeTelegram(clock=clock)
    telegram.add_user(USER, first_name="Ana")
    telegram.send_text(USER, "/start")
    return telegram


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(
        token=TOKEN, request=StandInRequest(fake), get_updates_request=StandInRequest(fake)
    ) as bot:
        yield bot


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(f"b{d}", callback_data=d)] for d in data])


# --- identity and chats -------------------------------------------------------------------


async def test_get_me_returns_the_configured_bot(bot: Bot) -> None:
    assert bot.username == "recargas_sandbox_bot"
    assert (await bot.get_me()).is_bot


async def test_unknown_chat_is_not_found(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999, "hola")


async def test_bot_cannot_write_first_or_after_being_blocked(bot: Bot, fake: FakeTelegram) -> None:
    fake.add_user(2002)
    with pytest.raises(Forbidden, match=r"(?i)can't initiate conversation"):
        await bot.send_message(2002, "hola")
    fake.block(USER)
    with pytest.raises(Forbidden, match=r"(?i)blocked by the user"):
        await bot.send_message(USER, "hola")
    fake.send_text(USER, "/start")
    await bot.send_message(USER, "de vuelta")


async def test_unknown_method_is_404_and_recorded(fake: FakeTelegram) -> None:
    status, body = await fake.call("sendPigeon", {})
    assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found"})
    assert fake.errors == [("sendPigeon", {}, "Not Found")]


async def test_http_form_strings_are_accepted(fake: FakeTelegram) -> None:
    markup = json.dumps({"inline_keyboard": [[{"text": "Sí", "callback_data": "yes"}]]})
    status, body = await fake.call(
        "sendmessage", {"chat_id": str(USER), "text": "¿Seguro?", "reply_markup": markup}
    )
    assert status == 200
    assert body["result"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "yes"
    assert fake.calls[-1][0] == "sendMessage"


# --- text and HTML ------------------------------------------------------------------------


async def test_text_may_have_4096_characters_but_not_4097(bot: Bot) -> None:
    await bot.send_message(USER, "x" * 4096)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER, "x" * 4097)


async def test_blank_text_is_empty(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER, " \n ")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER, "<b> </b>", parse_mode=ParseMode.HTML)


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<script>x</script>", 'Unsupported start tag "script" at byte offset 0'),
        ("ñ &nbsp;", 'Unsupported HTML entity "&nbsp;" at byte offset 3'),
        ("a & b", "Can't find end of the entity starting at byte offset 2"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler"'),
        ("<a>x</a>", 'Tag "a" must have a non-empty attribute "href"'),
    ],
)
async def test_bad_html_is_refused(bot: Bot, html: str, error: str) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities") as refused:
        await bot.send_message(USER, html, parse_mode=ParseMode.HTML)
    assert error.lower() in str(refused.value).lower()


async def test_escaped_html_counts_its_decoded_length(bot: Bot) -> None:
    sent = await bot.send_message(USER, "&lt;" * 4096, parse_mode=ParseMode.HTML)
    assert sent.text == "<" * 4096
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER, "&lt;" * 4097, parse_mode=ParseMode.HTML)


async def test_html_becomes_text_and_entities(bot: Bot) -> None:
    sent = await bot.send_message(
        USER,
        '<b>Saldo</b> &amp; <i>ñ</i> 😀 <a href="https://x.mx/?a=1&b=2">ver</a>'
        '<pre><code class="language-py">x</code></pre>',
        parse_mode=ParseMode.HTML,
    )
    assert sent.text == "Saldo & ñ 😀 verx"
    found = [(e.type, e.offset, e.length) for e in sent.entities]
    assert found == [("bold", 0, 5), ("italic", 8, 1), ("text_link", 13, 3), ("pre", 16, 1)]
    assert sent.entities[2].url == "https://x.mx/?a=1&b=2"
    assert sent.entities[3].language == "py"


async def test_the_documented_html_is_accepted(bot: Bot) -> None:
    sent = await bot.send_message(
        USER,
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>"
        '<strike>k</strike><del>d</del><span class="tg-spoiler">p</span><tg-spoiler>t</tg-spoiler>'
        '<a href="tg://user?id=1001">m</a><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
        "<code>c</code><pre>p</pre><blockquote>q</blockquote>"
        "<blockquote expandable>x</BLOCKQUOTE>&quot;&#38;&#x41;",
        parse_mode=ParseMode.HTML,
    )
    assert sent.text == 'bsieunskdptm👍cpqx"&A'
    assert [e.type for e in sent.entities][-3:] == ["pre", "blockquote", "expandable_blockquote"]


async def test_markdown_is_not_implemented(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)HTML only"):
        await bot.send_message(USER, "*x*", parse_mode=ParseMode.MARKDOWN_V2)


# --- keyboards ----------------------------------------------------------------------------


async def test_callback_data_is_limited_to_64_bytes(bot: Bot) -> None:
    await bot.send_message(USER, "ok", reply_markup=keyboard("ñ" * 32))
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(USER, "no", reply_markup=keyboard("ñ" * 33))


async def test_inline_buttons_need_an_action(bot: Bot) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("solo texto")]])
    with pytest.raises(BadRequest, match=r"(?i)Text buttons are unallowed"):
        await bot.send_message(USER, "x", reply_markup=markup)


async def test_reply_keyboard_is_shown_but_not_attached(bot: Bot, fake: FakeTelegram) -> None:
    markup = ReplyKeyboardMarkup([[KeyboardButton("Compartir", request_contact=True)]])
    sent = await bot.send_message(USER, "Tu número", reply_markup=markup)
    assert sent.reply_markup is None
    stored = fake.last_bot_message(USER).reply_keyboard
    assert stored is not None
    assert stored["keyboard"][0][0]["request_contact"] is True


# --- edits --------------------------------------------------------------------------------


async def test_identical_edit_is_not_modified(bot: Bot) -> None:
    sent = await bot.send_message(
        USER, "<b>Hola</b>", parse_mode="HTML", reply_markup=keyboard("a")
    )
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "<b>Hola</b>", USER, sent.message_id, parse_mode="HTML", reply_markup=keyboard("a")
        )
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_reply_markup(USER, sent.message_id, reply_markup=keyboard("a"))
    # Same text without its bold entity is a change; so is dropping the keyboard.
    edited = await bot.edit_message_text("Hola", USER, sent.message_id)
    assert isinstance(edited, type(sent))
    assert edited.edit_date is not None
    assert edited.reply_markup is None


async def test_only_existing_bot_messages_can_be_edited(bot: Bot, fake: FakeTelegram) -> None:
    user_message = fake.messages(USER)[0]
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("x", USER, user_message.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", USER, 999)


async def test_listener_sees_sends_edits_and_deletes(bot: Bot, fake: FakeTelegram) -> None:
    events: list[BotEvent] = []
    fake.on_bot_message = events.append
    sent = await bot.send_message(USER, "uno")
    await bot.edit_message_text("dos", USER, sent.message_id)
    await bot.delete_message(USER, sent.message_id)
    assert [(e.kind, e.message and e.message.text) for e in events] == [
        ("sent", "uno"),
        ("edited", "dos"),
        ("deleted", "dos"),
    ]
    assert fake.bot_messages(USER) == []


# --- button presses -----------------------------------------------------------------------


async def test_callback_query_is_answered_once(bot: Bot, fake: FakeTelegram) -> None:
    sent = await bot.send_message(USER, "¿Monto?", reply_markup=keyboard("50", "100"))
    fake.press(USER, sent.message_id, "100")
    updates = await bot.get_updates(offset=0)
    query = updates[-1].callback_query
    assert query is not None
    assert query.data == "100"
    with pytest.raises(BadRequest, match=r"(?i)MESSAGE_TOO_LONG"):
        await query.answer("x" * 201)
    assert [q.id for q in fake.unanswered_callback_queries()] == [query.id]
    await query.answer("Listo")
    assert fake.unanswered_callback_queries() == []
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await query.answer()
    with pytest.raises(BadRequest, match=r"(?i)query ID is invalid"):
        await bot.answer_callback_query("nope")


async def test_only_existing_buttons_can_be_pressed(bot: Bot, fake: FakeTelegram) -> None:
    sent = await bot.send_message(USER, "¿Monto?", reply_markup=keyboard("50", "100"))
    with pytest.raises(ValueError, match="no button"):
        fake.press(USER, sent.message_id, "500")
    fake.press_raw(USER, sent.message_id, "500")
    fake.press_button(USER, "b10")
    fake.press_button(USER, 1)
    with pytest.raises(ValueError, match="no callback button"):
        fake.press_button(USER, 3)
    updates = await bot.get_updates()
    assert [u.callback_query.data for u in updates if u.callback_query] == ["500", "100", "50"]


# --- flood control ------------------------------------------------------------------------


async def test_sixth_message_in_a_second_hits_flood_control(
    bot: Bot, fake: FakeTelegram, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PTB 22 warns on every RetryAfter unless it may use timedelta; warnings are errors here.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    for n in range(5):
        await bot.send_message(USER, f"m{n}")
    with pytest.raises(RetryAfter) as flooded:
        await bot.send_message(USER, "m5")
    assert flooded.value.retry_after == dt.timedelta(seconds=1)
    assert fake.errors[-1] == (
        "sendMessage",
        {"chat_id": USER, "text": "m5"},
        "Too Many Requests: retry after 1",
    )
    clock.now += 1
    await bot.send_message(USER, "m5")


async def test_flood_control_envelope_carries_retry_after(fake: FakeTelegram) -> None:
    params = {"chat_id": USER, "text": "x"}
    for _ in range(5):
        assert (await fake.call("sendMessage", params))[0] == 200
    status, body = await fake.call("sendMessage", params)
    assert status == 429
    assert body["parameters"] == {"retry_after": 1}


# --- updates ------------------------------------------------------------------------------


async def test_user_commands_get_bot_command_entities(bot: Bot, fake: FakeTelegram) -> None:
    fake.send_text(USER, "/recibos 5537686660")
    fake.send_text(USER, "/ayuda@recargas_sandbox_bot")
    updates = await bot.get_updates()
    entities = [u.message.entities for u in updates if u.message]
    assert [(e.type, e.offset, e.length) for e in entities[1]] == [("bot_command", 0, 8)]
    assert entities[2][0].length == len("/ayuda@recargas_sandbox_bot")


async def test_offset_confirms_updates(bot: Bot, fake: FakeTelegram) -> None:
    fake.send_text(USER, "uno")
    first = await bot.get_updates()
    assert [u.message.text for u in first if u.message] == ["/start", "uno"]
    assert len(await bot.get_updates()) == 2  # unconfirmed updates come again
    assert await bot.get_updates(offset=first[-1].update_id + 1) == ()
    assert fake.pending_updates == 0
    await fake.wait_until_delivered(within=0.1)


async def test_long_poll_returns_an_update_pushed_while_waiting(
    bot: Bot, fake: FakeTelegram
) -> None:
    await bot.get_updates(offset=-1)
    await bot.get_updates(offset=fake.send_text(USER, "x") + 1)
    poll = asyncio.create_task(bot.get_updates(offset=0, timeout=3))
    await asyncio.sleep(0.05)
    assert not poll.done()
    fake.send_text(USER, "hola")
    updates = await asyncio.wait_for(poll, 0.5)
    assert [u.message.text for u in updates if u.message] == ["hola"]


async def test_long_poll_times_out_empty(bot: Bot) -> None:
    await bot.get_updates(offset=-1)
    (last,) = await bot.get_updates()
    assert await bot.get_updates(offset=last.update_id + 1, timeout=1) == ()


async def test_a_second_poller_terminates_the_first(bot: Bot) -> None:
    await bot.get_updates(offset=-1)
    (last,) = await bot.get_updates()
    offset = last.update_id + 1
    first = asyncio.create_task(bot.get_updates(offset=offset, timeout=3))
    await asyncio.sleep(0.02)
    second = asyncio.create_task(bot.get_updates(offset=offset, timeout=1))
    with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates request"):
        await first
    assert await second == ()


async def test_commands_menu_round_trip(bot: Bot, fake: FakeTelegram) -> None:
    await bot.set_my_commands([("recargar", "Comprar una recarga")], language_code="es")
    assert fake.bot_commands("es") == [
        {"command": "recargar", "description": "Comprar una recarga"}
    ]
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([("Recargar", "x")])


async def test_a_chat_menu_needs_a_chat_that_started_the_bot(bot: Bot, fake: FakeTelegram) -> None:
    await bot.set_my_commands([("ayuda", "Ayuda")])
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.set_my_commands([("recarga", "Recarga")], scope=BotCommandScopeChat(424242))
    assert fake.menu(USER) == ["ayuda"]  # the default menu
    fake.send_text(USER, "hola")
    await bot.set_my_commands([("recarga", "Recarga")], scope=BotCommandScopeChat(USER))
    await bot.set_my_commands(
        [("topup", "Top-up")], scope=BotCommandScopeChat(USER), language_code="en"
    )
    assert (fake.menu(USER), fake.menu(USER, "en"), fake.menu(USER, "pt")) == (
        ["recarga"],
        ["topup"],
        ["recarga"],
    )


# --- a real Application -------------------------------------------------------------------


async def test_application_answers_through_the_stand_in(fake: FakeTelegram) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"eco: {update.effective_message.text}")

    replied = asyncio.Event()
    fake.on_bot_message = lambda event: replied.set()
    application = (
        ApplicationBuilder()
        .token(TOKEN)
        .request(StandInRequest(fake))
        .get_updates_request(StandInRequest(fake))
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=1)
        fake.send_text(USER, "hola")
        await asyncio.wait_for(replied.wait(), 2)
        await fake.wait_until_delivered(within=2)
        await application.updater.stop()
        await application.stop()
    assert fake.last_bot_message(USER).text == "eco: hola"
    assert fake.errors == []
