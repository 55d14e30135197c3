"""Textos de los periodos que se piden a los reportes (/corte, /reporte, /exportar,
/grafica): qué se puede escribir y por qué algo no es un periodo."""

TEXTS: dict[str, str] = {
    "periods.forms": (
        "Periodos: <code>hoy</code>, <code>ayer</code>, <code>semana</code>, "
        "<code>mes</code>, <code>semana pasada</code>, <code>mes pasado</code>, un día "
        "(<code>2026-12-01</code> o <code>01/12/2026</code>), un mes "
        "(<code>2026-11</code>) o dos días (<code>2026-11-01 2026-11-15</code>)."
    ),
    "periods.unknown": "❌ No entiendo «{typed}» como periodo.",
    "periods.bad_date": "❌ «{typed}» no es una fecha que exista.",
    "periods.reversed": "❌ El periodo termina ({last}) antes de empezar ({first}).",
    "periods.future": "❌ El {typed} todavía no llega: no hay ventas que contar.",
    "periods.too_long": (
        "❌ Son {days} días; un periodo puede tener hasta {max}. Pídelo por partes."
    ),
    "periods.today": "hoy",
    "periods.yesterday": "ayer",
    "periods.week": "esta semana",
    "periods.month": "este mes",
    "periods.last_week": "la semana pasada",
    "periods.last_month": "el mes pasado",
}
