"""Texts of money safety: duplicates, pending purchases, delivery."""

TEXTS: dict[str, str] = {}
