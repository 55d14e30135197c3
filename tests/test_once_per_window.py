"""A stranger's answer once per window, remembering a bounded number of strangers."""

from __future__ import annotations

import pytest

from bot.domain.roles import STRANGER_QUIET_SECONDS, OncePerWindow


def test_once_per_window_per_key() -> None:
    told = OncePerWindow(seconds=300, size=10)
    assert told.first(7, now=0)
    assert not told.first(7, now=1)
    assert not told.first(7, now=299.9)
    assert told.first(8, now=299.9)  # each key its own window
    assert told.first(7, now=300)  # the window over: answered again, once
    assert not told.first(7, now=301)


def test_memory_is_bounded_and_the_oldest_forgotten_first() -> None:
    told = OncePerWindow(seconds=300, size=3)
    for key in range(1, 101):
        assert told.first(key, now=key / 100)
    assert len(told) == 3
    assert not told.first(100, now=2)  # the newest are still remembered
    assert told.first(1, now=2)  # the oldest was forgotten: answered once more


def test_strangers_outside_their_window_are_forgotten() -> None:
    told = OncePerWindow()
    for key in range(50):
        told.first(key, now=0)
    told.first(99, now=STRANGER_QUIET_SECONDS)
    assert len(told) == 1


def test_a_window_is_positive_and_memory_holds_one() -> None:
    with pytest.raises(ValueError, match="positive"):
        OncePerWindow(seconds=0)
    with pytest.raises(ValueError, match="at least 1"):
        OncePerWindow(size=0)
