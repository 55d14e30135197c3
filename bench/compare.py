"""Two versions of the bot side by side (`python -m bench.compare TREE_A TREE_B`).

A change to the bot's latency of a few tenths of a millisecond is lost between two runs
of `bench.topups`: on a shared VM one run differs from the next by more. Here both
versions run at once, each a bot process with a stand-in of its own, and the same 50
paced resellers do whole top-ups with one and then the other, in turns, the order
swapped every round (as `bench.topups` does with the echo bot). A machine slower for a
while slows both alike.

Each tree is a checkout of this repository, e.g. `git worktree add /tmp/before HEAD~1`;
its bot runs with that tree first on the import path. This process, its stand-ins and
the sandbox are this checkout's.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import tempfile
from pathlib import Path

from bench._disk import SyncProbe
from bench._phases import Figures, paced
from bench._process import BotProcess
from bench._stats import Row, p50_p99, percentile, table
from bench._upstreams import Upstreams
from bench._users import STEPS, Pacing, Reseller, User
from bench.topups import ADMIN, BYSTANDERS, RESELLERS, disk_syncs, no_collections_here


async def _start(side: Upstreams, tree: Path) -> BotProcess:
    environment = side.environment([ADMIN], RESELLERS + BYSTANDERS)
    bot = BotProcess(side, "bench._serve_bot", environment | {"PYTHONPATH": str(tree)})
    await bot.start()
    # Not measured: the first login, first queries, lazy imports, first connections.
    telegram = side.telegram
    await User(side, ADMIN, None).act(
        "start", lambda: telegram.send_text(ADMIN, "/start"), ("sent",)
    )
    await Reseller(side, ADMIN, None).top_up(Pacing(0, 0, 0))
    return bot


async def measure(trees: tuple[Path, Path], rounds: int) -> tuple[Figures, Figures, list[float]]:
    figures = (Figures(resellers=len(RESELLERS)), Figures(resellers=len(RESELLERS)))
    with (
        tempfile.TemporaryDirectory(prefix="bench-compare-") as workdir,
        no_collections_here(),
    ):
        sides = (Upstreams(Path(workdir, "a")), Upstreams(Path(workdir, "b")))
        bots: list[BotProcess] = []
        try:
            for side, tree in zip(sides, trees, strict=True):
                side.workdir.mkdir()
                await side.open()
                bots.append(await _start(side, tree))
            with SyncProbe(sides[0].workdir) as disk:
                for round_ in range(rounds):
                    turns = [
                        paced(side, RESELLERS, side_figures, 1, round_)
                        for side, side_figures in zip(sides, figures, strict=True)
                    ]
                    for turn in turns if round_ % 2 == 0 else reversed(turns):
                        gc.collect()  # each turn starts on as clean a slate as the other
                        await turn
            for bot in bots:
                await bot.stop()
        finally:
            for bot in bots:
                bot.kill()
            for side in sides:
                await side.close()
    return figures[0], figures[1], disk.seconds


def report(trees: tuple[Path, Path], a: Figures, b: Figures, disk: list[float]) -> str:
    rows: list[Row] = []
    for name, tree, side in (("A", trees[0], a), ("B", trees[1], b)):
        rows.append(Row(f"{name}: {tree}, every step (p50 / p99)", p50_p99(side.paced.all())))
        rows += [Row(f"    {step}", p50_p99(side.paced.by_step[step])) for step in STEPS]
    ratios = [percentile(b.paced.all(), q) / percentile(a.paced.all(), q) for q in (50, 99)]
    rows.append(Row("B ÷ A, every step (p50 / p99)", f"{ratios[0]:.2f} / {ratios[1]:.2f}"))
    rows.append(Row("disk syncing 4 KiB, meanwhile (p50 / p99 / max)", disk_syncs(disk)))
    return table("bench.compare: the bot's added latency per step, paced", rows)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__)
    parser.add_argument("tree_a", type=Path, help="a checkout of the bot (A)")
    parser.add_argument("tree_b", type=Path, help="another checkout of the bot (B)")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    trees = (args.tree_a.resolve(), args.tree_b.resolve())
    for tree in trees:
        if not (tree / "bench" / "_serve_bot.py").is_file():
            parser.error(f"{tree} is not a checkout of this repository")
    a, b, disk = asyncio.run(measure(trees, args.rounds))
    print(report(trees, a, b, disk))


if __name__ == "__main__":
    main()
