"""Textos de recibos, clientes y enlaces compartidos."""

TEXTS: dict[str, str] = {}
