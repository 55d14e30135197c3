"""The sandbox: an in-project distributor API that answers as the contract says.

It owns a ledger, tokens and the purchase rules of the contract, so the bot can be run
and tested end to end without the provider. Served in-process by `SandboxTransport`
(bot/latcom/transport.py) or over real HTTP by `serve_sandbox`. The purchase's
behaviour is chosen by the LAST FOUR digits of the phone number:

| ending | behaviour |
|---|---|
| 9905 9912 9913 9914 9983 9991 | declined, code 05 12 13 14 83 91 (HTTP 400), not charged |
| 9951 | declined with code 51 (HTTP 402), not charged |
| 9996 | charged, then HTTP 500 with code 96 "Error de sistema" (outcome unknown) |
| 9970 | approved, but the answer comes after `slow_seconds` |
| 9971 | charged, then no answer for `hang_seconds` (the client times out: unknown) |
| 9972 | charged, then the connection is dropped without a response |
| 9973 | charged, then HTTP 500 `{"success": false, "error": "Internal server error"}` |
| 9974 | charged, then HTTP 502 with an HTML body |
| 9975 | the first attempt of each transaction id gets 401 (token invalidated); a retry |
|      | with a fresh token is approved |
| other | approved (if the balance covers it) |

Validation comes first, so a bad amount to a magic number is still code 13.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import secrets
import string
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from bot.config import SANDBOX_CUSTOMER_ID, SANDBOX_SECRET_KEY
from bot.httpserver import HttpReply, HttpServer, serve
from bot.latcom.models import PurchaseRequest

# None: any whole amount from TAE_MIN to TAE_MAX; otherwise the package's exact price.
PRODUCT_PRICES: dict[str, int | None] = {
    "MOVISTAR_TAE": None,
    "MOVISTAR_PAQUETE_16": 30,
    "MOVISTAR_PAQUETE_17": 50,
    "MOVISTAR_PAQUETE_18": 70,
    "MOVISTAR_PAQUETE_19": 90,
    "MOVISTAR_PAQUETE_20": 110,
    "MOVISTAR_PAQUETE_21": 150,
    "MOVISTAR_PAQUETE_22": 210,
    "MOVISTAR_PAQUETE_23": 320,
    "MOVISTAR_PAQUETE_24": 400,
    "MOVISTAR_PAQUETE_25": 420,
}
TAE_MIN, TAE_MAX = 10, 5000
CODE_MESSAGES = {
    "05": "No autorizado",
    "12": "Transaccion invalida",
    "13": "Monto invalido",
    "14": "Paquete invalido",
    "51": "Fondos insuficientes",
    "83": "DN invalido",
    "91": "Emisor no disponible",
    "96": "Error de sistema",
}
DECLINE_ENDINGS = {
    "9905": "05",
    "9912": "12",
    "9913": "13",
    "9914": "14",
    "9983": "83",
    "9991": "91",
}
_PHONE = re.compile(r"[0-9]{10}")
_AUTH_ALPHABET = string.ascii_uppercase + string.digits


@dataclass(frozen=True, slots=True)
class Charge:
    dtid: str
    phone: str
    product_id: str
    amount: int
    transaction_id: str
    reference: str
    auth_code: str
    balance_after: Decimal


class _RefusalError(Exception):
    def __init__(self, status: int, code: str, error: str) -> None:
        super().__init__(error)
        self.status, self.code, self.error = status, code, error


class Sandbox:
    """The provider's behaviour; `handle` is an `bot.httpserver.Handler`."""

    def __init__(
        self,
        *,
        customer_id: str,
        secret_key: str,
        balance: Decimal = Decimal("100000.00"),
        currency: str = "MXN",
        token_lifetime: int = 3600,
        slow_seconds: float = 5.0,
        hang_seconds: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._customer_id, self._secret_key = customer_id, secret_key
        self.balance, self.currency = balance, currency
        self.token_lifetime = token_lifetime
        self.slow_seconds, self.hang_seconds = slow_seconds, hang_seconds
        self._clock = clock
        self.logins = 0
        self.received: list[str] = []
        self.duplicate_transaction_ids: list[str] = []
        self.charges: dict[str, Charge] = {}
        self._tokens: dict[str, float] = {}  # access token -> expiry on `clock`
        self._refused_once: set[str] = set()
        self._last_updated = _utc_stamp()

    def __repr__(self) -> str:
        return f"Sandbox(customer_id={self._customer_id!r}, balance={self.balance})"

    def expire_tokens(self) -> None:
        """Every token handed out so far is expired from now on."""
        now = self._clock()
        self._tokens = dict.fromkeys(self._tokens, now)

    async def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> HttpReply | None:
        endpoint = target.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        expected = {"login": "POST", "get_balance": "GET", "product_purchase": "POST"}
        if endpoint not in expected:
            return _error(404, "Not found")
        if method != expected[endpoint]:
            return _error(405, "Method not allowed")
        if endpoint == "login":
            return self._login(body)
        scheme, _, token = headers.get("authorization", "").partition(" ")
        expiry = self._tokens.get(token) if scheme.lower() == "bearer" else None
        if expiry is None or self._clock() >= expiry:
            self._tokens.pop(token, None)
            return _error(401, "Invalid or expired token")
        if endpoint == "get_balance":
            payload = {"success": True, "balance": self.balance, "currency": self.currency}
            return _reply(200, {**payload, "last_updated": self._last_updated})
        return await self._purchase(token, body)

    def _login(self, body: bytes) -> HttpReply:
        data = _json_object(body) or {}
        customer_id, secret_key = data.get("customer_id"), data.get("secret_key")
        if not (
            isinstance(customer_id, str)
            and isinstance(secret_key, str)
            and secrets.compare_digest(customer_id.encode(), self._customer_id.encode())
            and secrets.compare_digest(secret_key.encode(), self._secret_key.encode())
        ):
            return _error(401, "Invalid credentials")
        now = self._clock()
        self._tokens = {token: expiry for token, expiry in self._tokens.items() if expiry > now}
        access_token = secrets.token_urlsafe(32)
        self._tokens[access_token] = now + self.token_lifetime
        self.logins += 1
        return _reply(
            200,
            {
                "success": True,
                "access_token": access_token,
                "refresh_token": secrets.token_urlsafe(32),
                "token_type": "Bearer",
                "expires_in": self.token_lifetime,
            },
        )

    async def _purchase(self, token: str, body: bytes) -> HttpReply | None:
        data = _json_object(body)
        dtid = data.get("distributor_transaction_id") if data else None
        dtid = dtid if isinstance(dtid, str) and dtid else None
        phone = data.get("phone_number") if data else None
        ending = phone[-4:] if isinstance(phone, str) else ""
        if ending == "9975" and dtid is not None and dtid not in self._refused_once:
            # Refused before processing, as an expired token would be: not "received".
            self._refused_once.add(dtid)
            self._tokens.pop(token, None)
            return _error(401, "Invalid or expired token")
        try:
            if dtid is not None:
                seen = dtid in self.received
                self.received.append(dtid)
                if seen:
                    self.duplicate_transaction_ids.append(dtid)
                    raise _RefusalError(400, "12", "Duplicate transaction")
            request = _validated(data)
            if ending in DECLINE_ENDINGS:
                code = DECLINE_ENDINGS[ending]
                raise _RefusalError(400, code, CODE_MESSAGES[code])
            if ending == "9951" or self.balance < request.amount:
                raise _RefusalError(402, "51", "Insufficient balance")
        except _RefusalError as refusal:
            return _error(refusal.status, refusal.error, refusal.code, dtid)
        charge = self._charge(request)
        return await self._answer_after_charge(ending, charge)

    def _charge(self, request: PurchaseRequest) -> Charge:
        self.balance -= request.amount
        self._last_updated = _utc_stamp()
        charge = Charge(
            dtid=request.distributor_transaction_id,
            phone=request.phone_number,
            product_id=request.product_id,
            amount=request.amount,
            transaction_id=f"TXN-{time.time_ns() // 1_000_000}-{secrets.token_hex(5)}",
            reference=f"RRN-{secrets.randbelow(10**12):012d}",
            auth_code="".join(secrets.choice(_AUTH_ALPHABET) for _ in range(6)),
            balance_after=self.balance,
        )
        self.charges[charge.dtid] = charge
        return charge

    async def _answer_after_charge(self, ending: str, charge: Charge) -> HttpReply | None:
        if ending == "9996":
            return _error(500, CODE_MESSAGES["96"], "96", charge.dtid)
        if ending == "9972":
            return None
        if ending == "9973":
            return _error(500, "Internal server error")
        if ending == "9974":
            html = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
            return HttpReply(502, html, content_type="text/html")
        if ending in {"9970", "9971"}:
            await asyncio.sleep(self.slow_seconds if ending == "9970" else self.hang_seconds)
        return _reply(
            200,
            {
                "success": True,
                "transaction_id": charge.transaction_id,
                "distributor_transaction_id": charge.dtid,
                "response_code": "00",
                "response_message": "Aprobado",
                "reference": charge.reference,
                "auth_code": charge.auth_code,
                "balance_after": charge.balance_after,
            },
        )


def _validated(data: dict[str, Any] | None) -> PurchaseRequest:
    """The request's fields, checked as the contract says."""
    if data is None:
        raise _RefusalError(400, "12", "Invalid JSON body")
    fields = ("distributor_transaction_id", "phone_number", "product_id")
    for name in fields:
        if not isinstance(data.get(name), str) or not data[name]:
            raise _RefusalError(400, "12", f"Missing or invalid field: {name}")
    amount = data.get("amount")
    if not isinstance(amount, int | Decimal) or isinstance(amount, bool):
        raise _RefusalError(400, "12", "Missing or invalid field: amount")
    if "operator" in data and not isinstance(data["operator"], str):
        raise _RefusalError(400, "12", "Invalid field: operator")
    dtid, phone, product_id = (data[name] for name in fields)
    if not _PHONE.fullmatch(phone):
        raise _RefusalError(400, "83", "Invalid phone number")
    if product_id not in PRODUCT_PRICES:
        raise _RefusalError(400, "14", "Invalid product")
    if isinstance(amount, Decimal) and not (
        amount.is_finite() and amount == amount.to_integral_value()
    ):
        raise _RefusalError(400, "13", "Invalid amount")
    price = PRODUCT_PRICES[product_id]
    if not (TAE_MIN <= amount <= TAE_MAX if price is None else amount == price):
        raise _RefusalError(400, "13", "Invalid amount")
    return PurchaseRequest(dtid, phone, product_id, int(amount))


def _json_object(body: bytes) -> dict[str, Any] | None:
    # Decimal floats so "50.5" is seen as not whole without float rounding.
    with contextlib.suppress(ValueError):
        data = json.loads(body, parse_float=Decimal, parse_constant=Decimal)
        return data if isinstance(data, dict) else None
    return None


def _reply(status: int, payload: dict[str, Any]) -> HttpReply:
    # Flat payloads only; money is written with exactly two decimals, as the provider does.
    parts = (
        f"{json.dumps(key)}: {f'{value:.2f}' if isinstance(value, Decimal) else json.dumps(value)}"
        for key, value in payload.items()
    )
    return HttpReply(status, ("{" + ", ".join(parts) + "}").encode())


def _error(status: int, error: str, code: str | None = None, dtid: str | None = None) -> HttpReply:
    payload: dict[str, Any] = {"success": False, "error": error}
    if code is not None:
        payload |= {"response_code": code, "distributor_transaction_id": dtid}
    return _reply(status, payload)


def _utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


async def serve_sandbox(sandbox: Sandbox, host: str = "127.0.0.1", port: int = 8099) -> HttpServer:
    """Serve the sandbox over HTTP; its base URL is `<server.url>/api/distributor`."""
    return await serve(sandbox.handle, host, port)


def main_sandbox(port: int) -> None:
    """Run a sandbox with the public sandbox credentials until interrupted."""
    sandbox = Sandbox(customer_id=SANDBOX_CUSTOMER_ID, secret_key=SANDBOX_SECRET_KEY)

    async def run() -> None:
        server = await serve_sandbox(sandbox, port=port)
        print(
            f"Sandbox distributor API at {server.url}/api/distributor "
            f"(customer_id={SANDBOX_CUSTOMER_ID}, secret_key={SANDBOX_SECRET_KEY})",
            flush=True,
        )
        await server.serve_forever()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
