"""Every test keeps the user's real settings folder out of reach, and reads clocks in UTC.

And each test process drives Textual more quickly and collects its garbage less
often (below).
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet

from panel_tui import locations
from panel_tui.domain.display import DISPLAY_ENV
from tests.ui.css_memo import remembering
from tests.ui.headless_frames import frames_drawn_when_read
from tests.ui.pilot_pace import quick_pilot


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings folder in tmp_path, and no display words or sessions folder from the
    environment (a shell with PANEL_TUI_DATA_DIR set, as a tester's was, sent commands
    run without --data-dir to that folder)."""
    folder = tmp_path / "config"
    monkeypatch.setenv(locations.CONFIG_DIR_ENV, str(folder))
    monkeypatch.delenv(DISPLAY_ENV, raising=False)
    monkeypatch.delenv(locations.DATA_DIR_ENV, raising=False)
    # A terminal of millions of colours, as Windows Terminal is: with only 16 the
    # app starts in high contrast (tests/ui/test_settings.py), and a test run
    # without TERM would count as that.
    monkeypatch.setenv("COLORTERM", "truecolor")
    return folder


# Every test that drives the app (tests/ui, and the exports from the summary
# screen) gets the same quicker Textual.


@pytest.fixture(autouse=True, scope="session")
def _css_parsed_once() -> Iterator[None]:
    """Each stylesheet is parsed once per test process, not once per app (see css_memo)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Stylesheet, "_parse_rules", remembering(Stylesheet._parse_rules))
        yield


@pytest.fixture(autouse=True, scope="session")
def _pilot_waits_in_short_slices() -> Iterator[None]:
    """Pilot's idle waits and the screen's redraws in 5 ms steps (see pilot_pace)."""
    with quick_pilot():
        yield


@pytest.fixture(autouse=True, scope="session")
def _frames_drawn_when_read() -> Iterator[None]:
    """No frame is drawn for the headless driver to throw away (see headless_frames)."""
    with frames_drawn_when_read():
        yield


# Screens show times in the machine's own time zone; the tests read them in UTC,
# so a snapshot or a "Started ... at 10:02" reads the same on every machine.
# (Windows has no tzset; its tests then read the machine's zone.)
os.environ["TZ"] = "UTC"
if hasattr(time, "tzset"):
    time.tzset()


#: Python's cyclic garbage collector runs after every 700 new objects by default.
#: Textual makes many short-lived objects per key (styles, segments, strips), and
#: each full collection walks every object the test process holds: pytest's
#: collected tests, and every module imported. That was about a fifth of the
#: processor time of the Pilot tests. Running it less often changes no result
#: (nothing here waits on a collection); memory stays near 150 MB a process.
GARBAGE_THRESHOLDS = (10_000, 10, 10)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Once the tests are collected: what exists now stays, so no collection walks it again."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GARBAGE_THRESHOLDS)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (the suite's default): half as many workers again as processors.

    A Pilot or terminal test spends about a third of its time asleep (waiting for
    the app to go idle, a slow disk, tmux, Chromium), so a third worker on two
    cores fills those waits. Processors as the system counts them (threads of a
    core included), as xdist's own ``auto`` does without psutil. ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still decides if set.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) * 3 // 2)
