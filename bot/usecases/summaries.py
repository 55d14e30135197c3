"""The daily summary (DAILY_SUMMARY_AT): once the hour has come in TIMEZONE, each admin
gets the day's /reporte and each reseller who asked with /resumen their /corte.

Sent once a day: who got which day's is recorded, so a restart, or the clock job's next
run, sends only to whoever has not had it (a chat Telegram will never deliver to counts
as had). Sent as background work (`waited_for=False`): a reply to someone's tap, a
receipt, goes first.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup

from bot.domain.clock import utcnow
from bot.domain.periods import Named, Period
from bot.domain.reports import SummaryChoice
from bot.domain.roles import Role
from bot.messenger import Messenger, Refused
from bot.usecases.people import People
from bot.usecases.reports import Reports
from bot.views.reports import cut as cut_view
from bot.views.reports import report as report_view
from storage.resellers import ResellerRepository
from storage.summaries import SummaryRepository

logger = logging.getLogger(__name__)


class DailySummary:
    def __init__(
        self,
        at: time | None,
        reports: Reports,
        summaries: SummaryRepository,
        accounts: ResellerRepository,
        people: People,
        messenger: Messenger,
        zone: ZoneInfo,
    ) -> None:
        self.at = at
        self._reports = reports
        self._summaries = summaries
        self._accounts = accounts
        self._people = people
        self._messenger = messenger
        self._zone = zone

    async def toggle(self, user_id: int, role: Role) -> SummaryChoice:
        """/resumen: a reseller's cut every day, or no more."""
        if self.at is None:
            return SummaryChoice.DISABLED
        if role is Role.ADMIN or await self._accounts.get(user_id) is None:
            return SummaryChoice.ADMINS_GET_IT
        on = await self._summaries.toggle(user_id)
        return SummaryChoice.ON if on else SummaryChoice.OFF

    async def run(self, now: datetime | None = None) -> int:
        """Send the day's summary to whoever has not had it, if its hour has come;
        returns how many were sent."""
        local = (now or utcnow()).astimezone(self._zone)
        if self.at is None or local.time() < self.at:
            return 0
        day = local.date()
        had = await self._summaries.sent(day)
        admins = [admin for admin in self._people.admins if admin not in had]
        wanted = [
            who
            for who in await self._summaries.subscribers()
            if who not in had and who not in admins
        ]
        period = Period(day, day, Named.TODAY)
        sent = 0
        if admins:
            report = await self._reports.report_of(period)
            for admin in admins:
                text, markup = report_view(report, await self._people.language_of(admin))
                sent += await self._send(day, admin, text, markup)
        for who in wanted:
            reseller = await self._accounts.get(who)
            if reseller is None:
                continue
            cut = await self._reports.cut_of(reseller, period)
            text = cut_view(cut, await self._people.language_of(who), own=True)
            sent += await self._send(day, who, text, None)
        return sent

    async def _send(
        self, day: date, chat_id: int, text: str, markup: InlineKeyboardMarkup | None
    ) -> int:
        shown = await self._messenger.deliver(chat_id, None, text, markup, waited_for=False)
        if shown is None:
            return 0  # Telegram could not take it now: the next run tries again
        if isinstance(shown, Refused):
            logger.warning("The daily summary for %s was refused: %s", chat_id, shown.reason)
        await self._summaries.record(day, chat_id)
        return 0 if isinstance(shown, Refused) else 1
