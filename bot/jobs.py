"""Work on a clock: retrying outcomes nobody has seen yet, forgetting old update ids,
dropping deposit reports whose photo never came.

Each runs once right at start-up too: a restart is when unseen outcomes are likeliest.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from telegram.ext import JobQueue

from bot.context import BotContext

REDELIVER_JOB = "redeliver-outcomes"
REDELIVER_EVERY = timedelta(seconds=30)
PRUNE_JOB = "prune-updates"
PRUNE_EVERY = timedelta(hours=6)
DROP_DEPOSITS_JOB = "drop-stale-deposits"
DROP_DEPOSITS_EVERY = timedelta(minutes=1)
BALANCE_CHECK_JOB = "check-provider-balance"
SUMMARY_JOB = "daily-summary"
SUMMARY_EVERY = timedelta(minutes=1)


async def redeliver_outcomes(context: BotContext) -> None:
    """Edit-or-send the outcome of every finished purchase its reseller has not seen,
    and alert the admins of every pending one none of them has heard of."""
    services = context.bot_data.services
    if services is not None:
        await services.outcomes.redeliver()
        await services.outcomes.realert()


async def prune_updates(context: BotContext) -> None:
    services = context.bot_data.services
    if services is not None:
        await services.replays.prune()


async def drop_stale_deposits(context: BotContext) -> None:
    """A report still waiting for its voucher's photo after 30 minutes is dropped."""
    services = context.bot_data.services
    if services is not None:
        await services.deposits.drop_stale()


async def check_provider_balance(context: BotContext) -> None:
    """The provider's balance against LOW_BALANCE_ALERT (admins alerted once per crossing)."""
    services = context.bot_data.services
    if services is not None:
        await services.alerts.check_balance()


def schedule_balance_checks(job_queue: JobQueue[Any], every: timedelta) -> None:
    """Every `every`, and once at start-up; called only while LOW_BALANCE_ALERT is set."""
    start_up = {"misfire_grace_time": None}
    name = BALANCE_CHECK_JOB
    job_queue.run_once(check_provider_balance, 0, name=f"{name}-at-start-up", job_kwargs=start_up)
    job_queue.run_repeating(check_provider_balance, every, first=every, name=name)


async def send_daily_summary(context: BotContext) -> None:
    """Once DAILY_SUMMARY_AT has come, the day's summary to whoever has not had it: a
    check a minute, so a bot started after the hour still sends that day's."""
    services = context.bot_data.services
    if services is not None:
        await services.summaries.run()


def schedule(job_queue: JobQueue[Any]) -> None:
    """Called before the job queue starts. A repeating job's first run would count as
    missed by then, so the start-up runs are one-off jobs that run however late."""
    start_up = {"misfire_grace_time": None}
    for callback, every, name in (
        (redeliver_outcomes, REDELIVER_EVERY, REDELIVER_JOB),
        (prune_updates, PRUNE_EVERY, PRUNE_JOB),
        (drop_stale_deposits, DROP_DEPOSITS_EVERY, DROP_DEPOSITS_JOB),
    ):
        job_queue.run_once(callback, 0, name=f"{name}-at-start-up", job_kwargs=start_up)
        job_queue.run_repeating(callback, every, first=every, name=name)
    # Not at start-up: what a start has to do first (outcomes nobody saw) goes first.
    job_queue.run_repeating(
        send_daily_summary, SUMMARY_EVERY, first=SUMMARY_EVERY, name=SUMMARY_JOB
    )
