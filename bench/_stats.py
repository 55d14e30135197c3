"""Figures for the benchmark: percentiles and the table it prints."""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile `q` (0-100) of `values`; NaN when there are none."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def ms(seconds: float) -> str:
    if math.isnan(seconds):
        return "—"
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def p50_p99(values: Sequence[float]) -> str:
    return f"{ms(percentile(values, 50))} / {ms(percentile(values, 99))}  (n={len(values)})"


@dataclass(frozen=True, slots=True)
class Row:
    what: str
    value: str
    target: str = ""
    verdict: str = ""  # "ok", "MISSED" or "" when there is no target


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def table(title: str, rows: Sequence[Row]) -> str:
    """A plain-text table: what, measured value, target and whether it was met."""
    width = max(len(row.what) for row in rows)
    value_width = max(len(row.value) for row in rows)
    lines = [title, "-" * len(title)]
    for row in rows:
        target = f"target {row.target}: {row.verdict}" if row.target else ""
        lines.append(f"{row.what:<{width}}  {row.value:<{value_width}}  {target}".rstrip())
    return "\n".join(lines)


async def timed(runs: int, call: Callable[[], Awaitable[object]]) -> list[float]:
    """`runs` timings of `call`, in milliseconds, after one to warm the page cache, as a
    running bot's would be."""
    await call()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        await call()
        times.append((time.perf_counter() - began) * 1000)
    return times


def against(name: str, times: Sequence[float], target_ms: float, width: int = 44) -> bool:
    """Print one kind's p50 and p99 against its target; whether p99 is under it."""
    p50, p99 = percentile(times, 50), percentile(times, 99)
    ok = p99 < target_ms
    print(
        f"{name:<{width}} p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   "
        f"(target {target_ms:.0f})   {'ok' if ok else 'SLOW'}"
    )
    return ok
