"""Figures for the benchmark: percentiles and the table it prints."""

from __future__ import annotations

import math
from collections.abc import Sequence
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
