"""The benchmark's phases, each a bounded amount of work with its figures recorded."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from functools import partial
from itertools import cycle

from bench._upstreams import Upstreams
from bench._users import RECEIPTS, Chatter, Pacing, Reseller, Samples, User, new_phone

HUMAN = (1.5, 3.5)  # seconds of thought between two steps of a person
PROVIDER_ANSWER_SECONDS = 2.0
BRISK = (0.5, 1.5)  # the bystanders, busier than most
HANG_SECONDS = 20.0
WINDOW_SECONDS = 15.0  # how long the bystanders act while purchases hang
FLOOD_MESSAGES = 15  # each flooding stranger's
FLOOD_GAP = (0.5, 1.5)  # seconds between two of a flooding stranger's messages
HELD_MESSAGES = 40  # the stranger whose chat Telegram holds
HELD_SECONDS = 10.0  # how long Telegram holds it (429 with retry_after)


@dataclass
class Figures:
    resellers: int
    paced: Samples = field(default_factory=Samples)
    flat: Samples = field(default_factory=Samples)
    echo: Samples = field(default_factory=Samples)
    while_hanging: Samples = field(default_factory=Samples)
    while_flooded: Samples = field(default_factory=Samples)
    stranger_messages: int = 0
    stranger_replies: int = 0
    held_refusals: int = 0  # 429s the stand-in sent to the held stranger's chat
    top_ups_per_second: float = 0.0
    burst_seconds: float = 0.0
    logins: int = 0
    bot_rss_kib: int = 0
    echo_rss_kib: int = 0
    disk_syncs: list[float] = field(default_factory=list)  # seconds per 4 KiB fdatasync


def _seed(user_id: int, round_: int) -> int:
    """Each user thinks differently in each round: no collision repeats round after round."""
    return user_id * 1000 + round_


async def paced(
    upstreams: Upstreams, ids: list[int], figures: Figures, top_ups: int, round_: int = 0
) -> None:
    """Resellers at a person's pace, each doing `top_ups` whole top-ups."""

    async def one(user_id: int) -> None:
        reseller = Reseller(upstreams, user_id, figures.paced)
        pacing = Pacing(*HUMAN, _seed(user_id, round_))
        await pacing.think()  # people do not all start at the same instant
        for _ in range(top_ups):
            await reseller.top_up(pacing)

    await asyncio.gather(*(one(user_id) for user_id in ids))


async def flat_out(upstreams: Upstreams, ids: list[int], figures: Figures, top_ups: int) -> None:
    """Resellers with no pause at all: how many whole top-ups a second the bot completes."""
    no_pause = Pacing(0, 0, 0)

    async def one(user_id: int) -> None:
        reseller = Reseller(upstreams, user_id, figures.flat)
        for _ in range(top_ups):
            await reseller.top_up(no_pause)

    started = time.perf_counter()
    await asyncio.gather(*(one(user_id) for user_id in ids))
    figures.top_ups_per_second = len(ids) * top_ups / (time.perf_counter() - started)


async def burst(upstreams: Upstreams, ids: list[int], figures: Figures) -> None:
    """Every reseller at the summary, all pressing ✅ at once; the provider takes 2 s."""
    resellers = [Reseller(upstreams, user_id, None) for user_id in ids]
    phones = [new_phone() for _ in ids]
    summaries = await asyncio.gather(
        *(r.to_summary(phone, Pacing(0, 0, 0)) for r, phone in zip(resellers, phones, strict=True))
    )
    upstreams.sandbox.latency_seconds = PROVIDER_ANSWER_SECONDS
    try:
        started = time.perf_counter()
        receipts = await asyncio.gather(
            *(
                r.receipt(summary, phone)
                for r, summary, phone in zip(resellers, summaries, phones, strict=True)
            )
        )
        figures.burst_seconds = max(seen.at for seen in receipts) - started
    finally:
        upstreams.sandbox.latency_seconds = 0.0


