"""The client's own errors, for the calls that raise (login, balance); a purchase never
raises: its outcome is one of bot.domain.provider's classes."""

from __future__ import annotations


class LatcomError(Exception):
    """A login or balance call failed; the message never holds a secret or a token."""


class LatcomAuthError(LatcomError):
    """The provider refused our credentials."""


class LatcomUnavailable(LatcomError):  # noqa: N818 - the name the codebase already uses
    """The provider could not be reached or answered with something undocumented."""
