"""Where panel-tui keeps things. Every path has an override, so tests use tmp_path."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "PANEL_TUI_DATA_DIR"
CONFIG_DIR_ENV = "PANEL_TUI_CONFIG_DIR"
SETTINGS_FILE = "display.json"


def data_dir(override: str | Path | None = None) -> Path:
    """The sessions folder: ``--data-dir``, else ``PANEL_TUI_DATA_DIR``, else ``./sessions``."""
    # A variable set blank (" ") is not set: a folder named " " was made (found by a tester).
    chosen = override or os.environ.get(DATA_DIR_ENV, "").strip() or "sessions"
    return Path(chosen).expanduser()


def data_dir_named(override: str | Path | None = None) -> bool:
    """Whether :func:`data_dir` is one named (``--data-dir`` or the variable), not the default."""
    return bool(override or os.environ.get(DATA_DIR_ENV, "").strip())


def config_dir(override: str | Path | None = None) -> Path:
    """The user's settings folder: ``--config-dir``, else ``PANEL_TUI_CONFIG_DIR``, else
    the system's own (``~/.config/panel-tui``, ``%LOCALAPPDATA%\\panel-tui``, ...)."""
    chosen = override or os.environ.get(CONFIG_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_config_dir("panel-tui", appauthor=False))


def settings_file(override: str | Path | None = None) -> Path:
    """The display settings (ASCII, high contrast, read aloud) kept between runs."""
    return config_dir(override) / SETTINGS_FILE


def user_banks_dir(override: str | Path | None = None) -> Path:
    """The user's own question banks: ``--banks-dir``, else ``./question_banks``."""
    return Path(override or "question_banks").expanduser()


def shipped_banks_dir() -> Path:
    """The banks that ship inside the package (editable or wheel install alike)."""
    return Path(str(files("panel_tui") / "question_banks"))
