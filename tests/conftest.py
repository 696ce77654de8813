"""Every test keeps the user's real settings folder out of reach, and reads clocks in UTC."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from panel_tui import locations
from panel_tui.domain.display import DISPLAY_ENV


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A settings folder in tmp_path, and no display words from the environment."""
    folder = tmp_path / "config"
    monkeypatch.setenv(locations.CONFIG_DIR_ENV, str(folder))
    monkeypatch.delenv(DISPLAY_ENV, raising=False)
    return folder


# Screens show times in the machine's own time zone; the tests read them in UTC,
# so a snapshot or a "Started ... at 10:02" reads the same on every machine.
# (Windows has no tzset; its tests then read the machine's zone.)
os.environ["TZ"] = "UTC"
if hasattr(time, "tzset"):
    time.tzset()
