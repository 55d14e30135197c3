"""Texts of receipts, customers and shared links."""

TEXTS: dict[str, str] = {}
