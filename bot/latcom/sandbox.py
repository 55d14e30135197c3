"""The sandbox: an in-project distributor API that answers as the contract says.

It owns a ledger, tokens and the purchase rules of the contract, so the bot can be run
and tested end to end without the provider. Served in-process by `SandboxTransport`
(bot/latcom/transport.py); the development tools serve it over real HTTP
(`python -m devtools sandbox`). The purchase's behaviour is chosen by the LAST FOUR
digits of the phone number:

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
| 9975 | the first attempt of each transaction id gets 401, as an expired token would; |
|      | a retry with that token again too, a retry with a fresh token is approved |
| other | approved (if the balance covers it) |

Validation comes first, so a bad amount to a magic number is still code 13.

For fault injection, `latency_seconds` delays every purchase's answer and `fault` (a
`Fault`) overrides what happens after every charge, e.g. `Fault.GARBLED_200`: charged,
then HTTP 200 with a body that is not JSON. The wire rules are in `sandbox_wire.py`.
"""

from __future__ import annotations

import asyncio
import secrets
import string
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.domain.provider import PurchaseRequest
from bot.latcom.sandbox_wire import (
    CODE_MESSAGES,
    PRODUCT_PRICES,
    TAE_MAX,
    TAE_MIN,
    RefusalError,
    SandboxReply,
    error,
    json_object,
    reply,
    utc_stamp,
    validated,
)

__all__ = [
    "DECLINE_ENDINGS",
    "FAULT_ENDINGS",
    "PRODUCT_PRICES",
    "TAE_MAX",
    "TAE_MIN",
    "Charge",
    "Fault",
    "Sandbox",
]

DECLINE_ENDINGS = {
    "9905": "05",
    "9912": "12",
    "9913": "13",
    "9914": "14",
    "9983": "83",
    "9991": "91",
}
_AUTH_ALPHABET = string.ascii_uppercase + string.digits


class Fault(StrEnum):
    """What happens after a charge when the answer goes wrong (see `Sandbox.fault`)."""

    ERROR_96 = "error_96"  # HTTP 500 with code 96 (9996)
    HANG = "hang"  # no answer for `hang_seconds` (9971)
    DROP = "drop"  # the connection is dropped without a response (9972)
    ERROR_500 = "error_500"  # HTTP 500 without a code (9973)
    BAD_GATEWAY = "bad_gateway"  # HTTP 502 with an HTML page (9974)
    GARBLED_200 = "garbled_200"  # HTTP 200 with a body that is not JSON (switch only)


FAULT_ENDINGS = {
    "9996": Fault.ERROR_96,
    "9971": Fault.HANG,
    "9972": Fault.DROP,
    "9973": Fault.ERROR_500,
    "9974": Fault.BAD_GATEWAY,
}


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


