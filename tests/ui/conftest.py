"""Fixtures for the screens: a store in tmp_path, a small session saved in it, a frozen app.

The sessions and other shared helpers live in ``tests.ui.helpers``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from panel_tui import locations
from panel_tui.domain.models import Session
from panel_tui.domain.store import Store
from panel_tui.ui.app import PanelApp, make_app
from tests.ui.helpers import (
    FROZEN_CLOCK,
    AppFactory,
    small_session,
)
from tests.ui.speaking import FakeSpeaker
from tests.ui.terminal import Terminal


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """An empty sessions folder."""
    return Store(tmp_path / "sessions")


@pytest.fixture
def session(store: Store) -> Session:
    """The small session, saved in the store."""
    made = small_session()
    store.save(made)
    return made


@pytest.fixture
def app_factory(store: Store, tmp_path: Path) -> AppFactory:
    """Build the app as the command line does, with a frozen clock and no blinking."""

    def build(session_id: str | None = None, **options: Any) -> PanelApp:
        options.setdefault("clock", lambda: FROZEN_CLOCK)
        options.setdefault("cursor_blink", False)
        options.setdefault("speaker", FakeSpeaker())  # tests never speak through the speakers
        options.setdefault("export_dir", tmp_path / "exports")
        return make_app(
            store,
            session_id,
            [(locations.shipped_banks_dir(), "shipped")],
            options.pop("ascii_only", False),
            **options,
        )

    return build


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """A tmux server of the test's own (tests using it are marked ``needs_tmux``)."""
    made = Terminal(f"panel-tui-test-{os.getpid()}-{time.monotonic_ns()}")
    yield made
    made.tmux("kill-server")


#: Long enough that every key of a burst arrives while a save is running: a burst
#: is queued before the first key is read, and it is twice Pilot's idle slice
#: (``pilot_pace``), so keys sent one by one would overtake a save run aside.
SLOW_FSYNC_SECONDS = 0.01


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fsync sleeps first, as on a slow disk (the key-order tests)."""
    real_fsync = os.fsync

    def slow_fsync(fd: int) -> None:
        time.sleep(SLOW_FSYNC_SECONDS)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
