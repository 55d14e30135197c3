"""The sandbox answers as the contract says, in-process and over real HTTP alike (served
by devtools/sandbox_server.py)."""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from bot.latcom.sandbox import Sandbox
from bot.latcom.transport import SandboxTransport
from devtools.sandbox_server import serve_sandbox

CUSTOMER, SECRET = "reseller-7", "s3cret-sandbox-key"
SLOW, HANG = 0.05, 5.0


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sandbox(clock: FakeClock) -> Sandbox:
    return Sandbox(
        customer_id=CUSTOMER,
        secret_key=SECRET,
        balance=Decimal("1000.00"),
        slow_seconds=SLOW,
        hang_seconds=HANG,
        clock=clock,
    )


@pytest.fixture(params=["in-process", "http"])
async def api(
    request: pytest.FixtureRequest, sandbox: Sandbox
) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client whose base URL is the sandbox's /api/distributor."""
    if request.param == "in-process":
        transport = SandboxTransport(sandbox)
        async with httpx.AsyncClient(
            base_url="http://sandbox.invalid/api/distributor", transport=transport
        ) as client:
            yield client
        return
    server = await serve_sandbox(sandbox, port=0)
    try:
        async with httpx.AsyncClient(
            base_url=f"{server.url}/api/distributor", trust_env=False
        ) as client:
            yield client
    finally:
        await server.close()


async def login(api: httpx.AsyncClient) -> dict[str, str]:
    response = await api.post("/login", json={"customer_id": CUSTOMER, "secret_key": SECRET})
    assert response.status_code == 200
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def order(phone: str = "5537686660", **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "distributor_transaction_id": f"dtid-{phone}",
        "phone_number": phone,
        "product_id": "MOVISTAR_TAE",
        "amount": 50,
    }
    return {**body, **changes}


async def test_login_hands_out_bearer_tokens(api: httpx.AsyncClient, sandbox: Sandbox) -> None:
    response = await api.post("/login", json={"customer_id": CUSTOMER, "secret_key": SECRET})

    body = response.json()
    assert response.status_code == 200
    assert body["success"] is True
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 3600
    assert len(body["access_token"]) >= 32
    assert body["refresh_token"] != body["access_token"]
    assert sandbox.logins == 1


@pytest.mark.parametrize(
    "payload",
    [
        {"customer_id": CUSTOMER, "secret_key": "wrong"},
        {"customer_id": "someone-else", "secret_key": SECRET},
        {"customer_id": CUSTOMER},
        {"customer_id": CUSTOMER, "secret_key": 12345},
    ],
)
async def test_login_refuses_bad_credentials(
    api: httpx.AsyncClient, sandbox: Sandbox, payload: dict[str, Any]
) -> None:
    response = await api.post("/login", json=payload)

    assert response.status_code == 401
    assert response.json() == {"success": False, "error": "Invalid credentials"}
    assert sandbox.logins == 0


async def test_login_refuses_a_body_that_is_not_json(api: httpx.AsyncClient) -> None:
    response = await api.post("/login", content=b"customer_id=x")

    assert response.status_code == 401


@pytest.mark.parametrize("authorization", [None, "Bearer", "Bearer not-a-token", "Basic abc"])
async def test_endpoints_need_a_known_token(
    api: httpx.AsyncClient, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}

    balance = await api.get("/get_balance", headers=headers)
    purchase = await api.post("/product_purchase", json=order(), headers=headers)

    assert balance.status_code == purchase.status_code == 401
    assert balance.json()["success"] is False


async def test_expired_tokens_are_refused(
    api: httpx.AsyncClient, sandbox: Sandbox, clock: FakeClock
) -> None:
    first = await login(api)
    clock.now += 3600
    assert (await api.get("/get_balance", headers=first)).status_code == 401

    second = await login(api)
    sandbox.expire_tokens()
    assert (await api.get("/get_balance", headers=second)).status_code == 401


async def test_balance_is_the_ledger_with_two_decimals(api: httpx.AsyncClient) -> None:
    response = await api.get("/get_balance", headers=await login(api))

    assert response.status_code == 200
    assert b'"balance": 1000.00' in response.content
    body = response.json()
    assert body["success"] is True
    assert body["currency"] == "MXN"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", body["last_updated"])


