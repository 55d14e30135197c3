"""The one error type the stand-in answers with, worded the way Telegram words its refusals."""

from __future__ import annotations

from typing import Any

JsonDict = dict[str, Any]


class ApiError(Exception):
    """A refused request: the HTTP status, Telegram's description and optional parameters."""

    def __init__(self, status: int, description: str, parameters: JsonDict | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def envelope(self) -> JsonDict:
        """The JSON body Telegram sends back for this refusal."""
        body: JsonDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    """A 400 refusal, e.g. `bad_request("chat not found")`."""
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    """A 403 refusal, e.g. `forbidden("bot was blocked by the user")`."""
    return ApiError(403, f"Forbidden: {detail}")
