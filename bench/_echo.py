"""`python -m bench._echo`: the yardstick, a plain python-telegram-bot echo bot.

Nothing but `ApplicationBuilder` defaults and one handler that sends the text back, run
with `run_polling` against the same stand-in as the bot; prints its peak memory at exit.
"""

from __future__ import annotations

import json
import os
import resource

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the user's text back."""
    if update.message is not None and update.message.text is not None:
        await update.message.reply_text(update.message.text)


def main() -> None:
    application = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"max_rss_kib": peak_kib}), flush=True)


if __name__ == "__main__":
    main()