class Sandbox:
    """The provider's behaviour; `handle` is a `SandboxHandler`.

    Two switches serve fault injection: `latency_seconds` delays every purchase's answer
    (the provider's own processing time), and `fault`, while set, makes every purchase
    that gets charged end in that fault whatever its phone number.
    """

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
        latency_seconds: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._customer_id, self._secret_key = customer_id, secret_key
        self.balance, self.currency = balance, currency
        self.token_lifetime = token_lifetime
        self.slow_seconds, self.hang_seconds = slow_seconds, hang_seconds
        self.latency_seconds = latency_seconds
        self.fault: Fault | None = None
        self._clock = clock
        self.logins = 0
        self.received: list[str] = []
        self.duplicate_transaction_ids: list[str] = []
        self.charges: dict[str, Charge] = {}
        self._tokens: dict[str, float] = {}  # access token -> expiry on `clock`
        # 9975: the token each transaction's first attempt came with. Only that
        # transaction refuses it: two purchases in flight at once must not spoil the
        # fresh token the other just logged in for.
        self._refused_token: dict[str, str] = {}
        self._last_updated = utc_stamp()

    def __repr__(self) -> str:
        return f"Sandbox(customer_id={self._customer_id!r}, balance={self.balance})"

    def expire_tokens(self) -> None:
        """Every token handed out so far is expired from now on."""
        now = self._clock()
        self._tokens = dict.fromkeys(self._tokens, now)

    async def handle(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> SandboxReply | None:
        endpoint = target.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        expected = {"login": "POST", "get_balance": "GET", "product_purchase": "POST"}
        if endpoint not in expected:
            return error(404, "Not found")
        if method != expected[endpoint]:
            return error(405, "Method not allowed")
        if endpoint == "login":
            return self._login(body)
        scheme, _, token = headers.get("authorization", "").partition(" ")
        expiry = self._tokens.get(token) if scheme.lower() == "bearer" else None
        if expiry is None or self._clock() >= expiry:
            self._tokens.pop(token, None)
            return error(401, "Invalid or expired token")
        if endpoint == "get_balance":
            payload = {"success": True, "balance": self.balance, "currency": self.currency}
            return reply(200, {**payload, "last_updated": self._last_updated})
        return await self._purchase(token, body)

    def _login(self, body: bytes) -> SandboxReply:
        data = json_object(body) or {}
        customer_id, secret_key = data.get("customer_id"), data.get("secret_key")
        if not (
            isinstance(customer_id, str)
            and isinstance(secret_key, str)
            and secrets.compare_digest(customer_id.encode(), self._customer_id.encode())
            and secrets.compare_digest(secret_key.encode(), self._secret_key.encode())
        ):
            return error(401, "Invalid credentials")
        now = self._clock()
        self._tokens = {token: expiry for token, expiry in self._tokens.items() if expiry > now}
        access_token = secrets.token_urlsafe(32)
        self._tokens[access_token] = now + self.token_lifetime
        self.logins += 1
        return reply(
            200,
            {
                "success": True,
                "access_token": access_token,
                "refresh_token": secrets.token_urlsafe(32),
                "token_type": "Bearer",
                "expires_in": self.token_lifetime,
            },
        )

    async def _purchase(self, token: str, body: bytes) -> SandboxReply | None:
        data = json_object(body)
        dtid = data.get("distributor_transaction_id") if data else None
        dtid = dtid if isinstance(dtid, str) and dtid else None
        phone = data.get("phone_number") if data else None
        ending = phone[-4:] if isinstance(phone, str) else ""
        if ending == "9975" and dtid is not None:
            # Refused before processing, as an expired token would be: not "received".
            refused = self._refused_token.setdefault(dtid, token)
            if refused == token:
                return error(401, "Invalid or expired token")
        try:
            if dtid is not None:
                seen = dtid in self.received
                self.received.append(dtid)
                if seen:
                    self.duplicate_transaction_ids.append(dtid)
                    raise RefusalError(400, "12", "Duplicate transaction")
            request = validated(data)
            if ending in DECLINE_ENDINGS:
                code = DECLINE_ENDINGS[ending]
                raise RefusalError(400, code, CODE_MESSAGES[code])
            if ending == "9951" or self.balance < request.amount:
                raise RefusalError(402, "51", "Insufficient balance")
        except RefusalError as refusal:
            await self._pause()
            return error(refusal.status, refusal.error, refusal.code, dtid)
        charge = self._charge(request)
        await self._pause()
        return await self._answer_after_charge(ending, charge)

    async def _pause(self) -> None:
        """The provider's own processing time, after its decision and before its answer."""
        if self.latency_seconds > 0:
            await asyncio.sleep(self.latency_seconds)

    def _charge(self, request: PurchaseRequest) -> Charge:
        self.balance -= request.amount
        self._last_updated = utc_stamp()
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

    async def _answer_after_charge(self, ending: str, charge: Charge) -> SandboxReply | None:
        fault = self.fault or FAULT_ENDINGS.get(ending)
        if fault is Fault.ERROR_96:
            return error(500, CODE_MESSAGES["96"], "96", charge.dtid)
        if fault is Fault.DROP:
            return None
        if fault is Fault.ERROR_500:
            return error(500, "Internal server error")
        if fault is Fault.BAD_GATEWAY:
            html = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
            return SandboxReply(502, html, content_type="text/html")
        if fault is Fault.GARBLED_200:
            return SandboxReply(200, b'{"success": true, "transaction_id": "TXN-', "text/plain")
        if fault is Fault.HANG or ending == "9970":
            await asyncio.sleep(self.hang_seconds if fault is Fault.HANG else self.slow_seconds)
        return reply(
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
