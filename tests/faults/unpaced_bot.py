"""`python -m tests.faults.unpaced_bot`: `python -m bot` exactly, but for Telegram's pacing.

The randomized run's 500 purchases are some 2,700 Bot API requests; kept to Telegram's
30 a second overall and one a second per chat, they would take minutes, and what that run
tests is money, not pacing (tests/faults/wires.py lifts the same limits for the bot run
in-process). Retrying after a 429 is kept.
"""

from __future__ import annotations

import sys
from functools import partial

import bot.app
from bot.__main__ import main
from bot.ratelimit import FloodControl

if __name__ == "__main__":
    bot.app.FloodControl = partial(  # type: ignore[attr-defined,assignment]
        FloodControl, chat_per_second=None, overall_per_second=None
    )
    sys.exit(main())
