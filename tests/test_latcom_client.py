"""LatcomClient against the sandbox (in-process and over real HTTP) and against scripted
answers: outcome classes, the only two resends the contract allows, one login at a
time, renewal before expiry, and no secret in any log line."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import time
from collections.abc import AsyncIterator, Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from bot.domain.provider import (
    DECLINE_CODES,
    UNREACHABLE,
    Approved,
    Declined,
    PurchaseRequest,
    Unknown,
)
from bot.latcom import client as client_module
from bot.latcom.classify import classify
from bot.latcom.client import LatcomClient
from bot.latcom.errors import LatcomAuthError, LatcomUnavailable
from bot.latcom.sandbox import Sandbox
from bot.latcom.scrub import Scrubber
from bot.latcom.transport import SandboxTransport
from devtools.sandbox_server import serve_sandbox
from tests.harness import TokenRecordingSandbox

CUSTOMER, SECRET = "reseller-7", "s3cret-sandbox-key"
BASE_URL = "http://sandbox.invalid/api/distributor"
TIMEOUT = 0.3


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class SlowTransport(SandboxTransport):
    """Every call takes a moment, so concurrent requests and logins really overlap."""

    def __init__(self, sandbox: Sandbox) -> None:
        super().__init__(sandbox)
        self.statuses: list[int] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.02)
        response = await super().handle_async_request(request)
        self.statuses.append(response.status_code)
        return response


def make_sandbox(**kwargs: Any) -> TokenRecordingSandbox:
    settings: dict[str, Any] = {"balance": Decimal("1000.00"), "slow_seconds": 0.05}
    return TokenRecordingSandbox(
        customer_id=CUSTOMER, secret_key=SECRET, hang_seconds=5.0, **(settings | kwargs)
    )


def make_client(transport: httpx.AsyncBaseTransport, **kwargs: Any) -> LatcomClient:
    return LatcomClient(
        kwargs.pop("base_url", BASE_URL),
        CUSTOMER,
        SecretStr(kwargs.pop("secret", SECRET)),
        purchase_timeout=TIMEOUT,
        transport=transport,
        **kwargs,
    )


def order(phone: str = "5537686660", dtid: str | None = None, amount: int = 50) -> PurchaseRequest:
    return PurchaseRequest(dtid or f"dtid-{phone}", phone, "MOVISTAR_TAE", amount)


@pytest.fixture(autouse=True)
def quick_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(client_module, "CONNECT_RETRY_PAUSE_SECONDS", 0.01)


@pytest.fixture
def sandbox() -> TokenRecordingSandbox:
    return make_sandbox()


@pytest.fixture(params=["in-process", "http"])
async def client(request: pytest.FixtureRequest, sandbox: Sandbox) -> AsyncIterator[LatcomClient]:
    if request.param == "in-process":
        latcom = make_client(SandboxTransport(sandbox))
        yield latcom
        await latcom.aclose()
        return
    server = await serve_sandbox(sandbox, port=0)
    # An explicit transport also keeps any proxy settings of the machine out of the way.
    latcom = make_client(httpx.AsyncHTTPTransport(), base_url=f"{server.url}/api/distributor")
    try:
        yield latcom
    finally:
        await latcom.aclose()
        await server.close()


async def test_an_approval_carries_the_providers_figures(
    client: LatcomClient, sandbox: Sandbox
) -> None:
    outcome = await client.purchase(order())

    assert isinstance(outcome, Approved)
    charge = sandbox.charges["dtid-5537686660"]
    assert outcome.transaction_id == charge.transaction_id
    assert (outcome.reference, outcome.auth_code) == (charge.reference, charge.auth_code)
    assert outcome.balance_after == Decimal("950.00")
    assert str(outcome.balance_after) == "950.00"
    assert outcome.raw["response_code"] == "00"
    json.dumps(outcome.raw)  # storable as it is
    assert client.logins == 1


async def test_balance_is_read_in_the_providers_currency(client: LatcomClient) -> None:
    balance = await client.get_balance()

    assert balance.amount == Decimal("1000.00")
    assert balance.currency == "MXN"
    assert balance.last_updated is not None
    assert balance.last_updated.endswith("Z")


@pytest.mark.parametrize(
    ("ending", "kind", "code", "charged"),
    [
        ("9905", Declined, "05", False),
        ("9912", Declined, "12", False),
        ("9913", Declined, "13", False),
        ("9914", Declined, "14", False),
        ("9983", Declined, "83", False),
        ("9991", Declined, "91", False),
        ("9951", Declined, "51", False),
        ("9996", Unknown, None, True),
        ("9970", Approved, None, True),
        ("9971", Unknown, None, True),
        ("9972", Unknown, None, True),
        ("9973", Unknown, None, True),
        ("9974", Unknown, None, True),
        ("9975", Approved, None, True),
        ("6660", Approved, None, True),
    ],
)
async def test_each_sandbox_behaviour_gets_its_outcome_class(
    client: LatcomClient,
    sandbox: Sandbox,
    ending: str,
    kind: type[Any],
    code: str | None,
    charged: bool,
) -> None:
    phone = f"553768{ending}"
    outcome = await client.purchase(order(phone))

    assert isinstance(outcome, kind)
    if code is not None:
        assert isinstance(outcome, Declined)
        assert outcome.code == code
        assert outcome.http_status == (402 if code == "51" else 400)
        assert outcome.message
    assert (f"dtid-{phone}" in sandbox.charges) is charged
    assert sandbox.received == [f"dtid-{phone}"]  # sent once, even when unknown
    assert sandbox.duplicate_transaction_ids == []


async def test_a_token_refused_mid_flow_is_renewed_once(
    client: LatcomClient, sandbox: Sandbox
) -> None:
    await client.purchase(order(dtid="warm-up"))
    outcome = await client.purchase(order("5537689975"))

    assert isinstance(outcome, Approved)
    assert client.logins == sandbox.logins == 2


async def test_a_validation_refusal_is_declined(client: LatcomClient, sandbox: Sandbox) -> None:
    outcome = await client.purchase(order(amount=5001))

    assert isinstance(outcome, Declined)
    assert (outcome.code, outcome.http_status) == ("13", 400)
    assert outcome.raw["response_code"] == "13"
    assert sandbox.charges == {}


async def test_bad_credentials_decline_before_anything_is_sent(sandbox: Sandbox) -> None:
    latcom = make_client(SandboxTransport(sandbox), secret="not-the-secret")
    try:
        outcome = await latcom.purchase(order())
        with pytest.raises(LatcomAuthError) as raised:
            await latcom.get_balance()
    finally:
        await latcom.aclose()

    assert isinstance(outcome, Declined)
    assert outcome.code == "login_failed"
    assert sandbox.received == []
    assert "not-the-secret" not in str(raised.value)


async def test_twenty_purchases_at_a_cold_start_make_one_login(sandbox: Sandbox) -> None:
    latcom = make_client(SlowTransport(sandbox))
    try:
        outcomes = await asyncio.gather(*(latcom.purchase(order(dtid=f"d{n}")) for n in range(20)))
    finally:
        await latcom.aclose()

    assert all(isinstance(outcome, Approved) for outcome in outcomes)
    assert latcom.logins == sandbox.logins == 1
    assert len(sandbox.charges) == 20


async def test_a_token_refused_to_many_requests_causes_one_login(sandbox: Sandbox) -> None:
    transport = SlowTransport(sandbox)
    latcom = make_client(transport)
    try:
        await latcom.purchase(order(dtid="warm-up"))
        sandbox.expire_tokens()  # the provider forgets the token the client still trusts
        outcomes = await asyncio.gather(*(latcom.purchase(order(dtid=f"d{n}")) for n in range(10)))
    finally:
        await latcom.aclose()

    assert all(isinstance(outcome, Approved) for outcome in outcomes)
    assert latcom.logins == sandbox.logins == 2
    assert transport.statuses.count(401) == 10  # all ten were refused the stale token
    assert sandbox.duplicate_transaction_ids == []


@pytest.mark.parametrize(
    ("lifetime", "quiet_at", "renew_at"), [(3600, 3000.0, 3300.0), (20, 5.0, 11.0)]
)
async def test_the_token_is_renewed_shortly_before_it_expires(
    lifetime: int, quiet_at: float, renew_at: float
) -> None:
    clock = FakeClock()
    start = clock.now
    sandbox = make_sandbox(token_lifetime=lifetime, clock=clock)
    latcom = make_client(SandboxTransport(sandbox), clock=clock)
    try:
        await latcom.purchase(order(dtid="first"))
        clock.now = start + quiet_at
        await latcom.purchase(order(dtid="still-fresh"))
        assert latcom.logins == 1
        clock.now = start + renew_at
        outcome = await latcom.purchase(order(dtid="renewed"))
    finally:
        await latcom.aclose()

    assert isinstance(outcome, Approved)
    assert latcom.logins == sandbox.logins == 2
    assert sandbox.received == ["first", "still-fresh", "renewed"]  # no 401 on the way


async def test_secrets_never_reach_the_logs(
    client: LatcomClient, sandbox: TokenRecordingSandbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    await client.get_balance()
    await client.purchase(order())
    await client.purchase(order("5537689975"))  # a 401 and a second login
    await client.purchase(order("5537689972"))

    assert len(sandbox.issued) == 4
    assert "purchase dtid-5537686660: approved" in caplog.text
    for secret in [SECRET, *sandbox.issued]:
        assert secret not in caplog.text
        assert secret not in repr(client)


# Scripted answers, for what the sandbox never says.


class Script:
    """A provider whose logins always work and whose purchase answers are scripted."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.logins = 0
        self.purchases: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/login"):
            self.logins += 1
            token = {"access_token": f"token-{self.logins}", "expires_in": 3600}
            return httpx.Response(200, json={"success": True, **token})
        self.purchases.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


