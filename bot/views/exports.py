"""/exportar's screens: the files' headers and words in the reader's language, their
names and captions, and the messages when nothing is sent."""

from __future__ import annotations

from bot.domain.catalog import CATALOG
from bot.domain.exports import ExportRefusal, Refused, Scope, Table, Words, Written
from bot.i18n import Html, plain, t


def header(lang: str, table: Table) -> list[str]:
    return plain(lang, f"exports.header.{table.value}").split("|")


def words(lang: str) -> Words:
    """Statuses ('sending' and 'pending' both read as pending verification), movement
    kinds and product names, in the reader's language."""
    statuses = {
        status: plain(lang, f"exports.status.{status}")
        for status in ("approved", "declined", "pending")
    }
    statuses["sending"] = statuses["pending"]
    kinds = {
        kind: plain(lang, f"exports.kind.{kind}")
        for kind in ("hold", "sale", "release", "deposit", "adjustment")
    }
    products = {product.product_id: product.name(lang) for product in CATALOG}
    return Words(statuses, kinds, products)


def stem(lang: str, table: Table, scope: Scope) -> str:
    """A file's name without its extension: ASCII words, the dates, the reseller's id."""
    period = scope.period
    name = f"{plain(lang, f'exports.file.{table.value}')}_{period.first.isoformat()}"
    if not period.is_one_day:
        name += f"_{period.last.isoformat()}"
    if scope.reseller_id is not None:
        name += f"_{scope.reseller_id}"
    return name


def _period(lang: str, scope: Scope) -> str:
    first, last = scope.period.first.isoformat(), scope.period.last.isoformat()
    if scope.period.is_one_day:
        return plain(lang, "exports.day", first=first)
    return plain(lang, "exports.period", first=first, last=last)


def caption(lang: str, scope: Scope, file: Written) -> Html:
    who = scope.label or plain(lang, "exports.everyone")
    text = t(
        lang,
        f"exports.caption.{file.table.value}",
        period=_period(lang, scope),
        who=who,
        rows=plain(lang, "exports.rows.one")
        if file.rows == 1
        else plain(lang, "exports.rows.many", rows=f"{file.rows:,}"),
    )
    if file.zipped:
        text = Html(text + t(lang, "exports.caption.zipped"))
    if file.parts > 1:
        text = Html(text + t(lang, "exports.caption.part", part=file.part, parts=file.parts))
    return text


def nothing(lang: str, scope: Scope) -> Html:
    who = t(lang, "exports.who", shop=scope.label) if scope.label else Html("")
    return t(lang, "exports.nothing", period=_period(lang, scope), who=who)


def refused(lang: str, refusal: Refused) -> Html:
    """Why nothing is sent; what was not understood is answered with what may be typed."""
    text = t(lang, f"exports.{refusal.reason.value}", typed=refusal.typed[:60])
    if refusal.reason in (ExportRefusal.UNKNOWN, ExportRefusal.UNKNOWN_OWN):
        return Html(f"{text}\n\n{t(lang, 'periods.forms')}")
    return text


def period_error(lang: str, key: str, params: dict[str, str | int]) -> Html:
    """A period that cannot be (periods.*), with what may be typed."""
    return Html(f"{t(lang, key, **params)}\n\n{t(lang, 'periods.forms')}")
