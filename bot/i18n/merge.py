"""Catalogs are split by feature; merging refuses a key defined twice."""

from __future__ import annotations


def merge(*parts: dict[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        for key, text in part.items():
            if key in merged:
                raise ValueError(f"text key {key!r} is defined twice")
            merged[key] = text
    return merged
