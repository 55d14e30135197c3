"""Why a purchase is pending, as admins read it: in their language, the provider's words quoted."""

from __future__ import annotations

import json

import pytest

from bot.domain.provider import Unknown
from bot.domain.purchases import RESTART_REASON
from bot.latcom.classify import classify
from bot.views.reasons import pending_reason


def _unknown(status: int, body: object) -> str:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    outcome = classify(status, content)
    assert isinstance(outcome, Unknown)
    return outcome.reason


@pytest.mark.parametrize(
    ("reason", "es", "en"),
    [
        (
            _unknown(500, {"success": False, "error": "Error de sistema", "response_code": "96"}),
            "el proveedor respondió HTTP 500, código 96: «Error de sistema»",
            "the provider answered HTTP 500, code 96: “Error de sistema”",
        ),
        (
            _unknown(503, {"success": False, "error": "Mantenimiento"}),
            "el proveedor respondió HTTP 503: «Mantenimiento»",
            "the provider answered HTTP 503: “Mantenimiento”",
        ),
        (
            _unknown(502, b"<html>Bad gateway</html>"),
            "respuesta ilegible del proveedor (HTTP 502)",
            "unreadable answer from the provider (HTTP 502)",
        ),
        (
            _unknown(200, {"success": True, "response_code": "07"}),
            "el proveedor dijo «éxito» sin una aprobación documentada (HTTP 200, código 07)",
            "the provider said “success” without a documented approval (HTTP 200, code 07)",
        ),
        (
            "no answer within 45.0 s",  # as older versions stored it
            "el proveedor no respondió en 45 s",
            "the provider did not answer within 45 s",
        ),
        (
            "the connection was dropped before an answer",
            "la conexión se cortó antes de la respuesta",
            "the connection was dropped before an answer",
        ),
        (
            RESTART_REASON,
            "el bot se detuvo mientras esperaba al proveedor",
            "the bot stopped while waiting for the provider",
        ),
        (
            "WriteError after sending",
            "falla de red después de enviarla (WriteError)",
            "network failure after sending it (WriteError)",
        ),
        (
            "internal error: KeyError",
            "error interno del bot; pudo haberse enviado",
            "internal error of the bot; it may have been sent",
        ),
        (
            _unknown(503, {"success": False}),
            "el proveedor respondió HTTP 503 sin explicación",
            "the provider answered HTTP 503 without explanation",
        ),
        (
            _unknown(500, {"success": False, "response_code": "96"}),
            "el proveedor respondió HTTP 500, código 96, sin explicación",
            "the provider answered HTTP 500, code 96, without explanation",
        ),
        (
            _unknown(200, {"success": True}),
            "el proveedor dijo «éxito» sin una aprobación documentada (HTTP 200, sin código)",
            "the provider said “success” without a documented approval (HTTP 200, no code)",
        ),
        (
            _unknown(500, {"success": False, "error": "Falla\nen el switch"}),
            "el proveedor respondió HTTP 500: «Falla\nen el switch»",
            "the provider answered HTTP 500: “Falla\nen el switch”",
        ),
        (None, "sin detalle", "no detail"),
        ("something an older version wrote", "something an older version wrote", None),
    ],
)
def test_each_reason_reads_in_the_admins_language(
    reason: str | None, es: str, en: str | None
) -> None:
    assert pending_reason(reason, "es") == es
    assert pending_reason(reason, "en") == (en or es)
