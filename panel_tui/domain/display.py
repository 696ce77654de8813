"""Display settings that stay between runs: ASCII, high contrast, read aloud.

They live in one small JSON file in the user's config folder
(:func:`panel_tui.locations.settings_file`). What a run uses is, from weakest
to strongest: the defaults, the saved file, the ``PANEL_TUI_DISPLAY``
environment variable, then the command-line flags. A damaged file never stops
the app: the defaults are used and the reason is said in plain words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from panel_tui.domain.store import write_atomically
from panel_tui.domain.store.files import read_regular
from panel_tui.domain.system_words import os_reason

#: The most a settings file may hold: three settings take under 100 bytes.
SETTINGS_LIMIT = 64 * 1024

#: The environment variable that overrides saved settings for one run.
DISPLAY_ENV = "PANEL_TUI_DISPLAY"


class DisplaySettings(BaseModel):
    """How the screens look and speak for this chair."""

    # Unknown keys are ignored, so a newer version's file still opens.
    model_config = ConfigDict(extra="ignore", frozen=True)

    ascii_only: bool = False
    """Plain ASCII characters only, for any terminal."""
    high_contrast: bool = False
    """White and yellow on black."""
    read_aloud: bool = False
    """Read each question aloud when it comes up, and each vote as it is recorded."""


#: Each setting: its word (the flag, the environment variable, the help), its
#: field, and what it does.
SETTING_WORDS: dict[str, tuple[str, str]] = {
    "ascii": ("ascii_only", "plain ASCII characters only, for any terminal"),
    "high-contrast": ("high_contrast", "white and yellow on black"),
    "read-aloud": (
        "read_aloud",
        "read each question aloud as it comes up, and say each vote recorded (never how)",
    ),
}


@dataclass(frozen=True)
class Loaded:
    """Settings as read, with the reason the file was not used, if it was not."""

    settings: DisplaySettings
    problem: str | None = None


def load_settings(path: Path) -> Loaded:
    """The saved settings; the defaults (with a plain reason) when the file is damaged."""
    try:
        # Never a pipe or device, which would hang the start or read for ever (found
        # by a tester); a link is followed, as people keep settings in one place.
        raw = read_regular(path, SETTINGS_LIMIT, follow_links=True)
    except FileNotFoundError:
        return Loaded(DisplaySettings())
    except OSError as error:
        return Loaded(DisplaySettings(), _problem(path, os_reason(error)))
    try:
        return Loaded(DisplaySettings.model_validate(json.loads(raw)))
    except (ValueError, ValidationError):  # JSONDecodeError and UnicodeDecodeError too
        return Loaded(DisplaySettings(), _problem(path, "it is damaged"))


def _problem(path: Path, why: str) -> str:
    return (
        f"Your saved display settings in {path} could not be read ({why}), so the "
        "usual settings are used. Changing a setting saves them again."
    )


def save_settings(path: Path, settings: DisplaySettings) -> str | None:
    """Save the settings; returns a plain reason when they could not be saved."""
    payload = json.dumps(settings.model_dump(), indent=2).encode() + b"\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, payload)
    except OSError as error:
        return (
            f"Your display settings could not be saved in {path} "
            f"({os_reason(error)}); they apply until you quit."
        )
    return None


def from_environment(settings: DisplaySettings, value: str | None) -> tuple[DisplaySettings, str]:
    """Apply ``PANEL_TUI_DISPLAY``, e.g. ``"ascii,no-high-contrast"``.

    Returns the settings and a plain note naming any word not understood
    (empty when all were).
    """
    changes: dict[str, bool] = {}
    unknown: list[str] = []
    for word in (value or "").split(","):
        word = word.strip().lower()
        if not word:
            continue
        on = not word.startswith("no-")
        known = SETTING_WORDS.get(word.removeprefix("no-"))
        if known is None:
            unknown.append(word)
        else:
            changes[known[0]] = on
    note = ""
    if unknown:
        note = (
            f"{DISPLAY_ENV} has words panel-tui does not know ({', '.join(unknown)}); "
            f"it understands {', '.join(SETTING_WORDS)}, each also with no- in front."
        )
    return settings.model_copy(update=changes), note


def with_flags(settings: DisplaySettings, **flags: bool | None) -> DisplaySettings:
    """Apply the command-line flags; ``None`` means the flag was not given."""
    return settings.model_copy(update={k: v for k, v in flags.items() if v is not None})
