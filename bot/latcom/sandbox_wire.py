"""The sandbox's wire rules: the contract's products and codes, request validation, the
JSON it writes and the shape of its answers (`SandboxReply`, `SandboxHandler`).
Behaviour (ledger, tokens, magic endings) lives in `sandbox.py`."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from bot.domain.provider import PurchaseRequest

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
_PHONE = re.compile(r"[0-9]{10}")


@dataclass(frozen=True, slots=True)
class SandboxReply:
    """One HTTP answer of the sandbox, before any transport carries it."""

    status: int
    body: bytes
    content_type: str = "application/json"


# How the sandbox is asked: (method, request target, lower-cased headers, body). None for
# an answer means the connection is dropped without one, as a failing upstream's would be.
SandboxHandler = Callable[[str, str, dict[str, str], bytes], Awaitable[SandboxReply | None]]


class RefusalError(Exception):
    """A purchase refused before anything was charged: HTTP status, code and message."""

    def __init__(self, status: int, code: str, error: str) -> None:
        super().__init__(error)
        self.status, self.code, self.error = status, code, error


def validated(data: dict[str, Any] | None) -> PurchaseRequest:
    """The request's fields, checked as the contract says."""
    if data is None:
        raise RefusalError(400, "12", "Invalid JSON body")
    fields = ("distributor_transaction_id", "phone_number", "product_id")
    for name in fields:
        if not isinstance(data.get(name), str) or not data[name]:
            raise RefusalError(400, "12", f"Missing or invalid field: {name}")
    amount = data.get("amount")
    if not isinstance(amount, int | Decimal) or isinstance(amount, bool):
        raise RefusalError(400, "12", "Missing or invalid field: amount")
    if "operator" in data and not isinstance(data["operator"], str):
        raise RefusalError(400, "12", "Invalid field: operator")
    dtid, phone, product_id = (data[name] for name in fields)
    if not _PHONE.fullmatch(phone):
        raise RefusalError(400, "83", "Invalid phone number")
    if product_id not in PRODUCT_PRICES:
        raise RefusalError(400, "14", "Invalid product")
    if isinstance(amount, Decimal) and not (
        amount.is_finite() and amount == amount.to_integral_value()
    ):
        raise RefusalError(400, "13", "Invalid amount")
    price = PRODUCT_PRICES[product_id]
    if not (TAE_MIN <= amount <= TAE_MAX if price is None else amount == price):
        raise RefusalError(400, "13", "Invalid amount")
    return PurchaseRequest(dtid, phone, product_id, int(amount))


def json_object(body: bytes) -> dict[str, Any] | None:
    # Decimal floats so "50.5" is seen as not whole without float rounding.
    with contextlib.suppress(ValueError):
        data = json.loads(body, parse_float=Decimal, parse_constant=Decimal)
        return data if isinstance(data, dict) else None
    return None


def reply(status: int, payload: dict[str, Any]) -> SandboxReply:
    # Flat payloads only; money is written with exactly two decimals, as the provider does.
    parts = (
        f"{json.dumps(key)}: {f'{value:.2f}' if isinstance(value, Decimal) else json.dumps(value)}"
        for key, value in payload.items()
    )
    return SandboxReply(status, ("{" + ", ".join(parts) + "}").encode())


def error(
    status: int, message: str, code: str | None = None, dtid: str | None = None
) -> SandboxReply:
    payload: dict[str, Any] = {"success": False, "error": message}
    if code is not None:
        payload |= {"response_code": code, "distributor_transaction_id": dtid}
    return reply(status, payload)


def utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
