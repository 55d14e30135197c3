"""One place for words: every text the bot shows, looked up by key and language.

Parameters are HTML-escaped here, so user input can never break or inject markup;
a parameter that is already safe HTML is wrapped in `Html`.
"""

from __future__ import annotations

import html

from bot.i18n import en, es

CATALOGS: dict[str, dict[str, str]] = {"es": es.TEXTS, "en": en.TEXTS}
DEFAULT_LANG = "es"


class Html(str):
    """A fragment that is already valid Telegram HTML (built by `t`)."""

    __slots__ = ()


def language_for(language_code: str | None) -> str:
    """Spanish first: English only for users whose Telegram speaks English."""
    if language_code and language_code.lower().startswith("en"):
        return "en"
    return DEFAULT_LANG


def t(lang: str, key: str, **params: object) -> Html:
    """The text for `key` in `lang`, with every parameter escaped for HTML."""
    catalog = CATALOGS.get(lang, CATALOGS[DEFAULT_LANG])
    template = catalog[key]
    safe = {
        name: value if isinstance(value, Html) else html.escape(str(value), quote=False)
        for name, value in params.items()
    }
    return Html(template.format(**safe))


def plain(lang: str, key: str, **params: object) -> str:
    """The text for places that take no HTML (button labels, callback answers)."""
    catalog = CATALOGS.get(lang, CATALOGS[DEFAULT_LANG])
    return catalog[key].format(**params)