async def test_an_approved_purchase_debits_the_ledger(
    api: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    headers = await login(api)
    response = await api.post(
        "/product_purchase",
        json=order(product_id="MOVISTAR_PAQUETE_25", amount=420),
        headers=headers,
    )

    body = response.json()
    assert response.status_code == 200
    assert body["success"] is True
    assert body["response_code"] == "00"
    assert body["distributor_transaction_id"] == "dtid-5537686660"
    assert re.fullmatch(r"TXN-\d{13}-[0-9a-f]+", body["transaction_id"])
    assert re.fullmatch(r"RRN-\d{12}", body["reference"])
    assert re.fullmatch(r"[A-Z0-9]{6}", body["auth_code"])
    assert b'"balance_after": 580.00' in response.content
    assert sandbox.balance == Decimal("580.00")
    charge = sandbox.charges["dtid-5537686660"]
    assert (charge.amount, charge.transaction_id) == (420, body["transaction_id"])
    balance = await api.get("/get_balance", headers=headers)
    assert balance.json()["balance"] == 580


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"distributor_transaction_id": None}, "12"),
        ({"distributor_transaction_id": ""}, "12"),
        ({"phone_number": None}, "12"),
        ({"product_id": 16}, "12"),
        ({"amount": "50"}, "12"),
        ({"amount": True}, "12"),
        ({"amount": None}, "12"),
        ({"operator": 7}, "12"),
        ({"phone_number": "553768666"}, "83"),
        ({"phone_number": "55376866601"}, "83"),
        ({"phone_number": "55-3768-666"}, "83"),
        ({"phone_number": "５５３７６８６６６０"}, "83"),
        ({"product_id": "TELCEL_TAE"}, "14"),
        ({"amount": 9}, "13"),
        ({"amount": 5001}, "13"),
        ({"amount": 50.5}, "13"),
        ({"product_id": "MOVISTAR_PAQUETE_16", "amount": 31}, "13"),
    ],
)
async def test_invalid_purchases_are_refused_uncharged(
    api: httpx.AsyncClient, sandbox: Sandbox, changes: dict[str, Any], code: str
) -> None:
    payload = {key: value for key, value in order(**changes).items() if value is not None}
    response = await api.post("/product_purchase", json=payload, headers=await login(api))

    body = response.json()
    assert response.status_code == 400
    assert body["success"] is False
    assert body["response_code"] == code
    assert body["error"]
    assert body["distributor_transaction_id"] == (
        payload.get("distributor_transaction_id") or None
    )
    assert sandbox.charges == {}
    assert sandbox.balance == Decimal("1000.00")


async def test_a_body_that_is_not_json_is_code_12(api: httpx.AsyncClient) -> None:
    response = await api.post("/product_purchase", content=b"{oops", headers=await login(api))

    assert (response.status_code, response.json()["response_code"]) == (400, "12")


@pytest.mark.parametrize(("amount", "product"), [(10, "MOVISTAR_TAE"), (50.0, "MOVISTAR_TAE")])
async def test_whole_amounts_are_accepted(
    api: httpx.AsyncClient, sandbox: Sandbox, amount: float, product: str
) -> None:
    payload = order(amount=amount, product_id=product, operator="Movistar")
    response = await api.post("/product_purchase", json=payload, headers=await login(api))

    assert response.status_code == 200
    assert sandbox.balance == Decimal("1000.00") - int(amount)