async def run(script: Script | Callable[[httpx.Request], httpx.Response]) -> Any:
    latcom = make_client(httpx.MockTransport(script))
    try:
        return await latcom.purchase(order())
    finally:
        await latcom.aclose()


def error(code: str | None, status: int = 400) -> httpx.Response:
    body: dict[str, Any] = {"success": False, "error": "Nope"}
    return httpx.Response(status, json=body | ({"response_code": code} if code else {}))


APPROVED = {
    "success": True,
    "transaction_id": "TXN-1",
    "response_code": "00",
    "reference": "RRN-000000000001",
    "auth_code": "ABC123",
}


@pytest.mark.parametrize("code", sorted(DECLINE_CODES))
@pytest.mark.parametrize("status", [200, 400, 402])
async def test_every_decline_code_is_declined_below_5xx(code: str, status: int) -> None:
    script = Script(error(code, status))

    outcome = await run(script)

    raw = {"success": False, "error": "Nope", "response_code": code}
    assert outcome == Declined(code, "Nope", status, raw)
    assert len(script.purchases) == 1


@pytest.mark.parametrize("code", sorted(DECLINE_CODES))
@pytest.mark.parametrize("status", [500, 502, 503])
async def test_a_5xx_is_unknown_whatever_code_it_carries(code: str, status: int) -> None:
    # A gateway may fail after the carrier accepted: never "declined, sell it again".
    script = Script(error(code, status))

    outcome = await run(script)

    assert isinstance(outcome, Unknown)
    assert outcome.http_status == status
    assert len(script.purchases) == 1


