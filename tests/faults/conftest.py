"""Fixtures of the fault suite: live bots, closed at the end with the suite's invariants."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.faults.live import MakeLive, live_bots


@pytest.fixture
async def make_live(tmp_path: Path) -> AsyncIterator[MakeLive]:
    """`await make_live(**options)`: an open LiveBot, closed and checked after the test."""
    async with live_bots(tmp_path) as make:
        yield make
