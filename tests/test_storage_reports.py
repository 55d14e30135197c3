"""The reports' reads are index ranges (migration 0013), their buttons fit Telegram, and
an hour of UTC is one local day only where the zone's offset is whole hours."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import callback_data
from bot.callback_data import ReportPage
from bot.domain.periods import local_days
from storage import reports
from storage.db import Database


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "topup.sqlite3")
    yield db
    await db.close()


async def plan(database: Database, sql: str, params: tuple[object, ...]) -> list[str]:
    async with database.reading() as conn:
        cursor = await conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [str(row["detail"]) for row in await cursor.fetchall()]


async def test_every_read_is_an_index_range(database: Database) -> None:
    day = ("2026-12-05T06:00:00+00:00", "2026-12-06T06:00:00+00:00")
    seeks = {
        reports._RESELLER_SALES: "purchases_by_reseller_time",
        reports._RESELLER_MOVES: "ledger_by_reseller_time",
        reports._PERIOD_FUNDS: "ledger_funds_by_time",
    }
    for sql, index in seeks.items():
        params = (20, *day) if "reseller_id = ?" in sql else day
        steps = await plan(database, sql, params)
        assert any(f"INDEX {index} (" in s for s in steps), (sql, steps)
        assert not any(s.startswith("SCAN") for s in steps), (sql, steps)
    steps = await plan(database, reports._BALANCE_BEFORE, (20, day[0]))
    assert steps == [
        "SEARCH ledger USING INDEX ledger_by_reseller_time (reseller_id=? AND created_at<?)"
    ]
    # Every seller's period, in the order of its groups: nothing sorted.
    bounds, hours = reports.hours_between(
        datetime(2026, 12, 5, 6, tzinfo=UTC), datetime(2026, 12, 6, 6, tzinfo=UTC)
    )
    assert hours == ("2026-12-05T06", "2026-12-06T05")
    by_hour = reports._BY_MOMENT.format(grain=13, bounds=bounds)
    steps = await plan(database, by_hour, hours)
    assert steps == ["SEARCH purchases USING INDEX purchases_by_hour (<expr>>? AND <expr><?)"]
    steps = await plan(database, reports._BY_SELLER, ("[1]", *day))
    assert steps[0] == (
        "SEARCH purchases USING COVERING INDEX purchases_by_reseller_status "
        "(reseller_id=? AND status=? AND created_at>? AND created_at<?)"
    )
    assert not any("TEMP B-TREE FOR GROUP BY" in step for step in steps), steps


def test_a_report_page_button_fits_and_reads_back() -> None:
    button = ReportPage(date(2025, 12, 6), date(2026, 12, 5), 9_999)
    assert len(button.encode().encode()) <= callback_data.MAX_BYTES
    assert callback_data.parse(button.encode()) == button
    assert callback_data.parse("report:20261301:20261205:0") is None  # no 13th month
    assert callback_data.unknown("report:20261301:20261205:0")


def test_an_hour_is_one_local_day_only_in_whole_hour_zones() -> None:
    hours = {"2026-12-05T05", "2026-12-05T06"}
    mexico = local_days(hours, ZoneInfo("America/Mexico_City"), 13)
    assert mexico == {"2026-12-05T05": date(2026, 12, 4), "2026-12-05T06": date(2026, 12, 5)}
    # India is UTC+5:30: 18:00-19:00 UTC holds its midnight, so minutes are needed.
    india = ZoneInfo("Asia/Kolkata")
    assert local_days({"2026-12-05T18"}, india, 13) is None
    assert local_days({"2026-12-05T18:29", "2026-12-05T18:30"}, india, 16) == {
        "2026-12-05T18:29": date(2026, 12, 5),
        "2026-12-05T18:30": date(2026, 12, 6),
    }
