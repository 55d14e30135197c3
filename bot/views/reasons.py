"""Why a purchase is pending verification, in the admin's language.

The client stores the reason in its own words (English, for the logs and the database);
admins read it in theirs. Words the provider sent (its `error` text) are quoted as they
came: they are the provider's, whatever its language. A reason written by an older
version and not recognised here is shown as stored.
"""

from __future__ import annotations

import re

from bot.i18n import plain

# Each pattern matches a whole reason as bot/latcom and bot/usecases/purchases.py write it.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), key)  # DOTALL: the provider's text may hold line breaks
    for pattern, key in (
        (r"no answer within (?P<seconds>[0-9.]+) s", "reason.timeout"),
        (r"the connection was dropped before an answer", "reason.dropped"),
        (r"the bot stopped while waiting for the provider", "reason.restart"),
        (r"HTTP (?P<status>[0-9]{3}): the body is not a JSON object", "reason.not_json"),
        (
            r"HTTP (?P<status>[0-9]{3}): success without a documented approval "
            r"\(code (?P<code>.*)\)",
            "reason.undocumented",
        ),
        (r"HTTP (?P<status>[0-9]{3}): HTTP (?P=status)", "reason.http_only"),
        (
            r"HTTP (?P<status>[0-9]{3}): HTTP (?P=status) \(code (?P<code>[^()]*)\)",
            "reason.http_code",
        ),
        (r"HTTP (?P<status>[0-9]{3}): (?P<said>.*) \(code (?P<code>[^()]*)\)", "reason.said_code"),
        (r"HTTP (?P<status>[0-9]{3}): (?P<said>.*)", "reason.said"),
        (r"(?P<error>[A-Za-z]+) after sending", "reason.after_sending"),
        (r"unexpected error in the client|internal error: \w+", "reason.internal"),
    )
)


def pending_reason(reason: str | None, lang: str) -> str:
    """`reason` as stored, told in `lang` (plain text: the caller escapes it)."""
    if not reason:
        return plain(lang, "reason.unknown")
    for pattern, key in _REASONS:
        if (found := pattern.fullmatch(reason)) is not None:
            params = found.groupdict()
            if params.get("seconds"):  # "45.0" as stored by older versions reads "45"
                params["seconds"] = f"{float(params['seconds']):g}"
            if "code" in params:  # "code 07", or the provider named none
                code = params["code"]
                params["code"] = (
                    plain(lang, "reason.no_code")
                    if code in (None, "None")
                    else plain(lang, "reason.code", code=code)
                )
            return plain(lang, key, **params)
    return reason
