"""/exportar of 1,000,000 purchases while resellers sell (`python -m bench.export`).

Seeds the bot's database file through the real migrations (`Database.open`) with
1,000,000 purchases over the last 300 days for 1,000 resellers (90 % approved, 8 %
declined, 2 % pending; one in five settled by an admin), and the ledger of the 100
prepaid ones among them (each sale's hold and its debit or release, a deposit whenever a
wallet runs low). Then the bot runs as its own process, exactly as `python -m bot` does,
against the Bot API stand-in and the sandbox provider served here (bench/_upstreams.py).

Twenty resellers do whole top-ups at a brisk pace (bench/_users.py) for ten seconds;
then an admin exports everything (`/exportar <300 days ago> <today>`) with nobody else
using the bot, and once more while the resellers sell. Of each export: the time from the
command to the last document received, and the bot process's memory (VmRSS sampled every
20 ms, and VmHWM after, from /proc/<pid>/status) against its VmRSS before; the resellers'
added latency per step during the second against before it. Every seeded row is read
back from the documents the stand-in received and counted against the database.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import gc
import io
import random
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench._phases import BRISK
from bench._process import BotProcess
from bench._stats import Row, ms, p50_p99, percentile, table, verdict
from bench._upstreams import Upstreams
from bench._users import Pacing, Reseller, Samples, User
from bot.domain.periods import local_today
from devtools.standin import ChatMessage
from storage.db import Database

ADMIN = 1
SHOPS = 1_000  # resellers with sales in the database
SEEDED_IDS = 10_000  # their Telegram ids are 10,001 to 11,000
PREPAID = 100  # of them, with a ledger
SELLERS = list(range(5001, 5021))  # who sell during the benchmark
DAYS = 300
CHUNK = 100_000
TIME_TARGET_SECONDS = 15.0
MEMORY_TARGET_MIB = 50.0
LATENCY_TARGET_SECONDS = 0.25
BEFORE_SECONDS = 10.0
FACES = (20, 30, 50, 100, 200, 500)
ZONE_NAME = "America/Mexico_City"


def _rows(count: int, rng: random.Random, now: datetime) -> Callable[[sqlite3.Connection], int]:
    """The purchases and ledger, inserted a chunk at a time; returns the ledger's rows."""
    start = now - timedelta(days=DAYS)
    step = timedelta(days=DAYS) / count
    balance: dict[int, int] = {}
    held: dict[int, int] = {}

    def insert(conn: sqlite3.Connection) -> int:
        purchases: list[tuple[object, ...]] = []
        ledger: list[tuple[object, ...]] = []

        def move(who: int, kind: str, amount: int, hold: int, at: str, **refs: object) -> None:
            balance[who] = balance.get(who, 0) + amount
            held[who] = held.get(who, 0) + hold
            ledger.append(
                (who, kind, amount, hold, balance[who], held[who], refs.get("purchase_id"),
                 refs.get("note"), refs.get("actor"), at)
            )  # fmt: skip

        def flush() -> None:
            conn.executemany(
                "INSERT INTO purchases (id, distributor_transaction_id, reseller_id, "
                "reseller_name, chat_id, lang, phone, product_id, amount, status, created_at, "
                "completed_at, notified_at, admins_alerted_at, cost, commission, "
                "transaction_id, reference, auth_code, settled_by, settled_by_name, settled_at) "
                "VALUES (?, ?, ?, ?, ?, 'es', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                purchases,
            )
            conn.executemany(
                "INSERT INTO ledger (reseller_id, kind, amount, held, balance_after, "
                "held_after, purchase_id, note, actor_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ledger,
            )
            purchases.clear()
            ledger.clear()

        written = 0
        for n in range(1, count + 1):
            who = rng.randint(1, SHOPS) + SEEDED_IDS
            at = (start + step * n).isoformat()
            face = rng.choice(FACES)
            status = rng.choices(("approved", "declined", "pending"), (90, 8, 2))[0]
            settled = status != "pending" and rng.random() < 0.2
            prepaid = who - SEEDED_IDS <= PREPAID
            cost = face * 97 if prepaid else None
            purchases.append(
                (n, f"bench-{n}", who, f"Tienda {who}", who, f"55{rng.randint(0, 10**8 - 1):08d}",
                 "MOVISTAR_TAE", face, status, at, at, at, at, cost,
                 None if cost is None else face * 3,
                 f"TX{n}" if status == "approved" else None,
                 f"R{n}" if status == "approved" else None,
                 f"A{n:07d}" if status == "approved" else None,
                 ADMIN if settled else None, "Ana Admin" if settled else None,
                 at if settled else None)
            )  # fmt: skip
            if cost is not None:
                if balance.get(who, 0) - held.get(who, 0) < 50_000:
                    move(who, "deposit", 500_000, 0, at, actor=ADMIN)
                move(who, "hold", 0, cost, at, purchase_id=n)
                if status == "approved":
                    move(who, "sale", -cost, -cost, at, purchase_id=n)
                elif status == "declined":
                    move(who, "release", 0, -cost, at, purchase_id=n)
            if len(purchases) >= CHUNK:
                written += len(ledger)
                flush()
        written += len(ledger)
        flush()
        return written

    return insert


