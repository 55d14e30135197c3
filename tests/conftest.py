"""Shared fixtures: a running bot for end-to-end tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.harness import Harness, make_settings, refusals

# Properties, not timings: an example that runs slow on a busy machine (the first
# libphonenumber call, say) is no failure. Speed is the benchmark's to measure.
settings.register_profile("properties", deadline=None)
settings.load_profile("properties")


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22 warns on every RetryAfter unless told to use timedelta; warnings are errors here.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    harness = Harness(make_settings(tmp_path))
    await harness.start()
    yield harness
    await harness.stop()
    refused = refusals(harness.telegram)
    assert refused == [], f"Telegram would have refused: {refused}"
    assert harness.telegram.unanswered_callback_queries() == []
    assert harness.sandbox.duplicate_transaction_ids == []
