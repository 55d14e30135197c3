"""Development tools, never imported by what production runs (`python -m bot`).

`python -m devtools console` runs the real bot in a terminal against the Bot API
stand-in (`standin/`); `python -m devtools sandbox` serves the product's sandbox provider
over HTTP (`sandbox_server.py`). Tests and the benchmark use the same pieces.
"""
