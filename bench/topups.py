"""Whole top-ups end to end (`python -m bench.topups`): the figures issue 3 asks for.

The bot runs as its own process, exactly as `python -m bot` runs it (long polling with
PTB's HTTPXRequest), against the Bot API stand-in and the sandbox provider that this
process serves over HTTP on 127.0.0.1. Simulated resellers do whole top-ups
(/recarga → phone → 📱 → amount → ✅ → receipt). Then the same stand-in serves a plain
python-telegram-bot echo bot, the yardstick for what any PTB bot costs per update.

Added latency of a step: from the moment its update is available to getUpdates to the
moment the stand-in receives the reply the user waits for (the next screen; for ✅ the
receipt, less the time the provider spent on the purchase).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import gc
import os
import platform
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import telegram

from bench._phases import Figures, burst, echo_yardstick, flat_out, hang, paced
from bench._process import BotProcess
from bench._stats import Row, p50_p99, percentile, table, verdict
from bench._upstreams import Upstreams
from bench._users import STEPS, Pacing, Reseller, User

ADMIN = 1
RESELLERS = list(range(1001, 1051))
BYSTANDERS = list(range(2001, 2021))
ECHO_USERS = list(range(3001, 3051))


@contextlib.contextmanager
def no_collections_here() -> Iterator[None]:
    """This process serves Telegram and the provider to the bot being measured: one of its
    own garbage collections pauses both mid-step (25 ms was seen), and would be charged to
    whichever bot is measured at that moment. It collects between phases instead."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


async def measure(args: argparse.Namespace) -> Figures:
    """Run every phase against the bot, then the yardstick against the echo bot."""
    figures = Figures(resellers=len(RESELLERS))
    with (
        tempfile.TemporaryDirectory(prefix="bench-topups-") as workdir,
        no_collections_here(),
    ):
        upstreams = Upstreams(Path(workdir))
        await upstreams.open()
        env = upstreams.environment([ADMIN], RESELLERS + BYSTANDERS)
        bot = BotProcess(upstreams, "bench._serve_bot", env)
        echo = BotProcess(upstreams, "bench._echo", env)
        options = ["--no-global-limit"] if args.no_global_limit else []
        if args.profile is not None:
            options += ["--profile", str(args.profile.resolve())]
        try:
            await bot.start(*options)
            await User(upstreams, ADMIN, None).act(
                "start", lambda: upstreams.telegram.send_text(ADMIN, "/start"), ("sent",)
            )
            # Warm-up, not measured: the first login, first queries, lazy imports.
            await Reseller(upstreams, ADMIN, None).top_up(Pacing(0, 0, 0))
            await paced(upstreams, RESELLERS, figures, args.paced_top_ups)
            await flat_out(upstreams, RESELLERS, figures, args.flat_top_ups)
            await burst(upstreams, RESELLERS, figures)
            await hang(upstreams, RESELLERS[:10], BYSTANDERS, figures)
            figures.logins = upstreams.sandbox.logins
            figures.bot_rss_kib = await bot.stop()
            gc.collect()  # the echo bot starts on as clean a slate as the bot did
            await echo.start()
            await echo_yardstick(upstreams, ECHO_USERS, figures, args.echo_messages)
            figures.echo_rss_kib = await echo.stop()
        finally:
            bot.kill()
            echo.kill()
            await upstreams.close()
    return figures


def _cpu() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return f"{os.cpu_count()} × {line.split(':', 1)[1].strip()}"
    return f"{os.cpu_count()} CPUs"


def report(figures: Figures, args: argparse.Namespace, seconds: float) -> str:
    """The figures as a table, each against its target, and how to read them."""
    bot_steps, echo = figures.paced.all(), figures.echo.all()
    ratios = [percentile(bot_steps, q) / percentile(echo, q) for q in (50, 99)]
    hang99 = percentile(figures.while_hanging.all(), 99)
    by_step = figures.paced.by_step
    rows = [
        Row("whole top-ups per second, flat out", f"{figures.top_ups_per_second:.1f}"),
        Row("bot's added latency per step, paced (p50 / p99)", p50_p99(bot_steps)),
        *(Row(f"    {step}", p50_p99(by_step[step])) for step in STEPS if step in by_step),
        Row("echo bot's added latency, same pace (p50 / p99)", p50_p99(echo)),
        Row(
            "bot ÷ echo bot (p50 / p99)",
            f"{ratios[0]:.1f}× / {ratios[1]:.1f}×",
            "≤ 2×",
            verdict(max(ratios) <= 2),
        ),
        Row("bot's added latency per step, flat out (p50 / p99)", p50_p99(figures.flat.all())),
        Row(
            f"{figures.resellers} press ✅ at once, provider takes 2 s: last receipt after",
            f"{figures.burst_seconds:.2f} s",
            "≤ 3 s",
            verdict(figures.burst_seconds <= 3),
        ),
        Row(
            "others' reply latency while 10 purchases hang (p50 / p99)",
            p50_p99(figures.while_hanging.all()),
            "p99 < 250 ms",
            verdict(hang99 < 0.25),
        ),
        Row(
            "logins to the provider (token lifetime 1 h)",
            str(figures.logins),
            "1",
            verdict(figures.logins == 1),
        ),
        Row(
            "peak memory, max RSS: bot / echo bot",
            f"{figures.bot_rss_kib / 1024:.0f} MiB / {figures.echo_rss_kib / 1024:.0f} MiB",
        ),
    ]
    limited = " — bot WITHOUT its 30 requests/s ceiling" if args.no_global_limit else ""
    title = (
        f"bench.topups {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC — {_cpu()} — "
        f"Python {platform.python_version()}, python-telegram-bot {telegram.__version__}"
        f"{limited}"
    )
    notes = [
        "Added latency: from an update being available to getUpdates to the reply the user",
        "waits for reaching the Bot API stand-in (the next screen; for ✅ the receipt, less",
        "the time the provider spent on the purchase). Bot and echo bot each run in their own",
        "process; the stand-in (no per-chat flood control) and the sandbox in this one.",
        f"Paced: {figures.resellers} resellers, {args.paced_top_ups} top-ups each, 1.5-3.5 s "
        "between steps;",
        f"flat out: {args.flat_top_ups} top-ups each without pauses, where the bot's rate "
        "limiter (PTB's",
        "AIORateLimiter: 30 requests/s to Telegram, 6 per top-up) sets the pace.",
        f"Run time {seconds:.0f} s.",
    ]
    return table(title, rows) + "\n\n" + "\n".join(notes)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.topups", description=__doc__)
    # 1,000 paced steps and as many echoes: a p99 is then the 10th worst of each, not the 5th.
    parser.add_argument("--paced-top-ups", type=int, default=4)
    parser.add_argument("--flat-top-ups", type=int, default=2)
    parser.add_argument("--echo-messages", type=int, default=20)
    parser.add_argument(
        "--no-global-limit",
        action="store_true",
        help="run the bot without its rate limiter's 30 requests/s ceiling (an ablation)",
    )
    parser.add_argument("--profile", type=Path, help="cProfile the bot process into this file")
    args = parser.parse_args()
    started = time.perf_counter()
    figures = asyncio.run(measure(args))
    print(report(figures, args, time.perf_counter() - started))


if __name__ == "__main__":
    main()