def test_provider_text_is_bounded_where_people_read_it() -> None:
    body = json.dumps(
        {"success": False, "error": "Traceback " * 500, "response_code": "X" * 50}
    ).encode()
    declined = classify(400, body)
    assert isinstance(declined, Declined)
    assert len(declined.message) <= 200 and len(declined.code) <= 8
    unknown = classify(503, body)
    assert isinstance(unknown, Unknown)
    assert len(unknown.reason) < 300
    assert unknown.raw_body is not None and unknown.raw_body.startswith('{"success": false')


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (error(None, 400), Declined("http_400", "Nope", 400, {"success": False, "error": "Nope"})),
        (error("77", 402), Declined("77", "Nope", 402, error("77", 402).json())),
    ],
)
async def test_a_400_or_402_error_body_is_declined(
    answer: httpx.Response, expected: Declined
) -> None:
    assert await run(Script(answer)) == expected


@pytest.mark.parametrize(
    "answer",
    [
        error("96", 500),
        error("96", 400),
        error(None, 500),
        error("00", 400),
        error(None, 404),
        httpx.Response(502, text="<html>Bad gateway</html>"),
        httpx.Response(200, text="OK"),
        httpx.Response(200, json=[APPROVED]),
        httpx.Response(200, json={**APPROVED, "response_code": "05"}),
        httpx.Response(200, json={**APPROVED, "transaction_id": None}),
        httpx.Response(201, json={**APPROVED, "response_code": "01"}),
    ],
)
async def test_anything_undocumented_is_unknown(answer: httpx.Response) -> None:
    script = Script(answer)

    outcome = await run(script)

    assert isinstance(outcome, Unknown)
    assert outcome.http_status == answer.status_code
    assert outcome.raw_body == answer.text
    assert len(script.purchases) == 1


