"""`python -m bench._serve_bot`: the production job for the benchmark, plus its peak memory.

Runs `bot.runner.run_polling` exactly as `python -m bot` does (settings from the
environment) and, once it has stopped, prints one JSON line with the process's peak
resident memory. With `--no-global-limit` the bot's rate limiter keeps its retries and
its pacing of each chat but loses its 30-requests-per-second ceiling: the ablation that
shows what the ceiling costs.
With `--profile FILE` the run is profiled with cProfile (read it with `python -m pstats`).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import resource
from pathlib import Path

import bot.app
from bot.config import load_settings
from bot.ratelimit import FloodControl
from bot.runner import run_polling


def _without_global_limit() -> FloodControl:
    return FloodControl(overall_per_second=None)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench._serve_bot")
    parser.add_argument("--no-global-limit", action="store_true")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the run here")
    args = parser.parse_args()
    if args.no_global_limit:
        setattr(bot.app, "FloodControl", _without_global_limit)  # noqa: B010 - an ablation
    settings = load_settings()
    if args.profile is None:
        run_polling(settings)
    else:
        with cProfile.Profile() as profile:
            run_polling(settings)
        profile.dump_stats(args.profile)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"max_rss_kib": peak_kib}), flush=True)


if __name__ == "__main__":
    main()