async def hang(
    upstreams: Upstreams, hanging_ids: list[int], bystanders: list[int], figures: Figures
) -> None:
    """Purchases hanging at the provider while other resellers go about their business."""
    upstreams.sandbox.hang_seconds = HANG_SECONDS
    hanging = [Reseller(upstreams, user_id, None) for user_id in hanging_ids]
    phones = [new_phone("9971") for _ in hanging]
    summaries = await asyncio.gather(
        *(r.to_summary(phone, Pacing(0, 0, 0)) for r, phone in zip(hanging, phones, strict=True))
    )
    for reseller, summary in zip(hanging, summaries, strict=True):
        reseller.press_confirm(summary)
    await upstreams.wait_arrived(set(phones))
    window_ends = time.perf_counter() + WINDOW_SECONDS

    async def bystander(user_id: int) -> None:
        """/recarga, a number, /cancelar, again and again, each step within the window."""
        user, pacing = User(upstreams, user_id, figures.while_hanging), Pacing(*BRISK, user_id)
        send = upstreams.telegram.send_text
        for step in cycle(("/recarga", "phone", "/cancelar")):
            await pacing.think()
            if time.perf_counter() >= window_ends:
                return
            text = new_phone() if step == "phone" else step
            await user.act(step, partial(send, user_id, text), ("sent",))

    await asyncio.gather(*(bystander(user_id) for user_id in bystanders))
    for reseller in hanging:  # they were never waiting on anyone: now their receipts
        receipt = await upstreams.inbox.next(reseller.user_id, ("edited", "sent"), RECEIPTS)
        if receipt.at < window_ends:
            raise RuntimeError("a hanging purchase ended before the bystanders were done")


async def echo_yardstick(
    upstreams: Upstreams, ids: list[int], figures: Figures, messages: int, round_: int = 0
) -> None:
    """The echo bot, written to at the same pace as the paced resellers."""

    async def one(user_id: int) -> None:
        pacing = Pacing(*HUMAN, _seed(user_id, round_))
        await pacing.think()
        await Chatter(upstreams, user_id, figures.echo).chat(messages, pacing)

    await asyncio.gather(*(one(user_id) for user_id in ids))


async def stranger_flood(
    upstreams: Upstreams,
    strangers: list[int],
    held: int,
    resellers: list[int],
    figures: Figures,
) -> None:
    """Strangers write on and on (one of them to a chat Telegram holds with 429s) while
    resellers do whole top-ups at a person's pace, until the strangers are done."""
    telegram = upstreams.telegram
    for user_id in [*strangers, held]:
        telegram.add_user(user_id, f"Extraño {user_id}")
    telegram.flood_wait(held, HELD_SECONDS)
    sent_before = sum(len(telegram.bot_messages(user_id)) for user_id in [*strangers, held])

    async def stranger(user_id: int, messages: int) -> None:
        pacing = Pacing(*FLOOD_GAP, user_id)
        for number in range(messages):
            telegram.send_text(user_id, f"hola {number}")
            await pacing.think()

    flooding = asyncio.gather(
        *(stranger(user_id, FLOOD_MESSAGES) for user_id in strangers),
        stranger(held, HELD_MESSAGES),
    )

    async def reseller(user_id: int) -> None:
        user, pacing = Reseller(upstreams, user_id, figures.while_flooded), Pacing(*HUMAN, user_id)
        await pacing.think()
        while not flooding.done():
            await user.top_up(pacing)

    await asyncio.gather(flooding, *(reseller(user_id) for user_id in resellers))
    figures.stranger_messages = len(strangers) * FLOOD_MESSAGES + HELD_MESSAGES
    await asyncio.sleep(HELD_SECONDS)  # the held chat's one answer, once it may go
    figures.stranger_replies = (
        sum(len(telegram.bot_messages(user_id)) for user_id in [*strangers, held]) - sent_before
    )
    figures.held_refusals = sum(
        params.get("chat_id") in (held, str(held)) for _, params, _ in telegram.errors
    )