async def test_balance_after_is_the_providers_exact_figure() -> None:
    body = (
        b'{"success": true, "transaction_id": "T", "response_code": "00", "balance_after": 0.10}'
    )

    outcome = await run(Script(httpx.Response(200, content=body)))

    assert isinstance(outcome, Approved)
    assert outcome.balance_after == Decimal("0.10")
    assert (outcome.reference, outcome.auth_code) == ("", "")


async def test_an_approval_with_a_garbled_balance_is_still_an_approval() -> None:
    body = (
        b'{"success": true, "transaction_id": "T", "response_code": "00", "balance_after": 1e40}'
    )

    outcome = await run(Script(httpx.Response(200, content=body)))

    assert isinstance(outcome, Approved)  # charged: that is what matters
    assert outcome.balance_after is None  # the figure is not believed


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("slow"),
        httpx.WriteTimeout("slow"),
        httpx.RemoteProtocolError("dropped"),
        httpx.ReadError("reset"),
        httpx.ProxyError("proxy"),
        RuntimeError("a bug"),
    ],
)
async def test_failures_after_sending_are_unknown_and_never_resent(failure: Exception) -> None:
    script = Script(failure)

    outcome = await run(script)

    assert isinstance(outcome, Unknown)
    assert len(script.purchases) == 1


@pytest.mark.parametrize(
    "failure", [httpx.ConnectError("refused"), httpx.ConnectTimeout("t"), httpx.PoolTimeout("p")]
)
async def test_an_unopened_connection_is_tried_once_more(failure: Exception) -> None:
    script = Script(failure)
    assert await run(script) == Declined(UNREACHABLE, "could not reach the provider")
    assert len(script.purchases) == 2

    recovering = Script(failure, httpx.Response(200, json=APPROVED))
    assert isinstance(await run(recovering), Approved)
    assert len(recovering.purchases) == 2


async def test_a_401_means_one_login_and_one_resend() -> None:
    script = Script(error(None, 401), httpx.Response(200, json=APPROVED))

    outcome = await run(script)

    assert isinstance(outcome, Approved)
    assert script.logins == 2
    assert [request.headers["authorization"] for request in script.purchases] == [
        "Bearer token-1",
        "Bearer token-2",
    ]
    assert script.purchases[0].content == script.purchases[1].content