async def seed(path: Path, count: int, now: datetime) -> int:
    database = await Database.open(path)
    try:
        await database.write(
            lambda conn: conn.executemany(
                "INSERT INTO resellers (user_id, shop_name, joined_at, joined_how, account) "
                "VALUES (?, ?, ?, 'admin', ?)",
                [
                    (who + SEEDED_IDS, f"Tienda {who}", now.isoformat(),
                     "prepaid" if who <= PREPAID else "unrestricted")
                    for who in range(1, SHOPS + 1)
                ],
            )
        )  # fmt: skip
        rng = random.Random(15)  # noqa: S311 - reproducible data, not secrets
        return await database.write(_rows(count, rng, now))
    finally:
        await database.close()


def memory_kib(pid: int) -> tuple[int, int]:
    """The process's resident memory now and at its highest (VmRSS, VmHWM), in KiB."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0])
    return found["VmRSS"], found["VmHWM"]


async def selling(upstreams: Upstreams, samples: Samples, until: asyncio.Event) -> None:
    """The resellers top up, a step every 0.5-1.5 s each, until `until` is set."""

    async def one(user_id: int) -> None:
        reseller = Reseller(upstreams, user_id, samples)
        pacing = Pacing(*BRISK, user_id)
        await pacing.think()
        while not until.is_set():
            await reseller.top_up(pacing)

    await asyncio.gather(*(one(user_id) for user_id in SELLERS))


def _seeded(text: io.TextIOWrapper) -> int:
    """The rows of the seeded shops (the sellers' own sales during the run left out)."""
    reader = csv.reader(text)
    header = next(reader)
    column = header.index("ID vendedor")
    return sum(1 for row in reader if int(row[column]) > SEEDED_IDS)


def rows_in(upstreams: Upstreams, documents: list[ChatMessage]) -> dict[str, int]:
    """The seeded shops' rows per kind of file ("ventas", "movimientos"), read back as
    Python's csv reads them."""
    counted: dict[str, int] = {}
    for message in documents:
        content = upstreams.telegram.uploaded(message)
        name = (message.document or {})["file_name"]
        if name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                [member] = archive.namelist()
                with archive.open(member) as raw:
                    rows = _seeded(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
        else:
            rows = _seeded(io.TextIOWrapper(io.BytesIO(content), encoding="utf-8-sig", newline=""))
        kind = name.split("_", 1)[0]
        counted[kind] = counted.get(kind, 0) + rows
    return counted


@dataclass
class Export:
    """One /exportar, timed from the command to its last document."""

    seconds: float = 0.0
    documents: list[ChatMessage] = field(default_factory=list)
    rss_before_kib: int = 0
    peak_kib: int = 0  # the highest of VmRSS sampled and VmHWM after

    @property
    def grew_mib(self) -> float:
        return (self.peak_kib - self.rss_before_kib) / 1024


async def export(upstreams: Upstreams, pid: int, typed: str) -> Export:
    telegram = upstreams.telegram
    done = Export(rss_before_kib=memory_kib(pid)[0])
    peak = done.rss_before_kib
    sent_before = len(telegram.bot_messages(ADMIN))
    started = time.perf_counter()
    telegram.send_text(ADMIN, typed)
    async with asyncio.timeout(300):
        while not _complete(done.documents):
            await asyncio.sleep(0.02)
            peak = max(peak, memory_kib(pid)[0])
            replies = telegram.bot_messages(ADMIN)[sent_before:]
            done.documents = [m for m in replies if m.document is not None]
            refused = [m.text for m in replies if m.document is None and m.text]
            if refused:
                raise RuntimeError(f"the bot answered {refused[0]!r}")
    done.seconds = time.perf_counter() - started
    done.peak_kib = max(peak, memory_kib(pid)[1])
    return done


async def measure(args: argparse.Namespace) -> list[Row]:
    now = datetime.now(UTC)
    today = local_today(ZoneInfo(ZONE_NAME), now)
    typed = f"/exportar {(today - timedelta(days=DAYS)).isoformat()} {today.isoformat()}"
    with tempfile.TemporaryDirectory(prefix="bench-export-") as workdir:
        upstreams = Upstreams(Path(workdir))
        began = time.perf_counter()
        ledger_rows = await seed(upstreams.workdir / "bench.sqlite3", args.purchases, now)
        seeded = time.perf_counter() - began
        print(f"seeded {args.purchases:,} purchases and {ledger_rows:,} ledger rows in "
              f"{seeded:.0f} s")  # fmt: skip
        await upstreams.open()
        bot = BotProcess(upstreams, "bench._serve_bot", upstreams.environment([ADMIN], SELLERS))
        try:
            await bot.start()
            telegram = upstreams.telegram
            admin = User(upstreams, ADMIN, None)
            await admin.act("start", lambda: telegram.send_text(ADMIN, "/start"), ("sent",))
            await Reseller(upstreams, SELLERS[0], None).top_up(Pacing(0, 0, 0))
            gc.collect()

            before, during = Samples(), Samples()
            stop = asyncio.Event()
            sellers = asyncio.create_task(selling(upstreams, before, stop))
            await asyncio.sleep(BEFORE_SECONDS)
            stop.set()
            await sellers
            _, hwm_before = memory_kib(bot.pid)

            alone = await export(upstreams, bot.pid, typed)
            await asyncio.sleep(1)  # the last document's answer reaches the bot; it cleans up
            stop = asyncio.Event()
            sellers = asyncio.create_task(selling(upstreams, during, stop))
            busy = await export(upstreams, bot.pid, typed)
            stop.set()
            await sellers
            _, hwm_after = memory_kib(bot.pid)
            await bot.stop()
        finally:
            bot.kill()
            await upstreams.close()
        counted = [rows_in(upstreams, done.documents) for done in (alone, busy)]
    p99 = percentile(during.all(), 99)
    expected = {"ventas": args.purchases, "movimientos": ledger_rows}
    return [
        Row(
            f"/exportar of {args.purchases:,} purchases and {ledger_rows:,} movements, "
            "while resellers sell",
            f"{busy.seconds:.1f} s",
            f"< {TIME_TARGET_SECONDS:.0f} s",
            verdict(busy.seconds < TIME_TARGET_SECONDS),
        ),
        Row("    the same, nobody else using the bot", f"{alone.seconds:.1f} s"),
        Row(
            "    documents sent",
            ", ".join((m.document or {})["file_name"] for m in busy.documents),
        ),
        Row(
            "    seeded rows read back from them (sales / movements)",
            " · ".join(f"{c.get('ventas', 0):,} / {c.get('movimientos', 0):,}" for c in counted),
            "all",
            verdict(all(c == expected for c in counted)),
        ),
        Row(
            "bot's memory growth: peak VmRSS − VmRSS before (alone · while selling)",
            f"{alone.grew_mib:.1f} MiB · {busy.grew_mib:.1f} MiB",
            f"< {MEMORY_TARGET_MIB:.0f} MiB",
            verdict(max(alone.grew_mib, busy.grew_mib) < MEMORY_TARGET_MIB),
        ),
        Row(
            "    VmRSS before / VmHWM before → after both",
            f"{alone.rss_before_kib / 1024:.0f} MiB / {hwm_before / 1024:.0f} → "
            f"{hwm_after / 1024:.0f} MiB",
        ),
        Row(f"{len(SELLERS)} resellers' added latency per step, before", p50_p99(before.all())),
        Row(
            "    the same, while the export runs",
            p50_p99(during.all()),
            f"p99 < {ms(LATENCY_TARGET_SECONDS)}",
            verdict(p99 < LATENCY_TARGET_SECONDS),
        ),
    ]


def _name(message: ChatMessage) -> str:
    return str((message.document or {})["file_name"])


def _complete(documents: list[ChatMessage]) -> bool:
    """The ledger's last file is the export's last: one file, or part N of N."""
    for message in documents:
        caption = message.caption or ""
        if caption.startswith("📄 Movimientos") and (
            "parte" not in caption or _last_part(caption)
        ):
            return True
    return False


def _last_part(caption: str) -> bool:
    numbers = caption.rsplit("parte ", 1)[1].split(" de ")
    return numbers[0].strip() == numbers[1].strip()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.export", description=__doc__)
    parser.add_argument("--purchases", type=int, default=1_000_000)
    args = parser.parse_args()
    rows = asyncio.run(measure(args))
    title = f"bench.export {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    print(table(title, rows))


if __name__ == "__main__":
    main()
