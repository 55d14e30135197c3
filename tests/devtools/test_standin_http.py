"""The Bot API stand-in over HTTP answers the way api.telegram.org does."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest

from devtools.standin import FakeTelegram
from devtools.standin.server import DEFAULT_TOKEN, StandInServer, serve_standin

USER = 42


@pytest.fixture
async def server() -> AsyncIterator[StandInServer]:
    telegram = FakeTelegram(rate_capacity=None)
    telegram.add_user(USER, "Rita")
    telegram.send_text(USER, "hola")  # the user wrote first: the bot may answer
    standin = await serve_standin(telegram)
    yield standin
    await standin.close()


@pytest.fixture
async def http(server: StandInServer) -> AsyncIterator[httpx.AsyncClient]:
    # Bot API URLs are the base URL with "<token>/<method>" appended, no slash between.
    base_url = f"http://127.0.0.1:{server.port}"
    async with httpx.AsyncClient(base_url=base_url, trust_env=False) as client:
        yield client


async def test_methods_answer_with_telegrams_envelope(http: httpx.AsyncClient) -> None:
    response = await http.get(f"/bot{DEFAULT_TOKEN}/getMe")

    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert response.json()["result"]["is_bot"] is True


@pytest.mark.parametrize(
    ("path", "status", "description"),
    [
        ("/bot1000000001:WRONG-TOKEN/getMe", 401, "Unauthorized"),
        ("/botnot-a-token/getMe", 404, "Not Found"),
        (f"/bot{DEFAULT_TOKEN}/", 404, "Not Found"),
        (f"/bot{DEFAULT_TOKEN}/noSuchMethod", 404, "Not Found"),
    ],
)
async def test_wrong_tokens_and_paths_are_refused(
    http: httpx.AsyncClient, path: str, status: int, description: str
) -> None:
    response = await http.post(path)

    assert response.status_code == status
    assert response.json() == {"ok": False, "error_code": status, "description": description}


async def test_json_form_and_query_parameters_are_all_read(
    http: httpx.AsyncClient, server: StandInServer
) -> None:
    markup = {"inline_keyboard": [[{"text": "Sí", "callback_data": "yes"}]]}
    as_json = await http.post(
        f"/bot{DEFAULT_TOKEN}/sendMessage",
        json={"chat_id": USER, "text": "<b>uno</b>", "parse_mode": "HTML", "reply_markup": markup},
    )
    as_form = await http.post(
        f"/bot{DEFAULT_TOKEN}/sendMessage",
        data={"chat_id": str(USER), "text": "dos", "reply_markup": json.dumps(markup)},
    )
    as_query = await http.get(f"/bot{DEFAULT_TOKEN}/sendMessage?chat_id={USER}&text=tres")

    assert [r.status_code for r in (as_json, as_form, as_query)] == [200, 200, 200]
    shown = server.telegram.bot_messages(USER)
    assert [m.text for m in shown] == ["uno", "dos", "tres"]
    assert shown[0].buttons[0].callback_data == shown[1].buttons[0].callback_data == "yes"


async def test_bodies_it_cannot_read_are_bad_requests(http: httpx.AsyncClient) -> None:
    broken = await http.post(
        f"/bot{DEFAULT_TOKEN}/sendMessage",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    nameless = await http.post(
        f"/bot{DEFAULT_TOKEN}/sendDocument",
        content=b"--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=b"},
    )

    assert (broken.status_code, nameless.status_code) == (400, 400)
    assert nameless.json()["description"] == "Bad Request: a multipart field has no name"


async def test_a_long_poll_returns_as_soon_as_an_update_arrives(
    http: httpx.AsyncClient, server: StandInServer
) -> None:
    first = await http.post(f"/bot{DEFAULT_TOKEN}/getUpdates", data={"timeout": "0"})
    confirmed = first.json()["result"][-1]["update_id"] + 1

    poll = asyncio.create_task(
        http.post(
            f"/bot{DEFAULT_TOKEN}/getUpdates",
            data={"offset": str(confirmed), "timeout": "30"},
            timeout=35,
        )
    )
    await asyncio.sleep(0.05)
    assert not poll.done(), "the poll waits while there is nothing new"
    server.telegram.send_text(USER, "¿hay alguien?")
    async with asyncio.timeout(5):
        answer = await poll

    [update] = answer.json()["result"]
    assert update["message"]["text"] == "¿hay alguien?"
    assert server.telegram.pending_updates == 1  # fetched, not yet confirmed by an offset