async def test_a_second_401_is_declined_without_a_third_send() -> None:
    script = Script(error(None, 401))

    outcome = await run(script)

    assert isinstance(outcome, Declined)
    assert (outcome.code, outcome.http_status) == ("unauthorized", 401)
    assert len(script.purchases) == 2
    assert script.logins == 2


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class CountingTransport(httpx.AsyncHTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.attempts = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        return await super().handle_async_request(request)


async def test_nothing_listening_is_unreachable_after_one_pause(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(client_module, "CONNECT_RETRY_PAUSE_SECONDS", 0.2)
    transport = CountingTransport()
    latcom = make_client(transport, base_url=f"http://127.0.0.1:{unused_port()}/api/distributor")
    started = time.monotonic()
    try:
        outcome = await latcom.purchase(order())
        with pytest.raises(LatcomUnavailable):
            await latcom.get_balance()
    finally:
        await latcom.aclose()

    assert outcome == Declined(UNREACHABLE, "could not reach the provider")
    assert transport.attempts == 4  # two for the purchase, two for the balance
    assert time.monotonic() - started >= 0.4


@pytest.mark.parametrize("login", [httpx.Response(500, text="down"), httpx.ReadTimeout("slow")])
async def test_a_failed_login_declines_as_unreachable(login: httpx.Response | Exception) -> None:
    purchases = []

    def provider(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/login"):
            if isinstance(login, Exception):
                raise login
            return login
        purchases.append(request)
        return httpx.Response(200, json=APPROVED)

    outcome = await run(provider)

    assert isinstance(outcome, Declined)
    assert outcome.code == UNREACHABLE
    assert purchases == []


@pytest.mark.parametrize(
    ("answer", "error_type"),
    [
        (httpx.Response(500, json={"success": False, "error": "x"}), LatcomUnavailable),
        (httpx.Response(200, json={"success": True, "currency": "MXN"}), LatcomUnavailable),
        (httpx.Response(200, text="balance: 5"), LatcomUnavailable),
        # A figure no distributor's balance comes near is a garbled answer, not a balance.
        (
            httpx.Response(200, content=b'{"success": true, "balance": 1e30, "currency": "MXN"}'),
            LatcomUnavailable,
        ),
        (httpx.Response(401, json={"success": False, "error": "x"}), LatcomAuthError),
    ],
)
async def test_a_bad_balance_answer_raises(
    answer: httpx.Response, error_type: type[Exception]
) -> None:
    latcom = make_client(httpx.MockTransport(Script(answer)))
    try:
        with pytest.raises(error_type) as raised:
            await latcom.get_balance()
    finally:
        await latcom.aclose()

    assert "token-" not in str(raised.value)
    assert SECRET not in str(raised.value)


def test_provider_text_loses_every_credential_shape_and_is_capped() -> None:
    scrub = Scrubber(["sk_live_ownsecret123"])
    said = (
        'bad "secret_key": "sk_live_other987654" and Bearer abc.DEF-123_x== '
        "token=zzz999 access_token:'qqq' eyJhbGciOi.eyJzdWIi.sig_nature "
        "sk_live_ownsecret123 auth_code: A1B2C3 token_type Bearer"
    )
    cleaned = scrub.text(said)
    for secret in ("sk_live_other987654", "abc.DEF-123_x", "zzz999", "qqq", "eyJhbGciOi", "own"):
        assert secret not in cleaned
    assert "auth_code: A1B2C3" in cleaned  # an authorization code is not a credential
    assert cleaned.count("***") == 6
    assert len(scrub.text("x" * 5000)) == 200
    raw = scrub.raw({"error": said, "nested": {"list": ["x" * 900] * 200}})
    assert "sk_live_other987654" not in json.dumps(raw)
    assert raw["truncated"] is True and "nested" not in raw


async def test_a_timeout_reason_names_the_seconds_as_people_write_them(sandbox: Sandbox) -> None:
    client = LatcomClient(
        BASE_URL, CUSTOMER, SecretStr(SECRET), purchase_timeout=1.0,
        transport=SandboxTransport(sandbox),
    )  # fmt: skip
    try:
        outcome = await client.purchase(order("5537689971"))
    finally:
        await client.aclose()
    assert isinstance(outcome, Unknown)
    assert outcome.reason == "no answer within 1 s"  # not "1.0 s"