async def test_insufficient_balance_is_402_code_51(
    api: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    response = await api.post(
        "/product_purchase", json=order(amount=1001), headers=await login(api)
    )

    assert response.status_code == 402
    assert response.json()["response_code"] == "51"
    assert sandbox.charges == {}


async def test_a_repeated_transaction_id_is_recorded_and_refused(
    api: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    headers = await login(api)
    first = await api.post("/product_purchase", json=order(), headers=headers)
    again = await api.post("/product_purchase", json=order(), headers=headers)

    assert first.status_code == 200
    assert again.status_code == 400
    assert again.json()["response_code"] == "12"
    assert again.json()["error"] == "Duplicate transaction"
    assert sandbox.duplicate_transaction_ids == ["dtid-5537686660"]
    assert sandbox.received == ["dtid-5537686660", "dtid-5537686660"]
    assert sandbox.balance == Decimal("950.00")


@pytest.mark.parametrize(
    ("ending", "status", "code"),
    [
        ("9905", 400, "05"),
        ("9912", 400, "12"),
        ("9913", 400, "13"),
        ("9914", 400, "14"),
        ("9983", 400, "83"),
        ("9991", 400, "91"),
        ("9951", 402, "51"),
    ],
)
async def test_decline_endings_are_not_charged(
    api: httpx.AsyncClient, sandbox: Sandbox, ending: str, status: int, code: str
) -> None:
    response = await api.post(
        "/product_purchase", json=order(f"553768{ending}"), headers=await login(api)
    )

    assert response.status_code == status
    assert response.json()["response_code"] == code
    assert response.json()["success"] is False
    assert sandbox.charges == {}


@pytest.mark.parametrize(
    ("ending", "status", "content_type", "code"),
    [
        ("9996", 500, "application/json", "96"),
        ("9973", 500, "application/json", None),
        ("9974", 502, "text/html", None),
    ],
)
async def test_failing_endings_charge_then_answer_an_error(
    api: httpx.AsyncClient,
    sandbox: Sandbox,
    ending: str,
    status: int,
    content_type: str,
    code: str | None,
) -> None:
    phone = f"553768{ending}"
    response = await api.post("/product_purchase", json=order(phone), headers=await login(api))

    assert response.status_code == status
    assert response.headers["content-type"] == content_type
    if content_type == "application/json":
        assert response.json().get("response_code") == code
    assert sandbox.charges[f"dtid-{phone}"].balance_after == Decimal("950.00")


async def test_9970_answers_slowly_but_approves(api: httpx.AsyncClient) -> None:
    headers = await login(api)
    started = time.monotonic()
    response = await api.post("/product_purchase", json=order("5537689970"), headers=headers)

    assert response.status_code == 200
    assert time.monotonic() - started >= SLOW


async def test_9971_charges_then_hangs_past_the_timeout(
    api: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    headers = await login(api)
    with pytest.raises(httpx.ReadTimeout):
        await api.post("/product_purchase", json=order("5537689971"), headers=headers, timeout=0.2)

    assert "dtid-5537689971" in sandbox.charges


async def test_9972_charges_then_drops_the_connection(
    api: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    headers = await login(api)
    with pytest.raises(httpx.RemoteProtocolError):
        await api.post("/product_purchase", json=order("5537689972"), headers=headers)

    assert "dtid-5537689972" in sandbox.charges
    assert (await api.get("/get_balance", headers=headers)).json()["balance"] == 950


async def test_9975_refuses_the_first_attempt_as_an_expired_token(
    api: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    stale = await login(api)
    first = await api.post("/product_purchase", json=order("5537689975"), headers=stale)
    assert first.status_code == 401
    again = await api.post("/product_purchase", json=order("5537689975"), headers=stale)
    assert again.status_code == 401
    assert sandbox.received == []

    retry = await api.post("/product_purchase", json=order("5537689975"), headers=await login(api))

    assert retry.status_code == 200
    assert sandbox.received == ["dtid-5537689975"]
    assert sandbox.duplicate_transaction_ids == []


async def test_9975_of_one_purchase_spoils_no_other_purchases_token(
    api: httpx.AsyncClient, sandbox: Sandbox
) -> None:
    """Two 9975 purchases in flight: the second's first attempt, with the token the
    first just logged in for, leaves that token good for the first one's retry."""
    first = order("5537689975", distributor_transaction_id="dtid-first")
    second = order("5537689975", distributor_transaction_id="dtid-second")
    stale = await login(api)
    assert (await api.post("/product_purchase", json=first, headers=stale)).status_code == 401
    fresh = await login(api)
    assert (await api.post("/product_purchase", json=second, headers=fresh)).status_code == 401

    assert (await api.post("/product_purchase", json=first, headers=fresh)).status_code == 200
    assert sandbox.received == ["dtid-first"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/nowhere", 404), ("GET", "/login", 405), ("POST", "/get_balance", 405)],
)
async def test_unknown_routes_and_methods(
    api: httpx.AsyncClient, method: str, path: str, status: int
) -> None:
    response = await api.request(method, path)

    assert response.status_code == status


async def test_any_prefix_reaches_the_endpoints(sandbox: Sandbox) -> None:
    transport = SandboxTransport(sandbox)
    async with httpx.AsyncClient(transport=transport, base_url="http://x/v2/other") as client:
        response = await client.post(
            "/login?via=test", json={"customer_id": CUSTOMER, "secret_key": SECRET}
        )

    assert response.status_code == 200
