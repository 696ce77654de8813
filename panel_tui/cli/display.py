"""The display options of the commands that open the screens, and how they combine.

Only those commands offer them (the top level, ``demo`` and ``practice``): listed
under every command, they did nothing for most (found by a tester).

From weakest to strongest: the defaults, the settings saved in the user's
config folder, ``PANEL_TUI_DISPLAY``, then the flags on the command line.
"""

from __future__ import annotations

import argparse
import os

from panel_tui import locations
from panel_tui.cli.parser import PlainParser
from panel_tui.domain.display import (
    DISPLAY_ENV,
    SETTING_WORDS,
    DisplaySettings,
    from_environment,
    load_settings,
    with_flags,
)


def options() -> argparse.ArgumentParser:
    """A parent parser of ``--ascii``/``--no-ascii`` and friends, and ``--config-dir``."""
    screens = PlainParser(add_help=False)
    for flag, (dest, words) in SETTING_WORDS.items():
        screens.add_argument(
            f"--{flag}",
            dest=dest,
            action=argparse.BooleanOptionalAction,
            default=argparse.SUPPRESS,
            help=f"{words}, for this run (the saved setting stays)",
        )
    screens.add_argument(
        "--config-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"where display settings are kept (also {locations.CONFIG_DIR_ENV})",
    )
    return screens


def resolve(args: argparse.Namespace) -> tuple[DisplaySettings, list[str]]:
    """This run's display settings, and plain notices to show (a damaged file...)."""
    loaded = load_settings(locations.settings_file(getattr(args, "config_dir", None)))
    notices = [loaded.problem] if loaded.problem else []
    settings, note = from_environment(loaded.settings, os.environ.get(DISPLAY_ENV))
    if note:
        notices.append(note)
    flags = {dest: getattr(args, dest, None) for dest, _ in SETTING_WORDS.values()}
    return with_flags(settings, **flags), notices
