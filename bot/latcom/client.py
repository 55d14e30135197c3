"""The distributor API client: login and token upkeep, balance, and purchase outcomes.

Everything HTTP about the provider lives here. A purchase is sent at most once, except
in the two cases the contract allows (a 401, and a connection that could not be
opened); every answer is sorted into Approved, Declined or Unknown, and purchase()
never raises for anything the network or the provider does.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import httpx
from pydantic import SecretStr

from bot.domain.provider import (
    UNREACHABLE,
    Approved,
    Balance,
    Declined,
    PurchaseOutcome,
    PurchaseRequest,
    Unknown,
)
from bot.latcom.classify import classify, decimal_or_none, json_object
from bot.latcom.errors import LatcomAuthError, LatcomUnavailable
from bot.latcom.scrub import ID_LIMIT, RAW_BODY_LIMIT, REASON_LIMIT, Scrubber
from bot.logs import keep_secret

logger = logging.getLogger(__name__)

CONNECT_RETRY_PAUSE_SECONDS = 0.2
DEFAULT_TOKEN_LIFETIME_SECONDS = 3600.0
# Only these mean "the connection was never opened": nothing reached the provider.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class _NotSentError(LatcomUnavailable):
    """No connection could be opened, so the request is safe to send again."""


class LatcomClient:
    def __init__(
        self,
        base_url: str,
        customer_id: str,
        secret_key: SecretStr,
        *,
        purchase_timeout: float = 45.0,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._customer_id = customer_id
        self._secret_key = secret_key
        self._scrub = Scrubber([secret_key.get_secret_value()])
        self._timeout = httpx.Timeout(15.0, connect=5.0)
        self._purchase_timeout = httpx.Timeout(15.0, connect=5.0, read=purchase_timeout)
        self._http = httpx.AsyncClient(
            base_url=base_url,
            timeout=self._timeout,
            transport=transport,
            headers={"Accept": "application/json"},
        )
        self._clock = clock
        self._token: str | None = None
        self._renew_at = 0.0
        self._login_lock = asyncio.Lock()
        self.logins = 0

    def __repr__(self) -> str:
        return f"LatcomClient({str(self._http.base_url)!r}, customer_id={self._customer_id!r})"

    async def aclose(self) -> None:
        await self._http.aclose()

    async def get_balance(self) -> Balance:
        try:
            response = await self._authorized("GET", "/get_balance", timeouts=self._timeout)
        except httpx.HTTPError as exc:
            raise LatcomUnavailable(f"balance request failed: {type(exc).__name__}") from exc
        if response.status_code == 401:
            raise LatcomAuthError("the provider refused a freshly issued token")
        data = json_object(response.content) or {}
        amount, currency = decimal_or_none(data.get("balance")), data.get("currency")
        if response.status_code != 200 or data.get("success") is not True or amount is None:
            raise LatcomUnavailable(f"balance: unexpected answer (HTTP {response.status_code})")
        if not isinstance(currency, str) or not currency:
            raise LatcomUnavailable("balance: the answer names no currency")
        last_updated = data.get("last_updated")
        return Balance(amount, currency, last_updated if isinstance(last_updated, str) else None)

    async def purchase(self, req: PurchaseRequest) -> PurchaseOutcome:
        dtid = req.distributor_transaction_id
        try:
            outcome = await self._purchase(req)
        except Exception:
            # The request may have gone out: a bug here must never read as "not charged".
            logger.exception("purchase %s: unexpected error", dtid)
            outcome = Unknown("unexpected error in the client")
        outcome = self._scrubbed(outcome)
        if isinstance(outcome, Approved):
            logger.info("purchase %s: approved (%s)", dtid, outcome.transaction_id)
        elif isinstance(outcome, Declined):
            logger.info("purchase %s: declined %s (%s)", dtid, outcome.code, outcome.message)
        else:
            logger.warning("purchase %s: unknown, pending verification (%s)", dtid, outcome.reason)
        return outcome

    def _scrubbed(self, outcome: PurchaseOutcome) -> PurchaseOutcome:
        """The outcome as it may be kept and shown: every text the provider wrote
        redacted of secrets and bounded (bot/latcom/scrub.py)."""
        scrub = self._scrub
        match outcome:
            case Approved():
                return replace(
                    outcome,
                    transaction_id=scrub.text(outcome.transaction_id, ID_LIMIT),
                    reference=scrub.text(outcome.reference, ID_LIMIT),
                    auth_code=scrub.text(outcome.auth_code, ID_LIMIT),
                    raw=scrub.raw(outcome.raw),
                )
            case Declined():
                return replace(
                    outcome, message=scrub.text(outcome.message), raw=scrub.raw(outcome.raw)
                )
            case Unknown():
                body = (
                    None
                    if outcome.raw_body is None
                    else scrub.text(outcome.raw_body, RAW_BODY_LIMIT)
                )
                return replace(
                    outcome, reason=scrub.text(outcome.reason, REASON_LIMIT), raw_body=body
                )

    async def _purchase(self, req: PurchaseRequest) -> PurchaseOutcome:
        payload = {
            "distributor_transaction_id": req.distributor_transaction_id,
            "phone_number": req.phone_number,
            "product_id": req.product_id,
            "amount": req.amount,
        }
        try:
            response = await self._authorized(
                "POST", "/product_purchase", json=payload, timeouts=self._purchase_timeout
            )
        except _NotSentError:
            return Declined(UNREACHABLE, "could not reach the provider")
        except LatcomAuthError:
            return Declined("login_failed", "the provider refused our credentials")
        except LatcomUnavailable as exc:  # the login failed otherwise: nothing was sent
            return Declined(UNREACHABLE, str(exc))
        except httpx.TimeoutException:
            return Unknown(f"no answer within {self._purchase_timeout.read:g} s")
        except (httpx.RemoteProtocolError, httpx.ReadError):
            return Unknown("the connection was dropped before an answer")
        except httpx.HTTPError as exc:
            return Unknown(f"{type(exc).__name__} after sending")
        if response.status_code == 401:
            raw = json_object(response.content, plain=True) or {}
            return Declined("unauthorized", "the provider refused a fresh token", 401, raw)
        return classify(response.status_code, response.content, self._scrub.redact)

    async def _authorized(
        self, method: str, path: str, *, timeouts: httpx.Timeout, json: Any = None
    ) -> httpx.Response:
        """Send with a valid token, within the only retries the contract allows: once
        more after a 401 (with a new token), once more when no connection opened."""
        stale: str | None = None
        refused = unreachable = False
        while True:
            try:
                token = await self._valid_token(stale)
                response = await self._request(method, path, token, json, timeouts)
            except _NotSentError:
                if unreachable:
                    raise
                unreachable = True
                await asyncio.sleep(CONNECT_RETRY_PAUSE_SECONDS)
                continue
            if response.status_code != 401 or refused:
                return response
            refused, stale = True, token

    async def _valid_token(self, stale: str | None) -> str:
        """The cached token, or one new login shared by everyone waiting for it."""
        if stale is None and self._token is not None and self._clock() < self._renew_at:
            return self._token
        async with self._login_lock:
            # Whoever waited here may find the holder already logged in for them.
            token = self._token
            if token is not None and token != stale and self._clock() < self._renew_at:
                return token
            return await self._login()

    async def _login(self) -> str:
        self._token = None
        credentials = {
            "customer_id": self._customer_id,
            "secret_key": self._secret_key.get_secret_value(),
        }
        try:
            response = await self._request("POST", "/login", None, credentials, self._timeout)
        except httpx.HTTPError as exc:
            raise LatcomUnavailable(f"login failed: {type(exc).__name__}") from exc
        self.logins += 1
        if response.status_code in (401, 403):
            raise LatcomAuthError(f"the provider refused the credentials of {self._customer_id}")
        data = json_object(response.content) or {}
        token = data.get("access_token")
        for issued in (token, data.get("refresh_token")):
            if isinstance(issued, str):
                keep_secret(issued)  # whatever happens next, no log line shows it
        if response.status_code != 200 or not isinstance(token, str) or not token:
            raise LatcomUnavailable(f"login: unexpected answer (HTTP {response.status_code})")
        lifetime = decimal_or_none(data.get("expires_in"))
        seconds = float(lifetime) if lifetime and lifetime > 0 else DEFAULT_TOKEN_LIFETIME_SECONDS
        # Renew a little early so a token never expires in flight; for very short
        # lifetimes keep at least half of it usable.
        margin = min(max(30.0, seconds * 0.1), seconds / 2)
        self._token, self._renew_at = token, self._clock() + seconds - margin
        return token

    async def _request(
        self, method: str, path: str, token: str | None, json: Any, timeouts: httpx.Timeout
    ) -> httpx.Response:
        """The one place requests go out; tells "never sent" apart from everything else."""
        headers = {"Authorization": f"Bearer {token}"} if token else None
        try:
            return await self._http.request(
                method, path, json=json, headers=headers, timeout=timeouts
            )
        except _NOT_SENT as exc:
            raise _NotSentError("could not reach the provider") from exc
