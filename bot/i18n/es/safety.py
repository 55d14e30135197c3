"""Textos de la seguridad del dinero: duplicados, pendientes, entregas."""

TEXTS: dict[str, str] = {}
