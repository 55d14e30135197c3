"""/grafica's picture: a PNG of sales per local day, and its caption.

Bars stack each day's approved, pending and declined pesos; an admin's chart of everyone
adds a line per top reseller's approved pesos. Drawn on matplotlib's Agg canvas from a
`Figure` of its own, never through pyplot, whose global state is shared by every thread:
`png` is meant for a worker thread (asyncio.to_thread). Matplotlib does not promise
thread safety even then (its font and text caches are shared), so one chart is drawn at
a time; each takes a fraction of a second.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from datetime import date

from bot.domain.charts import SalesChart
from bot.domain.formatting import format_money
from bot.i18n import Html, plain, t

SIZE_PX = (1280, 720)  # width × height of every chart; Telegram shows it whole
_DPI = 100
_COLOURS = {"approved": "#2e7d32", "pending": "#f9a825", "declined": "#c62828"}
_MAX_TICKS = 16  # day labels under the bars, at most
_NAME_CHARS = 30
_DRAWING = threading.Lock()
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(day: date, lang: str, *, year: bool = True) -> str:
    if lang == "en":
        short = f"{day.day} {_MONTHS_EN[day.month - 1]}"
        return f"{short} {day.year}" if year else short
    short = f"{day.day:02d}/{day.month:02d}"
    return f"{short}/{day.year}" if year else short


def period_label(chart: SalesChart, lang: str) -> str:
    """ "este mes", "el 05/12/2026", "del 06/11/2026 al 05/12/2026"."""
    period = chart.period
    if period.named is not None:
        return plain(lang, f"periods.{period.named.value}")
    if period.is_one_day:
        return plain(lang, "charts.one_day", day=_day(period.first, lang))
    return plain(lang, "charts.days", first=_day(period.first, lang), last=_day(period.last, lang))


def _drawable(name: str) -> str:
    """A shop's name as the chart's font can draw it: no emoji or invisible characters
    (they would be missing glyphs), `$` not read as mathematics, never hidden from the
    legend (matplotlib leaves out labels starting with "_")."""
    kept = "".join(
        char
        for char in name
        if unicodedata.category(char) not in ("So", "Cs", "Co", "Cn", "Cc", "Cf")
    ).strip()
    return (kept[:_NAME_CHARS] or "?").replace("$", r"\$").lstrip("_") or "?"


def png(chart: SalesChart, lang: str) -> bytes:
    """The chart as a PNG of SIZE_PX, with its title, legend and axes in `lang`."""
    with _DRAWING:
        return _draw(chart, lang)


def _draw(chart: SalesChart, lang: str) -> bytes:
    # Imported by the first chart, not at every start: matplotlib takes a third of a
    # second to import, and a restart after a crash is when resellers are waiting.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    width, height = SIZE_PX
    figure = Figure(figsize=(width / _DPI, height / _DPI), dpi=_DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    days = chart.days
    where = range(len(days))
    bottom = [0] * len(days)
    for kind in ("approved", "pending", "declined"):
        heights = [getattr(day, kind) for day in days]
        axes.bar(
            where,
            heights,
            bottom=bottom,
            color=_COLOURS[kind],
            label=plain(lang, f"charts.legend.{kind}"),
            width=0.8,
        )
        bottom = [below + up for below, up in zip(bottom, heights, strict=True)]
    for seller in chart.sellers:
        axes.plot(where, seller.approved, marker="o", markersize=3, label=_drawable(seller.name))
    step = max(1, -(-len(days) // _MAX_TICKS))
    axes.set_xticks(list(where)[::step], [_day(day.day, lang, year=False) for day in days][::step])
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"${value:,.0f}"))
    axes.set_ylim(bottom=0)
    axes.set_xlabel(plain(lang, "charts.axis.day"))
    axes.set_ylabel(plain(lang, "charts.axis.amount"))
    scope = plain(lang, "charts.everyone") if chart.shop is None else _drawable(chart.shop)
    axes.set_title(plain(lang, "charts.title", scope=scope, period=period_label(chart, lang)))
    axes.grid(axis="y", alpha=0.3)
    axes.legend(loc="upper left", fontsize="small")
    written = io.BytesIO()
    figure.savefig(written, format="png", dpi=_DPI)
    return written.getvalue()


def caption(chart: SalesChart, lang: str) -> Html:
    """The period's totals under the picture."""
    total = chart.total
    title = "charts.caption.title" if chart.shop is None else "charts.caption.title_shop"
    lines = [
        t(lang, title, period=period_label(chart, lang), shop=chart.shop or ""),
        t(
            lang,
            "charts.caption.approved",
            amount=format_money(total.approved),
            count=total.approved_count,
        ),
        t(
            lang,
            "charts.caption.pending",
            amount=format_money(total.pending),
            count=total.pending_count,
        ),
        t(
            lang,
            "charts.caption.declined",
            amount=format_money(total.declined),
            count=total.declined_count,
        ),
    ]
    return Html("\n".join(lines))


def empty(chart: SalesChart, lang: str) -> Html:
    """No sale at all in the period: said, instead of an empty chart."""
    if chart.shop is None:
        return t(lang, "charts.empty", period=period_label(chart, lang))
    return t(lang, "charts.empty_shop", period=period_label(chart, lang), shop=chart.shop)
