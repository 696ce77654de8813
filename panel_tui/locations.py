"""Where panel-tui keeps things. Every path has an override, so tests use tmp_path."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

DATA_DIR_ENV = "PANEL_TUI_DATA_DIR"


def data_dir(override: str | Path | None = None) -> Path:
    """The sessions folder: ``--data-dir``, else ``PANEL_TUI_DATA_DIR``, else ``./sessions``."""
    chosen = override or os.environ.get(DATA_DIR_ENV) or "sessions"
    return Path(chosen).expanduser()


def user_banks_dir(override: str | Path | None = None) -> Path:
    """The user's own question banks: ``--banks-dir``, else ``./question_banks``."""
    return Path(override or "question_banks").expanduser()


def shipped_banks_dir() -> Path:
    """The banks that ship inside the package (editable or wheel install alike)."""
    return Path(str(files("panel_tui") / "question_banks"))
