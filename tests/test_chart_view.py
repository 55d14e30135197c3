"""The chart's picture: a valid PNG of the stated size for a day, a month and a year,
shop names the font cannot draw, and drawn in worker threads at once."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

import pytest

from bot.domain.charts import DaySales, SalesChart, SellerLine
from bot.domain.periods import Period
from bot.views.chart import SIZE_PX, caption, png
from tests.png import png_size


def _chart(days: int, names: tuple[str, ...] = ()) -> SalesChart:
    last = date(2026, 12, 5)
    period = Period(last - timedelta(days=days - 1), last)
    sales = tuple(
        DaySales(day, 100 * n, 10 * n, 20, n, n, 1) for n, day in enumerate(period.each_day())
    )
    lines = tuple(SellerLine(name, tuple(50 for _ in sales)) for name in names)
    return SalesChart(period, None, sales, lines)


@pytest.mark.parametrize("days", [1, 30, 366])
def test_a_png_of_the_stated_size(days: int) -> None:
    assert png_size(png(_chart(days, ("Abarrotes Lupita",)), "es")) == SIZE_PX


def test_names_the_font_cannot_draw_are_drawn_without_what_it_lacks() -> None:
    names = ("🛒🛒", "$1 $2 tienda", "_oculta", "Niño\u200b Ñandú", "x" * 64)
    assert png_size(png(_chart(30, names), "en")) == SIZE_PX


async def test_charts_drawn_in_threads_at_once() -> None:
    drawn = await asyncio.gather(*(asyncio.to_thread(png, _chart(10 + n), "es") for n in range(4)))
    assert all(png_size(picture) == SIZE_PX for picture in drawn)


def test_the_caption_adds_up_the_period() -> None:
    chart = _chart(3)  # approved 0+100+200, pending 20 a day, declined 0+10+20
    assert caption(chart, "en").splitlines() == [
        "📊 Sales from 3 Dec 2026 to 5 Dec 2026",
        "✅ Sold: $300 MXN (3)",
        "⏳ Pending verification: $60 MXN (3)",
        "❌ Declined: $30 MXN (3)",
    ]
